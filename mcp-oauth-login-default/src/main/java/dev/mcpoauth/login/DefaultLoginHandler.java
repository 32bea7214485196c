package dev.mcpoauth.login;

import dev.mcpoauth.LoginException;
import dev.mcpoauth.LoginFlow;
import dev.mcpoauth.LoginHandler;
import dev.mcpoauth.LoginPrompt;
import dev.mcpoauth.LoginRequest;
import dev.mcpoauth.LoginResponse;
import dev.mcpoauth.login.internal.CsrfGuard;
import dev.mcpoauth.login.internal.Pages;
import dev.mcpoauth.login.internal.SecurityHeaders;
import java.util.Objects;
import java.util.Optional;

/**
 * The default login page at {@code /oauth/login}: a username and password form rendered from an HTML
 * template, protected against cross-site request forgery, served with a strict Content-Security-Policy.
 *
 * <p><b>Template macros</b>, replaced in one pass (a value is never scanned for macros again) and
 * always HTML-escaped: {@code {state}}, {@code {username}}, {@code {app_name}}, {@code {error_message}}
 * (the original library's), and {@code {client_name}} (the client's self-declared name, else its id),
 * {@code {client_id}}, {@code {redirect_host}}, {@code {redirect_kind}} ({@code local} when the code
 * goes to a loopback address, else {@code remote}), {@code {client_warning}} (a warning when a client
 * known by a Client ID Metadata Document sends the code to this computer, where any program could
 * claim to be it; else empty), {@code {scopes}} (comma-separated, empty when
 * none), {@code {csrf_token}}, {@code {assets}} (the URL path of {@link LoginAssets}),
 * {@code {autofocus_username}} and {@code {autofocus_password}} ({@code autofocus} on the field to
 * type into next, else empty). Other braces are left alone.
 *
 * <p><b>CSRF.</b> A GET sets the cookie {@value #CSRF_COOKIE} ({@code HttpOnly; SameSite=Strict},
 * {@code Secure} per {@link SecureCookie}) and puts {@code base64url(HMAC-SHA256(key, cookie|state))}
 * in the form field {@code csrf_token}. A POST without the matching pair gets the form again with
 * status 403 and "Your session expired", and the flow is not called. A custom template without
 * {@code {csrf_token}} still gets the field: a hidden input is inserted right after each
 * {@code <form ...>} opening tag. A custom template must contain a form posting {@code state},
 * {@code username} and {@code password}; its inline {@code <style>} elements are allowed by hash,
 * inline scripts and {@code style} attributes are blocked (see {@link Builder#contentSecurityPolicy}).
 *
 * <p><b>Statuses.</b> GET: 200, or 400 when {@code state} is missing or unknown. POST: 302 to the
 * flow's URI; 200 with the form, the error and the username (never the password) on wrong
 * credentials (not 401: that status requires a {@code WWW-Authenticate} challenge, RFC 9110 §15.5.2,
 * and a form login has none); 429 with the form, the wait in the message and {@code Retry-After} on
 * throttling (the flow throttles per username and per {@link LoginRequest#remoteAddress()}); 400 without a form when the request
 * is unknown or expired; 403 on a CSRF failure. Other methods: 405. The page adds nothing to the
 * flow's messages, so it reveals no more than the flow about whether a username exists.
 *
 * <p>Immutable and thread safe.
 */
public final class DefaultLoginHandler implements LoginHandler {

    /** The name of the CSRF cookie. A {@code __Host-} prefix would need {@code Secure}, impossible on http://localhost. */
    public static final String CSRF_COOKIE = "mcp_oauth_csrf";

    /** The path of the login page, and the default path of the CSRF cookie. */
    public static final String LOGIN_PATH = "/oauth/login";

    private static final System.Logger LOG = System.getLogger(DefaultLoginHandler.class.getName());
    private static final String START_AGAIN = "Go back to the app you were signing in to and start again.";
    private static final String SESSION_EXPIRED =
            "Your session expired, please try again. (This page needs cookies to be allowed.)";

    private final Pages pages;
    private final CsrfGuard csrf;
    private final SecureCookie secureCookie;
    private final String cookiePath;

    private DefaultLoginHandler(Builder builder, byte[] key) {
        String assets = builder.assetsPath.endsWith("/")
                ? builder.assetsPath.substring(0, builder.assetsPath.length() - 1) : builder.assetsPath;
        this.pages = new Pages(builder.appName, builder.template, assets, builder.policy);
        this.csrf = new CsrfGuard(key);
        this.secureCookie = builder.secureCookie;
        this.cookiePath = builder.cookiePath;
    }

    /** The default page for an app, with a random per-process CSRF key. */
    public static DefaultLoginHandler create(String appName) {
        return builder(appName).build();
    }

    /** A custom template for an app, with a random per-process CSRF key. */
    public static DefaultLoginHandler create(String appName, String template) {
        return builder(appName).template(template).build();
    }

    /** A builder for an app's login page. */
    public static Builder builder(String appName) {
        return new Builder(appName);
    }

    @Override
    public LoginResponse handle(LoginRequest request, LoginFlow flow) {
        try {
            return switch (request.method()) {
                case "GET" -> show(request, flow);
                case "POST" -> submit(request, flow);
                default -> pages.message(405, "Method not allowed", "The sign-in page only accepts GET and POST.", "")
                        .withHeader("Allow", "GET, POST");
            };
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the login page failed", e);
            return pages.message(500, "Something went wrong", "The sign-in could not be completed.",
                    "Try again in a moment, or go back to the app and start again.");
        }
    }

    private LoginResponse show(LoginRequest request, LoginFlow flow) {
        Optional<String> state = request.queryParam("state").filter(s -> !s.isBlank());
        Optional<LoginPrompt> prompt = state.flatMap(flow::prompt);
        if (prompt.isEmpty()) {
            return invalidLink();
        }
        return form(200, request, prompt.get(), state.get(), "", "");
    }

    private LoginResponse submit(LoginRequest request, LoginFlow flow) {
        Optional<String> state = request.param("state").filter(s -> !s.isBlank());
        if (state.isEmpty()) {
            return invalidLink();
        }
        if (!csrf.verify(request.cookie(CSRF_COOKIE), state.get(), request.formParam(Pages.CSRF_FIELD))) {
            LOG.log(System.Logger.Level.DEBUG, "login form rejected: missing or mismatched CSRF cookie or token");
            return flow.prompt(state.get())
                    .map(prompt -> form(403, request, prompt, state.get(), "", SESSION_EXPIRED))
                    .orElseGet(this::invalidLink);
        }
        String username = request.formParam("username").orElse("");
        try {
            return SecurityHeaders.redirect(flow.complete(state.get(), username, request.formParam("password").orElse(""),
                    request.remoteAddress()));
        } catch (LoginException e) {
            String message = Objects.requireNonNullElse(e.getMessage(), "The sign-in failed.");
            if (e.reason() == LoginException.Reason.UNKNOWN_REQUEST) {
                return pages.message(400, "This sign-in request has expired", message, START_AGAIN);
            }
            int status = e.reason() == LoginException.Reason.THROTTLED ? 429 : 200;
            LoginResponse page = flow.prompt(state.get())
                    .map(prompt -> form(status, request, prompt, state.get(), username, message))
                    .orElseGet(this::invalidLink);
            return status == 429 ? page.withHeader("Retry-After", retryAfterSeconds(e)) : page;
        }
    }

    private LoginResponse form(int status, LoginRequest request, LoginPrompt prompt, String state, String username,
                               String error) {
        // Reuse a valid cookie: a second tab must not invalidate the first tab's token (tokens bind the state too).
        String cookie = CsrfGuard.wellFormed(request.cookie(CSRF_COOKIE)).orElseGet(CsrfGuard::newCookieValue);
        String setCookie = CSRF_COOKIE + "=" + cookie + "; Path=" + cookiePath + "; HttpOnly; SameSite=Strict"
                + (secureCookie.secure(request) ? "; Secure" : "");
        return pages.login(status, prompt, state, username, error, csrf.token(cookie, state))
                .withHeader("Set-Cookie", setCookie);
    }

    /** The {@code Retry-After} value in whole seconds, rounded up; a minute when the flow did not say. */
    private static String retryAfterSeconds(LoginException e) {
        long seconds = e.retryAfter().map(wait -> (wait.toMillis() + 999) / 1000).orElse(60L);
        return Long.toString(Math.max(1, seconds));
    }

    private LoginResponse invalidLink() {
        return pages.message(400, "This sign-in link is not valid",
                "It may have expired or already been used.", START_AGAIN);
    }

    /**
     * Configures a {@link DefaultLoginHandler}. Not thread safe; {@link #build()} reports every problem at once.
     */
    public static final class Builder {

        private final String appName;
        private Optional<String> template = Optional.empty();
        private SecureCookie secureCookie = SecureCookie.AUTO;
        private Optional<byte[]> csrfKey = Optional.empty();
        private String assetsPath = LoginAssets.URL_PATH;
        private String cookiePath = LOGIN_PATH;
        private Optional<String> policy = Optional.empty();

        private Builder(String appName) {
            this.appName = Objects.requireNonNull(appName, "appName");
        }

        /** Replaces the default page with a custom template (the original's {@code login_template}). */
        public Builder template(String html) {
            this.template = Optional.of(html);
            return this;
        }

        /** When the CSRF cookie is {@code Secure}; default {@link SecureCookie#AUTO}. */
        public Builder secureCookie(SecureCookie secureCookie) {
            this.secureCookie = Objects.requireNonNull(secureCookie, "secureCookie");
            return this;
        }

        /**
         * The CSRF HMAC key, at least 32 bytes. Default: random per process, which is right for one
         * node; give every node the same key when a load balancer may send the form's GET and POST
         * to different nodes.
         */
        public Builder csrfKey(byte[] key) {
            this.csrfKey = Optional.of(key.clone());
            return this;
        }

        /** The URL path the pages link their assets from; default {@link LoginAssets#URL_PATH}. */
        public Builder assetsPath(String path) {
            this.assetsPath = Objects.requireNonNull(path, "path");
            return this;
        }

        /** The CSRF cookie's {@code Path}: the login page's path when the server is mounted under a prefix. */
        public Builder cookiePath(String path) {
            this.cookiePath = Objects.requireNonNull(path, "path");
            return this;
        }

        /**
         * Replaces the Content-Security-Policy of every page, e.g. to allow a custom template's scripts.
         * Keep {@code frame-ancestors 'none'}, and read {@code SecurityHeaders} on {@code form-action}.
         */
        public Builder contentSecurityPolicy(String policy) {
            this.policy = Optional.of(policy);
            return this;
        }

        /**
         * Builds the handler.
         *
         * @return the handler
         * @throws IllegalArgumentException listing every problem: a blank app name, a template
         *                                  without a form, a short key, a bad path or policy
         */
        public DefaultLoginHandler build() {
            java.util.List<String> problems = new java.util.ArrayList<>();
            if (appName.isBlank()) {
                problems.add("the app name must not be blank");
            }
            if (template.isPresent() && !dev.mcpoauth.login.internal.Template.hasForm(template.get())) {
                problems.add("the login template has no <form>: it must post state, username and password");
            }
            if (csrfKey.isPresent() && csrfKey.get().length < 32) {
                problems.add("the CSRF key must have at least 32 bytes, got " + csrfKey.get().length);
            }
            if (!cookiePath.matches("/[\\x21-\\x7e&&[^;,]]*")) {
                problems.add("the cookie path must start with / and hold no spaces, ';' or ',': " + cookiePath);
            }
            if (assetsPath.isBlank()) {
                problems.add("the assets path must not be blank");
            }
            if (policy.isPresent() && (policy.get().isBlank() || policy.get().matches("(?s).*[\\r\\n].*"))) {
                problems.add("the Content-Security-Policy must be one non-blank line");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("cannot build the login page: " + String.join("; ", problems));
            }
            return new DefaultLoginHandler(this, csrfKey.orElseGet(CsrfGuard::randomKey));
        }
    }
}
