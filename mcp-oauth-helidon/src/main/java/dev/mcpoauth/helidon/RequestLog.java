package dev.mcpoauth.helidon;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * What {@code debug} in the server configuration means for the transport: one INFO line per request
 * to an endpoint of this transport, with method, path, status and duration. Query strings, headers
 * and bodies are never logged: they carry authorization codes, login request ids, credentials and
 * tokens. Off, it costs nothing.
 */
final class RequestLog {

    private static final System.Logger LOG = System.getLogger("dev.mcpoauth.helidon.requests");

    private final boolean enabled;

    RequestLog(boolean enabled) {
        this.enabled = enabled;
    }

    /** Logs the request once its response has been sent, when enabled. */
    void watch(ServerRequest req, ServerResponse res) {
        if (!enabled) {
            return;
        }
        long start = System.nanoTime();
        String method = req.prologue().method().text();
        String path = req.path().rawPath();
        res.whenSent(() -> LOG.log(System.Logger.Level.INFO, "{0} {1} -> {2} ({3} ms)", method, path,
                res.status().code(), (System.nanoTime() - start) / 1_000_000));
    }
}
