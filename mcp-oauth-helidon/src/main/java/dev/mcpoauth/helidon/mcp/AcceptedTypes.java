package dev.mcpoauth.helidon.mcp;

import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;

import java.util.List;
import java.util.Locale;

/**
 * Which of the two MCP response media types a request's {@code Accept} header allows.
 *
 * <p>Wildcards count ({@code *}{@code /*}, {@code application/*}, {@code text/*}); a range with
 * {@code q=0} is refused; a request without {@code Accept} accepts anything (RFC 9110 §12.5.1).
 *
 * @param json whether {@code application/json} is acceptable
 * @param sse  whether {@code text/event-stream} is acceptable
 */
record AcceptedTypes(boolean json, boolean sse) {

    /** Reads the Accept header lines of a request. */
    static AcceptedTypes of(Headers headers) {
        List<String> values = headers.all(HeaderNames.ACCEPT, List::of);
        if (values.isEmpty()) {
            return new AcceptedTypes(true, true);
        }
        boolean json = false;
        boolean sse = false;
        for (String value : values) {
            for (String range : value.split(",")) {
                String[] parts = range.split(";");
                String type = parts[0].trim().toLowerCase(Locale.ROOT);
                if (refused(parts)) {
                    continue;
                }
                json |= type.equals(McpHttp.APPLICATION_JSON) || type.equals("application/*") || type.equals("*/*");
                sse |= type.equals(McpHttp.TEXT_EVENT_STREAM) || type.equals("text/*") || type.equals("*/*");
            }
        }
        return new AcceptedTypes(json, sse);
    }

    private static boolean refused(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2)) <= 0.0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
