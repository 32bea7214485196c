package dev.mcpoauth.core;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Adds parameters to the query of a redirect URI, keeping the query the client registered. */
final class QueryStrings {

    private QueryStrings() {
    }

    /**
     * Appends parameters to a URI's query (RFC 6749 §4.1.2: the registered query is kept).
     *
     * @param base   a validated redirect URI without fragment
     * @param params the parameters, in order
     * @return the URI with the parameters
     */
    public static URI withParams(String base, Map<String, String> params) {
        StringBuilder uri = new StringBuilder(base);
        char separator = base.indexOf('?') >= 0 ? (base.endsWith("?") || base.endsWith("&") ? 0 : '&') : '?';
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (separator != 0) {
                uri.append(separator);
            }
            uri.append(encode(param.getKey())).append('=').append(encode(param.getValue()));
            separator = '&';
        }
        return URI.create(uri.toString());
    }

    /** Percent-encodes a query value; spaces become {@code %20}, which every query parser reads as a space. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Decodes a form-encoded value, as in the credentials of an HTTP Basic header (RFC 6749 §2.3.1). */
    public static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
