package dev.mcpoauth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An HTTP request to the login page ({@code GET} or {@code POST /oauth/login}), independent of any
 * web server.
 *
 * @param method        the HTTP method, upper case
 * @param query         the decoded query parameters
 * @param form          the decoded {@code application/x-www-form-urlencoded} body parameters; empty for GET
 * @param headers       the request headers, names in lower case
 * @param remoteAddress the client's address as the transport determined it (trusted proxies honoured);
 *                      the engine throttles failed logins per address
 * @param secure        whether the browser reached the server over https: a TLS connection, or a trusted
 *                      proxy that says it received the request over https. A login page marks its
 *                      cookies {@code Secure} then.
 */
public record LoginRequest(String method,
                           Map<String, List<String>> query,
                           Map<String, List<String>> form,
                           Map<String, List<String>> headers,
                           String remoteAddress,
                           boolean secure) {

    /** Validates and copies; header names are lower-cased. */
    public LoginRequest {
        method = Values.requireNonBlank(method, "method").toUpperCase(Locale.ROOT);
        query = copy(query);
        form = copy(form);
        headers = copy(headers).entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue,
                        (a, b) -> List.copyOf(concat(a, b))));
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }

    /**
     * A request whose transport does not say whether it came over https ({@code secure} false).
     *
     * @param method        the HTTP method
     * @param query         the decoded query parameters
     * @param form          the decoded form parameters
     * @param headers       the request headers
     * @param remoteAddress the client's address
     */
    public LoginRequest(String method, Map<String, List<String>> query, Map<String, List<String>> form,
                        Map<String, List<String>> headers, String remoteAddress) {
        this(method, query, form, headers, remoteAddress, false);
    }

    /** Whether this is a form submission. */
    public boolean isPost() {
        return "POST".equals(method);
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParam(String name) {
        return first(query, name);
    }

    /** The first value of a form parameter. */
    public Optional<String> formParam(String name) {
        return first(form, name);
    }

    /** A form parameter if present, else the query parameter: how the original read {@code state}. */
    public Optional<String> param(String name) {
        return formParam(name).or(() -> queryParam(name));
    }

    /** The first value of a header; the name is matched case-insensitively. */
    public Optional<String> header(String name) {
        return first(headers, name.toLowerCase(Locale.ROOT));
    }

    /** The value of a cookie sent in the {@code Cookie} header(s). */
    public Optional<String> cookie(String name) {
        for (String header : headers.getOrDefault("cookie", List.of())) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                    return Optional.of(pair.substring(eq + 1).trim());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> first(Map<String, List<String>> values, String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> values) {
        Objects.requireNonNull(values, "parameters");
        return values.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
