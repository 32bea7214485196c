package dev.mcpoauth.helidon;

import dev.mcpoauth.helidon.mcp.RequestBody;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads request bodies within a size limit and checks their content type. A body over the limit
 * is refused with 413 as soon as its declared length or its first excess byte shows it, so a huge
 * body is never held in memory; a body that ends early or is badly chunked gets 400
 * {@code invalid_request} (see {@link RequestBody}).
 */
final class Bodies {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";

    private Bodies() {
    }

    /**
     * Whether the request's {@code Content-Type} is {@code type}, ignoring parameters such as charset.
     * A header that is not a media type at all is simply not {@code type}.
     */
    static boolean isType(ServerRequest req, String type) {
        try {
            return req.headers().contentType()
                    .map(HttpMediaType::mediaType)
                    .map(m -> (m.type() + "/" + m.subtype()).toLowerCase(Locale.ROOT).equals(type))
                    .orElse(false);
        } catch (io.helidon.http.BadRequestException e) {
            // Helidon refuses to parse e.g. "Content-Type: garbage" (found by FuzzTest).
            return false;
        }
    }

    /**
     * Reads the body as UTF-8 text.
     *
     * @param limit the largest accepted size in bytes
     * @return the text; empty when there is no body
     * @throws HttpProblem 413 when the body is larger than {@code limit}; 400 {@code invalid_request}
     *                     when it ends before its {@code Content-Length} or its chunked framing is malformed
     */
    static String text(ServerRequest req, long limit) {
        try {
            return new String(RequestBody.read(req, limit), StandardCharsets.UTF_8);
        } catch (RequestBody.TooLarge e) {
            throw HttpProblem.tooLarge(limit);
        } catch (RequestBody.Unreadable e) {
            throw HttpProblem.badRequest(e.getMessage());
        }
    }

    /**
     * Reads an {@code application/x-www-form-urlencoded} body.
     *
     * @throws HttpProblem 400 {@code invalid_request} for another content type or a malformed body, 413 when too large
     */
    static Map<String, List<String>> form(ServerRequest req, long limit) {
        if (!isType(req, FORM)) {
            throw HttpProblem.badRequest("the request body must be " + FORM + " (RFC 6749 §3.2)");
        }
        return FormCodec.parse(text(req, limit));
    }
}
