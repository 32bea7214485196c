package dev.mcpoauth.login.internal;

import dev.mcpoauth.LoginResponse;
import java.util.List;

/**
 * The security headers every login page response carries.
 *
 * <p><b>Why the login form's policy has no {@code form-action}.</b> CSP Level 3 makes
 * {@code form-action} a navigation directive, and whether it also governs the redirects that follow
 * a submission is unsettled (w3c/webappsec-csp#8, open since 2015). Chromium (and, reportedly, Safari) checks it
 * against every hop of the redirect chain; Firefox checks only the form's target. Our form posts to
 * {@code /oauth/login}, which answers {@code 302} to the OAuth client's {@code redirect_uri}: another
 * origin ({@code https://claude.ai/...}), a loopback port ({@code http://127.0.0.1:53682/callback},
 * not "self" because the port differs) or a custom scheme ({@code cursor://...}), and that URI may
 * itself redirect onward (an https callback bouncing to {@code claude://}). With
 * {@code form-action 'self'} Chromium silently refuses the redirect and the user is stuck on the page.
 * Adding the redirect origin per request does not work either: the page knows only the redirect host
 * (not its scheme or port) and cannot know where the client's own callback redirects next.
 * {@code form-action} does not fall back to {@code default-src}, so leaving it out allows any target.
 * What it would have defended against (an injected form, or markup that retargets ours) is covered by
 * escaping every value, by {@code default-src 'none'} (no script can rewrite the form's action) and by
 * the CSRF token. Pages without a form keep {@code form-action 'none'}.
 *
 * <p>Not sent on purpose: {@code Cross-Origin-Opener-Policy}, because clients that open the login in a
 * popup expect their callback page to reach {@code window.opener}, which a COOP browsing-context
 * switch would cut.
 */
public final class SecurityHeaders {

    /** The policy of pages with the login form: no scripts, stylesheets and images only from this origin. */
    public static final String FORM_PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "frame-ancestors 'none'; base-uri 'none'";

    /** The policy of pages without a form (errors): as strict, and no form submission at all. */
    public static final String MESSAGE_PAGE_POLICY = FORM_PAGE_POLICY + "; form-action 'none'";

    private SecurityHeaders() {
    }

    /** The form-page policy with extra {@code style-src} hash sources for a custom template's inline styles. */
    public static String formPagePolicy(List<String> styleHashes) {
        if (styleHashes.isEmpty()) {
            return FORM_PAGE_POLICY;
        }
        return FORM_PAGE_POLICY.replace("style-src 'self'", "style-src 'self' " + String.join(" ", styleHashes));
    }

    /** An HTML page ({@code no-store}) with the given policy and the framing, sniffing and referrer headers. */
    public static LoginResponse html(int status, String body, String policy) {
        return LoginResponse.html(status, body)
                .withHeader("Content-Security-Policy", policy)
                .withHeader("X-Frame-Options", "DENY")
                .withHeader("X-Content-Type-Options", "nosniff")
                .withHeader("Referrer-Policy", "no-referrer");
    }

    /** A redirect that does not leak the login page's URL to the client through {@code Referer}. */
    public static LoginResponse redirect(java.net.URI location) {
        return LoginResponse.redirect(location)
                .withHeader("X-Content-Type-Options", "nosniff")
                .withHeader("Referrer-Policy", "no-referrer");
    }
}
