package dev.mcpoauth.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final VerifiedTokens tokens = new VerifiedTokens();
    private final AtomicInteger checks = new AtomicInteger();

    @Test
    void getWhenTokenSeenBeforeThenTheFullCheckRunsOnce() {
        Function<String, Optional<AccessTokenVerifier.Verified>> check = valid(NOW.plusSeconds(3600));
        assertThat(tokens.get("token-a", NOW, SKEW, check)).isPresent();
        assertThat(tokens.get("token-a", NOW.plusSeconds(60), SKEW, check)).isPresent();
        assertThat(checks).as("the signature is verified once per token").hasValue(1);
    }

    @Test
    void entryWhenFoundActiveThenRememberedForTheIntervalAndTheEpochOnly() {
        VerifiedTokens.Entry entry = tokens.get("token-a", NOW, SKEW, valid(NOW.plusSeconds(3600))).orElseThrow();
        assertThat(entry.foundActiveWithin(0, 0, 1000)).as("never checked").isFalse();

        entry.foundActive(100, 7);

        assertThat(entry.foundActiveWithin(1099, 7, 1000)).isTrue();
        assertThat(entry.foundActiveWithin(1100, 7, 1000)).as("interval passed").isFalse();
        assertThat(entry.foundActiveWithin(200, 8, 1000)).as("a revocation happened since").isFalse();
        assertThat(entry.foundActiveWithin(100, 7, 0)).as("interval zero: always ask").isFalse();
        entry.foundInactive();
        assertThat(entry.foundActiveWithin(200, 7, 1000)).isFalse();
    }

    @Test
    void getWhenRememberedTokenExpiredThenEmptyWithoutCheckingAgain() {
        Function<String, Optional<AccessTokenVerifier.Verified>> check = valid(NOW.plusSeconds(60));
        tokens.get("token-a", NOW, SKEW, check);
        assertThat(tokens.get("token-a", NOW.plusSeconds(60).plus(SKEW), SKEW, check)).isEmpty();
        assertThat(tokens.size()).as("the expired entry is dropped").isZero();
    }

    @Test
    void getWhenTokenInvalidThenNotRememberedAndCheckedEachTime() {
        Function<String, Optional<AccessTokenVerifier.Verified>> invalid = token -> {
            checks.incrementAndGet();
            return Optional.empty();
        };
        assertThat(tokens.get("forged", NOW, SKEW, invalid)).isEmpty();
        assertThat(tokens.get("forged", NOW, SKEW, invalid)).isEmpty();
        assertThat(checks).hasValue(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void getWhenTokensDifferByOneCharacterThenEachIsCheckedOnItsOwn() {
        Function<String, Optional<AccessTokenVerifier.Verified>> check = valid(NOW.plusSeconds(3600));
        tokens.get("token-a", NOW, SKEW, check);
        tokens.get("token-b", NOW, SKEW, check);
        assertThat(checks).hasValue(2);
    }

    @Test
    void rememberWhenFullThenStaysBounded() {
        Function<String, Optional<AccessTokenVerifier.Verified>> check = valid(NOW.plusSeconds(3600));
        for (int i = 0; i <= VerifiedTokens.MAX_ENTRIES; i++) {
            tokens.get("token-" + i, NOW, SKEW, check);
        }
        assertThat(tokens.size()).isBetween(1, VerifiedTokens.MAX_ENTRIES);
    }

    private Function<String, Optional<AccessTokenVerifier.Verified>> valid(Instant expiresAt) {
        return token -> {
            checks.incrementAndGet();
            return Optional.of(new AccessTokenVerifier.Verified("user", "client", Set.of("mcp"), "jti-" + token,
                    "grant", "http://localhost:3000/mcp", NOW, expiresAt));
        };
    }
}
