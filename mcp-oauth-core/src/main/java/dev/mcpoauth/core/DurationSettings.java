package dev.mcpoauth.core;

import dev.mcpoauth.spi.ProviderSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The durations of {@link ServerConfig} that an operator can set without code: one setting key per
 * builder method, read from {@link ServerConfig.Builder#setting}, the system property
 * {@code mcpoauth.<key>} or the environment variable {@code MCPOAUTH_<KEY>} (dots as underscores), in
 * that order, in any form {@link ProviderSettings#parseDuration(String)} reads ({@code PT15M},
 * {@code 15m}, {@code 2h}, {@code 30d}, seconds).
 *
 * <p>A value given to the builder method wins over every setting, as an instance given to the builder
 * wins over a provider id from the settings: code states what it means, settings fill in what code left
 * open. Every {@code build()} resolves again the durations the builder was not given.
 */
final class DurationSettings {

    static final String ACCESS_TOKEN_LIFETIME = "access.token.lifetime";
    static final String AUTHORIZATION_CODE_LIFETIME = "authorization.code.lifetime";
    static final String PENDING_LOGIN_LIFETIME = "pending.login.lifetime";
    static final String REFRESH_TOKEN_LIFETIME = "refresh.token.lifetime";
    static final String GRANT_LIFETIME = "grant.lifetime";
    static final String SIGNING_KEY_ROTATION = "signing.key.rotation";
    static final String UNUSED_CLIENT_LIFETIME = "unused.client.lifetime";
    static final String REVOCATION_CHECK_INTERVAL = "revocation.check.interval";
    static final String REFRESH_REUSE_GRACE = "refresh.reuse.grace";

    /** One duration: its setting key, its builder method, its range, and how to read and write it on the builder. */
    private record Slot(String key, String method, Duration min, Duration max,
                        Function<ServerConfig.Builder, Duration> get, BiConsumer<ServerConfig.Builder, Duration> set) {
    }

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration TEN_YEARS = Duration.ofDays(3650);

    private static final List<Slot> SLOTS = List.of(
            new Slot(ACCESS_TOKEN_LIFETIME, "accessTokenLifetime", SECOND, Duration.ofDays(1),
                    b -> b.accessTokenLifetime, (b, d) -> b.accessTokenLifetime = d),
            // At most 10 minutes: RFC 6749 §4.1.2.
            new Slot(AUTHORIZATION_CODE_LIFETIME, "authorizationCodeLifetime", SECOND, Duration.ofMinutes(10),
                    b -> b.authorizationCodeLifetime, (b, d) -> b.authorizationCodeLifetime = d),
            new Slot(PENDING_LOGIN_LIFETIME, "pendingLoginLifetime", SECOND, Duration.ofHours(1),
                    b -> b.pendingLoginLifetime, (b, d) -> b.pendingLoginLifetime = d),
            new Slot(REFRESH_TOKEN_LIFETIME, "refreshTokenLifetime", SECOND, TEN_YEARS,
                    b -> b.refreshTokenLifetime, (b, d) -> b.refreshTokenLifetime = d),
            new Slot(GRANT_LIFETIME, "grantLifetime", SECOND, TEN_YEARS, b -> b.grantLifetime, (b, d) -> b.grantLifetime = d),
            // Zero is strict rotation; longer than an hour only widens a thief's window.
            new Slot(REFRESH_REUSE_GRACE, "refreshReuseGrace", Duration.ZERO, Duration.ofHours(1),
                    b -> b.refreshReuseGrace, (b, d) -> b.refreshReuseGrace = d),
            new Slot(SIGNING_KEY_ROTATION, "signingKeyRotation", SECOND, TEN_YEARS,
                    b -> b.signingKeyRotation, (b, d) -> b.signingKeyRotation = d),
            new Slot(UNUSED_CLIENT_LIFETIME, "unusedClientLifetime", Duration.ofMinutes(1), TEN_YEARS,
                    b -> b.unusedClientLifetime, (b, d) -> b.unusedClientLifetime = d),
            new Slot(REVOCATION_CHECK_INTERVAL, "revocationCheckInterval", Duration.ZERO, Duration.ofMinutes(1),
                    b -> b.revocationCheckInterval, (b, d) -> b.revocationCheckInterval = d));

    private DurationSettings() {
    }

    /**
     * Sets every duration the builder was not given explicitly from {@code values} (the layered
     * settings), or back to its default when no setting names it.
     *
     * @param builder the builder to resolve
     * @param values  the settings, builder values over system properties over environment
     * @return one problem per value that is not a duration, naming its key and environment variable
     */
    static List<String> resolve(ServerConfig.Builder builder, Map<String, String> values) {
        ServerConfig.Builder defaults = ServerConfig.builder();
        List<String> problems = new ArrayList<>();
        for (Slot slot : SLOTS) {
            if (builder.explicitDurations.contains(slot.key())) {
                continue;
            }
            Duration value = slot.get().apply(defaults);
            String text = values.get(slot.key());
            if (text != null) {
                try {
                    value = ProviderSettings.parseDuration(text);
                } catch (IllegalArgumentException e) {
                    problems.add(label(slot.key()) + " " + e.getMessage());
                }
            }
            slot.set().accept(builder, value);
        }
        return problems;
    }

    /** One problem per duration outside its range, naming its builder method, its key and its environment variable. */
    static List<String> rangeProblems(ServerConfig.Builder builder) {
        List<String> problems = new ArrayList<>();
        for (Slot slot : SLOTS) {
            Duration value = slot.get().apply(builder);
            if (value.compareTo(slot.min()) < 0 || value.compareTo(slot.max()) > 0) {
                problems.add(slot.method() + " (" + label(slot.key()) + ") must be between " + text(slot.min())
                        + " and " + text(slot.max()) + ", but is " + value);
            }
        }
        return problems;
    }

    /** {@code 0}, {@code 1 second}, {@code 10 minutes}, {@code 3650 days}: a range bound as people write it. */
    private static String text(Duration d) {
        long s = d.getSeconds();
        String[] units = {"day", "hour", "minute", "second"};
        long[] sizes = {86_400, 3_600, 60, 1};
        for (int i = 0; i < units.length; i++) {
            if (s > 0 && s % sizes[i] == 0) {
                long n = s / sizes[i];
                return n + " " + units[i] + (n == 1 ? "" : "s");
            }
        }
        return d.isZero() ? "0" : d.toString();
    }

    /** {@code access.token.lifetime / MCPOAUTH_ACCESS_TOKEN_LIFETIME}: how a problem names a setting. */
    static String label(String key) {
        return key + " / MCPOAUTH_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }
}
