package dev.mcpoauth;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the login page answers: an HTML page or a redirect, with headers. The transport writes it as
 * it is, adding nothing but what HTTP requires.
 *
 * @param status  the HTTP status
 * @param headers response headers (e.g. {@code Content-Security-Policy}, {@code Set-Cookie}, {@code Location})
 * @param body    the response body; empty for redirects
 */
public record LoginResponse(int status, Map<String, List<String>> headers, String body) {

    /** Validates and copies. */
    public LoginResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = java.util.Collections.unmodifiableMap(copy);
        Objects.requireNonNull(body, "body");
    }

    /** An HTML page with {@code Content-Type: text/html; charset=UTF-8} and {@code Cache-Control: no-store}. */
    public static LoginResponse html(int status, String body) {
        return new LoginResponse(status, Map.of(
                "Content-Type", List.of("text/html; charset=UTF-8"),
                "Cache-Control", List.of("no-store")), body);
    }

    /** A {@code 302 Found} to {@code location}, not cached. */
    public static LoginResponse redirect(URI location) {
        return new LoginResponse(302, Map.of(
                "Location", List.of(location.toString()),
                "Cache-Control", List.of("no-store")), "");
    }

    /** This response with one more header value added. */
    public LoginResponse withHeader(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        List<String> values = new ArrayList<>(copy.getOrDefault(name, List.of()));
        values.add(value);
        copy.put(name, values);
        return new LoginResponse(status, copy, body);
    }
}
