package dev.mcpoauth.it;

import dev.mcpoauth.UserChecker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;

/**
 * The fixture's only user: one username and password, compared in constant time (both digests are
 * compared, so the time does not depend on which one is wrong).
 */
final class FixtureUser implements UserChecker {

    private final byte[] username;
    private final byte[] password;
    private final String id;

    FixtureUser(String username, String password) {
        this.username = digest(Objects.requireNonNull(username, "username"));
        this.password = digest(Objects.requireNonNull(password, "password"));
        this.id = username;
    }

    @Override
    public Optional<String> check(String username, String password) {
        boolean user = MessageDigest.isEqual(this.username, digest(username));
        boolean pass = MessageDigest.isEqual(this.password, digest(password));
        return user & pass ? Optional.of(id) : Optional.empty();
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
