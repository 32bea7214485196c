package dev.mcpoauth.login;

import dev.mcpoauth.LoginHandler;
import dev.mcpoauth.spi.LoginHandlerProvider;
import dev.mcpoauth.spi.ProviderConfigurationException;
import dev.mcpoauth.spi.ProviderSettings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Locale;

/**
 * Provides the {@link DefaultLoginHandler} under the id {@code default}, at the default weight.
 *
 * <p>Settings read: {@code app.name} (required), {@code login.template} (optional: the template's
 * HTML itself, not a path), {@code login.cookie.secure} (optional: {@code auto}, {@code always} or
 * {@code never}, see {@link SecureCookie}) and {@code login.csrf.key} (optional: base64 or base64url
 * of at least 32 bytes, the same on every node behind one load balancer). From {@code issuer} (set by
 * the engine) it takes the public base URL's path, e.g. {@code /tools}, so that the CSRF cookie's path
 * and the asset links carry it behind a proxy that forwards that prefix.
 *
 * <p>Cheap to construct: no I/O until {@link #create}.
 */
public final class DefaultLoginHandlerProvider implements LoginHandlerProvider {

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public DefaultLoginHandlerProvider() {
    }

    @Override
    public String id() {
        return "default";
    }

    @Override
    public LoginHandler create(ProviderSettings settings) {
        String appName = settings.get("app.name").filter(name -> !name.isBlank()).orElseThrow(() ->
                new ProviderConfigurationException("the default login page needs the setting app.name"));
        DefaultLoginHandler.Builder builder = DefaultLoginHandler.builder(appName);
        settings.get("login.template").ifPresent(builder::template);
        // Behind a proxy under a path (issuer https://example.com/tools), the browser asks for
        // /tools/oauth/...: the cookie and the assets must name that path.
        String basePath = settings.get("issuer").map(DefaultLoginHandlerProvider::basePath).orElse("");
        builder.cookiePath(basePath + DefaultLoginHandler.LOGIN_PATH).assetsPath(basePath + LoginAssets.URL_PATH);
        settings.get("login.cookie.secure").ifPresent(value -> builder.secureCookie(secureCookie(value)));
        settings.get("login.csrf.key").ifPresent(value -> builder.csrfKey(key(value)));
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new ProviderConfigurationException(e.getMessage(), e);
        }
    }

    private static SecureCookie secureCookie(String value) {
        try {
            return SecureCookie.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProviderConfigurationException(
                    "login.cookie.secure must be auto, always or never, not '" + value + "'", e);
        }
    }

    private static byte[] key(String value) {
        String text = value.trim();
        try {
            return text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(text) : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            // The value is a secret: do not repeat it in the message.
            throw new ProviderConfigurationException("login.csrf.key is not base64 (of at least 32 bytes)", e);
        }
    }

    private static String basePath(String issuer) {
        try {
            String path = new URI(issuer).getRawPath();
            return path == null ? "" : path;
        } catch (URISyntaxException e) {
            throw new ProviderConfigurationException("the default login page: the issuer is not a URI: " + issuer, e);
        }
    }
}
