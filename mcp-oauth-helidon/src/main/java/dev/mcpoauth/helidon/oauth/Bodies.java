package dev.mcpoauth.helidon.oauth;

import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads request bodies within a size limit and checks their content type. A body over the limit
 * is refused with 413 as soon as its declared length or its first excess byte shows it, so a huge
 * body is never held in memory.
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
     * @throws HttpProblem 413 when the body is larger than {@code limit}
     */
    static String text(ServerRequest req, long limit) {
        OptionalLong declared = req.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > limit) {
            throw HttpProblem.tooLarge(limit);
        }
        if (!req.content().hasEntity()) {
            return "";
        }
        int max = (int) Math.min(limit, Integer.MAX_VALUE - 8);
        try (InputStream in = req.content().inputStream()) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw HttpProblem.tooLarge(limit);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
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
