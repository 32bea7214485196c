package dev.mcpoauth.login.internal;

import dev.mcpoauth.LoginPrompt;
import dev.mcpoauth.LoginResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renders the login page (the default or a custom template) and the message pages (errors), with
 * their security headers. Immutable and thread safe.
 */
public final class Pages {

    /** The form field and macro carrying the CSRF token. */
    public static final String CSRF_FIELD = "csrf_token";

    /** The macros of the login page template, without braces. */
    public static final Set<String> LOGIN_MACROS = Set.of("state", "username", "app_name", "error_message",
            "client_name", "client_id", "redirect_host", "redirect_kind", "client_warning", "scopes", CSRF_FIELD,
            "assets", "autofocus_username", "autofocus_password");

    private static final Set<String> MESSAGE_MACROS = Set.of("app_name", "title", "message", "hint", "assets");

    /** What is inserted after each {@code <form>} tag of a custom template that lacks {@code {csrf_token}}. */
    static final String CSRF_INPUT = "<input type=\"hidden\" name=\"" + CSRF_FIELD + "\" value=\"{" + CSRF_FIELD + "}\">";

    private final String appName;
    private final String assets;
    private final Template login;
    private final Template message;
    private final String formPolicy;
    private final String messagePolicy;

    /**
     * Prepares the pages.
     *
     * @param appName        the server's name
     * @param customTemplate the user's login template, if any; must contain a {@code <form>}
     * @param assets         the URL path of the assets, without trailing slash
     * @param policy         a Content-Security-Policy replacing the defaults, if any
     */
    public Pages(String appName, Optional<String> customTemplate, String assets, Optional<String> policy) {
        this.appName = appName;
        this.assets = assets;
        String html = customTemplate.orElseGet(() -> resource("login.html"));
        if (!html.contains("{" + CSRF_FIELD + "}")) {
            html = Template.afterEachFormTag(html, CSRF_INPUT);
        }
        this.login = Template.parse(html, LOGIN_MACROS);
        this.message = Template.parse(resource("message.html"), MESSAGE_MACROS);
        this.formPolicy = policy.orElseGet(() -> SecurityHeaders.formPagePolicy(login.styleHashes()));
        this.messagePolicy = policy.orElse(SecurityHeaders.MESSAGE_PAGE_POLICY);
    }

    /**
     * The login page.
     *
     * @param status    the HTTP status
     * @param prompt    what the pending request is about
     * @param state     the login request id
     * @param username  the username to fill in (after a failed attempt), or empty
     * @param error     the message to show, or empty
     * @param csrfToken the form token
     * @return the page with its headers (no cookie)
     */
    public LoginResponse login(int status, LoginPrompt prompt, String state, String username, String error,
                               String csrfToken) {
        Map<String, String> values = new HashMap<>();
        values.put("state", state);
        values.put("username", username);
        values.put("app_name", appName);
        values.put("error_message", error);
        values.put("client_name", prompt.clientName().filter(n -> !n.isBlank()).orElse(prompt.clientId()));
        values.put("client_id", prompt.clientId());
        values.put("redirect_host", prompt.redirectHost());
        values.put("redirect_kind", prompt.localRedirect() ? "local" : "remote");
        values.put("client_warning", clientWarning(prompt));
        values.put("scopes", String.join(", ", prompt.scopes()));
        values.put(CSRF_FIELD, csrfToken);
        values.put("assets", assets);
        // Focus the field the user most likely types into next: the password once the username is known.
        values.put("autofocus_username", username.isEmpty() ? "autofocus" : "");
        values.put("autofocus_password", username.isEmpty() ? "" : "autofocus");
        return SecurityHeaders.html(status, login.render(values), formPolicy);
    }

    /**
     * The warning for a client that identifies itself with a Client ID Metadata Document (its id is
     * an https URL) but sends the code to this computer: the document proves who published the
     * redirect URIs, but any program on the user's machine can listen on a loopback port and claim
     * to be that client. Empty for every other client.
     */
    static String clientWarning(LoginPrompt prompt) {
        if (!prompt.localRedirect() || !prompt.clientId().startsWith("https://")) {
            return "";
        }
        String host;
        try {
            host = java.util.Optional.ofNullable(new java.net.URI(prompt.clientId()).getHost()).orElse(prompt.clientId());
        } catch (java.net.URISyntaxException e) {
            host = prompt.clientId();
        }
        return "This app says it is " + host + ", but it signs you in through "
                + "an address on this computer, which any program running here could use. Only continue if you "
                + "started this sign-in yourself.";
    }

    /**
     * A page with a message and no form.
     *
     * @param status the HTTP status
     * @param title  the heading
     * @param text   what happened
     * @param hint   what to do about it, or empty
     * @return the page with its headers
     */
    public LoginResponse message(int status, String title, String text, String hint) {
        Map<String, String> values = Map.of("app_name", appName, "title", title, "message", text, "hint", hint,
                "assets", assets);
        return SecurityHeaders.html(status, message.render(values), messagePolicy);
    }

    /** Reads a template that ships with this module; on the module path too, as the module reads its own packages. */
    static String resource(String name) {
        try (InputStream in = Pages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("template " + name + " is missing from the module dev.mcpoauth.login");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template " + name, e);
        }
    }
}
