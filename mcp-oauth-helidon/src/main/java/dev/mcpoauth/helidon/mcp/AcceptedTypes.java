package dev.mcpoauth.helidon.mcp;

import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.BadRequestException;
import io.helidon.http.HttpMediaType;
import io.helidon.http.ServerRequestHeaders;

import java.util.List;

/**
 * Which of the two MCP response media types a request's {@code Accept} header allows, from Helidon's
 * parsed {@link ServerRequestHeaders#acceptedTypes()} (wildcards included).
 *
 * <p>Two rules Helidon's own {@code isAccepted} leaves out: a range with {@code q=0} means "not
 * acceptable" (RFC 9110 §12.4.2), and an {@code Accept} header Helidon cannot parse accepts nothing,
 * so the request gets the endpoint's 406 rather than a bare 400. A request without {@code Accept}
 * accepts anything (RFC 9110 §12.5.1).
 *
 * @param json whether {@code application/json} is acceptable
 * @param sse  whether {@code text/event-stream} is acceptable
 */
record AcceptedTypes(boolean json, boolean sse) {

    /** Reads the Accept header lines of a request. */
    static AcceptedTypes of(ServerRequestHeaders headers) {
        List<HttpMediaType> ranges;
        try {
            ranges = headers.acceptedTypes();
        } catch (BadRequestException e) {
            return new AcceptedTypes(false, false);
        }
        if (ranges.isEmpty()) {
            return new AcceptedTypes(true, true);
        }
        return new AcceptedTypes(accepts(ranges, MediaTypes.APPLICATION_JSON), accepts(ranges, MediaTypes.TEXT_EVENT_STREAM));
    }

    private static boolean accepts(List<HttpMediaType> ranges, MediaType type) {
        return ranges.stream().anyMatch(range -> quality(range) > 0 && range.test(type));
    }

    /** The range's {@code q}; one that does not parse counts as the default 1 (as before: lenient). */
    private static double quality(HttpMediaType range) {
        try {
            return range.qualityFactor();
        } catch (RuntimeException e) {
            return 1.0;
        }
    }
}
