package dev.mcpoauth.login;

import dev.mcpoauth.LoginRequest;
import java.util.Locale;

/**
 * When the login page's CSRF cookie carries the {@code Secure} attribute.
 *
 * <p>The handler cannot see the connection, and a {@link LoginRequest} does not say whether it came
 * over TLS, so the choice is a setting. {@code Secure} over plain http makes browsers drop the cookie
 * (every submission would then fail the CSRF check), while leaving it off over https only lets the
 * cookie travel over http too, should the same host also serve http.
 */
public enum SecureCookie {

    /** Always {@code Secure}: choose this when the server is only reachable over https. */
    ALWAYS,

    /** Never {@code Secure}: plain http, e.g. a server on {@code http://localhost}. */
    NEVER,

    /**
     * {@code Secure} when the transport says the request came over https ({@link LoginRequest#secure()}:
     * TLS, or a trusted proxy that received it over https), or when the request says a proxy received
     * it over https: {@code Forwarded: proto=https} or {@code X-Forwarded-Proto: https}. Those headers
     * are not trusted for anything else. Here a
     * forged header can only come from a client that is not a browser (pages cannot set them), and its
     * only effect is that this client's own cookie gets {@code Secure}; a missing header leaves the
     * cookie as on plain http, which still works. The default.
     */
    AUTO;

    /** Whether a response to this request should mark the cookie {@code Secure}. */
    boolean secure(LoginRequest request) {
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> request.secure() || forwardedHttps(request);
        };
    }

    private static boolean forwardedHttps(LoginRequest request) {
        boolean forwarded = request.header("forwarded")
                // The first element is the hop nearest to the browser.
                .map(value -> value.split(",", 2)[0])
                .map(element -> {
                    for (String pair : element.split(";")) {
                        String p = pair.trim().toLowerCase(Locale.ROOT).replace("\"", "");
                        if (p.equals("proto=https")) {
                            return true;
                        }
                    }
                    return false;
                })
                .orElse(false);
        return forwarded || request.header("x-forwarded-proto")
                .map(value -> value.split(",", 2)[0].trim().equalsIgnoreCase("https"))
                .orElse(false);
    }
}
