package dev.mcpoauth.helidon;

import io.helidon.http.HeaderNames;
import io.helidon.http.HtmlEncoder;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;

/**
 * The page shown instead of a redirect when {@code /authorize} cannot trust the client or its
 * redirect URI (RFC 6749 §4.1.2.1: never redirect then), or when the server fails during a browser
 * request. Every value is HTML-escaped (Helidon's {@link HtmlEncoder}: the page puts values in element
 * content only); the page loads nothing and cannot be framed.
 */
final class HtmlPage {

    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'none'";

    private HtmlPage() {
    }

    /** Sends an error page with the protocol error code and its description. */
    static void error(ServerResponse res, int status, String error, String description) {
        String body = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>Sign-in request refused</title>\n"
                + "<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem}"
                + "code{background:#eee;padding:0 .2rem}</style>\n</head>\n<body>\n"
                + "<h1>This sign-in request cannot be completed</h1>\n"
                + "<p>" + HtmlEncoder.encode(description) + "</p>\n"
                + "<p>Error: <code>" + HtmlEncoder.encode(error) + "</code></p>\n"
                + "<p>Go back to the application you came from and try again.</p>\n</body>\n</html>\n";
        res.status(Status.create(status));
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8");
        Responses.noStore(res);
        res.header(HeaderNames.create("Content-Security-Policy"), POLICY);
        res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        res.header(HeaderNames.create("X-Frame-Options"), "DENY");
        res.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
        res.send(body.getBytes(StandardCharsets.UTF_8));
    }
}
