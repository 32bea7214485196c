package dev.mcpoauth.helidon;

import dev.mcpoauth.spi.ProviderSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** Reads {@link TransportSettings} from provider settings; the keys are documented on {@code HelidonTransportProvider}. */
final class SettingKeys {

    static final String STATELESS = "mcp.stateless";
    static final String ALLOWED_ORIGINS = "mcp.allowed.origins";
    static final String MCP_MAX_BODY = "mcp.max.body.bytes";
    static final String KEEP_ALIVE = "mcp.keep.alive";
    static final String IDLE_TIMEOUT = "mcp.session.idle.timeout";
    static final String OAUTH_MAX_BODY = "oauth.max.body.bytes";
    static final String TRUSTED_PROXIES = "http.trusted.proxies";
    static final String REGISTER_RATE = "rate.limit.register";
    static final String TOKEN_RATE = "rate.limit.token";
    static final String LOGIN_RATE = "rate.limit.login";

    private SettingKeys() {
    }

    /**
     * Reads every key, reporting every bad value at once.
     *
     * @throws IllegalArgumentException naming each key with a bad value
     */
    public static TransportSettings read(ProviderSettings settings) {
        List<String> problems = new ArrayList<>();
        TransportSettings.Builder b = TransportSettings.builder();
        settings.get(STATELESS).ifPresent(v -> {
            switch (v.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> b.stateless(true);
                case "false" -> b.stateless(false);
                default -> problems.add(STATELESS + " must be true or false, not '" + v + "'");
            }
        });
        // Present, even empty, the list replaces the default origins.
        settings.get(ALLOWED_ORIGINS).ifPresent(v -> b.allowedOrigins(new LinkedHashSet<>(list(v))));
        settings.get(TRUSTED_PROXIES).ifPresent(v -> list(v).forEach(b::addTrustedProxy));
        settings.get(MCP_MAX_BODY).ifPresent(v -> b.mcpMaxBodyBytes(bytes(MCP_MAX_BODY, v, problems)));
        settings.get(OAUTH_MAX_BODY).ifPresent(v -> b.oauthMaxBodyBytes(bytes(OAUTH_MAX_BODY, v, problems)));
        settings.get(KEEP_ALIVE).ifPresent(v -> b.keepAliveInterval(duration(KEEP_ALIVE, v, problems)));
        settings.get(IDLE_TIMEOUT).ifPresent(v -> b.sessionIdleTimeout(duration(IDLE_TIMEOUT, v, problems)));
        settings.get(REGISTER_RATE).ifPresent(v -> b.registerRateLimit(rate(REGISTER_RATE, v, problems)));
        settings.get(TOKEN_RATE).ifPresent(v -> b.tokenRateLimit(rate(TOKEN_RATE, v, problems)));
        settings.get(LOGIN_RATE).ifPresent(v -> b.loginRateLimit(rate(LOGIN_RATE, v, problems)));
        try {
            TransportSettings built = b.build();
            if (problems.isEmpty()) {
                return built;
            }
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        throw new IllegalArgumentException(String.join("; ", problems));
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static long bytes(String key, String value, List<String> problems) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            problems.add(key + " must be a number of bytes, not '" + value + "'");
            return 1;
        }
    }

    private static RateLimit rate(String key, String value, List<String> problems) {
        try {
            return RateLimit.parse(value);
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
            return RateLimit.off();
        }
    }

    private static Duration duration(String key, String value, List<String> problems) {
        try {
            return ProviderSettings.parseDuration(value);
        } catch (IllegalArgumentException e) {
            problems.add(key + " " + e.getMessage());
            return Duration.ZERO;
        }
    }
}
