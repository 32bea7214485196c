package dev.mcpoauth.helidon;

import dev.mcpoauth.core.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the JSON documents and JSON errors of the OAuth endpoints. */
final class Responses {

    static final String APPLICATION_JSON = "application/json";
    /** How long clients may reuse discovery documents and keys. */
    static final String METADATA_CACHE = "public, max-age=300";

    private Responses() {
    }

    /** Sends {@code body} as JSON with {@code status}; the caller sets caching headers. */
    static void json(ServerResponse res, int status, Map<String, ?> body) {
        res.status(Status.create(status));
        res.header(HeaderNames.CONTENT_TYPE, APPLICATION_JSON);
        res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        res.send(Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code body} as JSON that must never be stored (RFC 6749 §5.1): tokens, secrets, errors. */
    static void sensitiveJson(ServerResponse res, int status, Map<String, ?> body) {
        noStore(res);
        json(res, status, body);
    }

    /** Sends a discovery document, cacheable for a few minutes. */
    static void metadata(ServerResponse res, Map<String, ?> body) {
        res.header(HeaderNames.CACHE_CONTROL, METADATA_CACHE);
        json(res, 200, body);
    }

    /** Sends the RFC 6749 §5.2 error object. */
    static void error(ServerResponse res, int status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        sensitiveJson(res, status, body);
    }

    /** Marks a response as not to be stored by any cache. */
    static void noStore(ServerResponse res) {
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header(HeaderNames.PRAGMA, "no-cache");
    }
}
