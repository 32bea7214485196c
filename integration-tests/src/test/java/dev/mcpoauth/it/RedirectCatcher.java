package dev.mcpoauth.it;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OAuth client's redirect URI on a loopback port: records every request that arrives at it (the
 * browser landing there with the code) and answers with a small page, as a native client does.
 */
final class RedirectCatcher implements AutoCloseable {

    private final HttpServer server;
    private final List<URI> arrivals = new CopyOnWriteArrayList<>();

    RedirectCatcher() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cb", exchange -> {
            arrivals.add(exchange.getRequestURI());
            byte[] page = "<!DOCTYPE html><title>Signed in</title><p>Signed in. You can close this tab.</p>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
    }

    /** The redirect URI to register, e.g. {@code http://127.0.0.1:40123/cb}. */
    String redirectUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cb";
    }

    /** The request URIs (path and query) that arrived, in order. */
    List<URI> arrivals() {
        return List.copyOf(arrivals);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
