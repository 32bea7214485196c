package dev.mcpoauth.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings handed to a provider when it is created: string keys such as {@code db.path} or
 * {@code redis.uri}, gathered by the engine from the server configuration, system properties
 * ({@code mcpoauth.<key>}) and environment variables ({@code MCPOAUTH_<KEY>}, dots as underscores),
 * in that order of precedence. Each provider documents the keys it reads.
 *
 * @param values the settings; keys and values never null
 */
public record ProviderSettings(Map<String, String> values) {

    /** Copies the settings. */
    public ProviderSettings {
        values = Map.copyOf(Objects.requireNonNull(values, "values"));
    }

    /** No settings. */
    public static ProviderSettings empty() {
        return new ProviderSettings(Map.of());
    }

    /** The value of a key. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The value of a key, or {@code defaultValue}. */
    public String get(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }
}
