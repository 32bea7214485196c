package dev.mcpoauth.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code application_type} client metadata of
 * <a href="https://openid.net/specs/openid-connect-registration-1_0.html#ClientMetadata">OpenID Connect
 * Dynamic Client Registration 1.0 §2</a>, which MCP 2026-07-28 ("Client Registration", "Application Type
 * and Redirect URI Constraints") asks every client to send, and the redirect URI rules that go with it:
 * <ul>
 *   <li>{@code web}: a browser-based application on a remote host; every redirect URI is https and
 *       never names a loopback host;</li>
 *   <li>{@code native}: a desktop, mobile or command-line application; redirect URIs may be http on a
 *       loopback host (any port, RFC 8252 §7.3), a private-use scheme such as {@code cursor:} (RFC 8252
 *       §7.1), or https (claimed URLs, RFC 8252 §7.2).</li>
 * </ul>
 * A client that sends no {@code application_type} (every client of MCP 2025-11-25 and earlier) keeps the
 * rules it always had, which are the native ones: OpenID Connect's default of {@code web} would refuse
 * the loopback redirect URIs those clients use. The general rules of {@link RedirectUris#problem} (no
 * fragment, no {@code javascript:}, {@code data:}, {@code vbscript:} or {@code file:}, http only on a
 * loopback host) apply to both types first.
 */
enum ApplicationType {

    /** A browser-based application served from a remote host. */
    WEB("web"),
    /** An application running on the user's device. */
    NATIVE("native");

    private final String wireValue;

    ApplicationType(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value on the wire, {@code web} or {@code native}. */
    public String wireValue() {
        return wireValue;
    }

    /** The type a wire value names; empty for any other value. */
    public static Optional<ApplicationType> fromWireValue(String value) {
        for (ApplicationType type : values()) {
            if (type.wireValue.equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * The type a client that did not name one is described as in the registration response: native
     * when a redirect URI is a loopback or private-use one, else web. Only descriptive: such a client
     * keeps the rules of a client without a type.
     */
    public static ApplicationType describing(List<String> redirectUris) {
        return redirectUris.stream().allMatch(uri -> WEB.problem(uri).isEmpty()) ? WEB : NATIVE;
    }

    /**
     * Why a redirect URI, already acceptable to {@link RedirectUris#problem}, does not suit this type.
     *
     * @param redirectUri the URI as the client sent it
     * @return the reason, for the client developer; empty when it suits
     */
    public Optional<String> problem(String redirectUri) {
        if (this == NATIVE) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(redirectUri);
        } catch (URISyntaxException e) {
            return Optional.of("not a valid URI: " + redirectUri);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return Optional.of("a web application's redirect URIs must be https; register with "
                    + "application_type native for loopback or custom-scheme redirect URIs: " + redirectUri);
        }
        if (isLoopbackName(uri.getHost())) {
            return Optional.of("a web application's redirect URIs must not name a loopback host; register with "
                    + "application_type native: " + redirectUri);
        }
        return Optional.empty();
    }

    /** localhost, any *.localhost (RFC 6761 §6.3), 127.0.0.0/8 and [::1], as names: nothing is resolved. */
    private static boolean isLoopbackName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("[::1]") || h.startsWith("127.")
                && h.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
    }
}
