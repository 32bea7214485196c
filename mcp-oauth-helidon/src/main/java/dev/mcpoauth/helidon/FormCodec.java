package dev.mcpoauth.helidon;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes {@code application/x-www-form-urlencoded} text, the shape of query strings and of OAuth
 * request bodies (RFC 6749 Appendix B), keeping every value of a repeated name so that the engine
 * can refuse repetitions (RFC 6749 §3.1).
 *
 * <p>Written here rather than taken from Helidon's {@code UriQuery}, which is lenient where OAuth
 * wants a clear {@code invalid_request}: it passes a malformed percent escape through undecoded
 * (measured on 4.5.0: {@code %ZZ} stays {@code %ZZ}).
 */
final class FormCodec {

    private FormCodec() {
    }

    /**
     * Parses {@code name=value&...}; a pair without {@code =} has the empty value, empty pairs are skipped.
     *
     * @param raw the encoded text, possibly empty
     * @return the names in order of first appearance, each with its values in order
     * @throws HttpProblem {@code invalid_request} when a percent escape is malformed
     */
    static Map<String, List<String>> parse(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        params.replaceAll((name, values) -> Collections.unmodifiableList(values));
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("the parameters are not correctly form-encoded");
        }
    }
}
