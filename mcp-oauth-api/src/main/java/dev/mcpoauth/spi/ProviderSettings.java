package dev.mcpoauth.spi;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings handed to a provider when it is created: string keys such as {@code db.path} or
 * {@code redis.uri}, gathered by the engine from the server configuration, system properties
 * ({@code mcpoauth.<key>}) and environment variables ({@code MCPOAUTH_<KEY>}, dots as underscores),
 * in that order of precedence. Each provider documents the keys it reads.
 *
 * @param values the settings; keys and values never null
 */
public record ProviderSettings(Map<String, String> values) {

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h|d)?");

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

    /**
     * The value of a key as a duration, in any form {@link #parseDuration(String)} reads.
     *
     * @throws IllegalArgumentException naming the key when the value is not a duration
     */
    public Optional<Duration> duration(String key) {
        return get(key).map(value -> {
            try {
                return parseDuration(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + " " + e.getMessage(), e);
            }
        });
    }

    /**
     * Reads a duration the way every duration setting is written: ISO-8601 ({@code PT15M},
     * {@code P30D}), a number with a unit ({@code 500ms}, {@code 45s}, {@code 15m}, {@code 2h},
     * {@code 30d}), or a plain number of seconds ({@code 900}). Surrounding blanks and the case of the
     * letters do not matter. Negative durations are read as they are; the caller checks its range.
     *
     * @param value the text
     * @return the duration
     * @throws IllegalArgumentException saying which forms are accepted
     */
    public static Duration parseDuration(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        Matcher simple = SIMPLE_DURATION.matcher(v);
        if (simple.matches()) {
            long n = Long.parseLong(simple.group(1));
            return switch (simple.group(2) == null ? "s" : simple.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofSeconds(n);
            };
        }
        try {
            return Duration.parse(v.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("must be a duration such as PT15M, 15m, 2h, 30d or a number of seconds, not '"
                    + value + "'", e);
        }
    }
}
