package dev.mcpoauth.examples;

import dev.mcpoauth.UserChecker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * The original's users file as a {@link UserChecker}: one {@code username:password} per line, as in
 * its README ({@code alice:cows}), where the password may also be a {@link PasswordHash} so that
 * nobody has to keep it in plain text. Blank lines and lines starting with {@code #} are skipped.
 *
 * <p>The file is read on every check, so edits apply without a restart (as in the original). The
 * user's id is the username: stable, unlike the original's line number, which changed whenever a
 * line above was removed. Thread safe.
 */
final class UsersFile implements UserChecker {

    /**
     * Checked against when a username is unknown, so that the answer takes as long as for a known one.
     * Not {@code hash("...")}: deriving it would cost most of a second of every start.
     */
    private static final String DECOY = PasswordHash.decoy();

    private final Path file;

    UsersFile(Path file) {
        this.file = file;
    }

    @Override
    public Optional<String> check(String username, String password) {
        boolean found = false;
        boolean match = false;
        for (String line : lines()) {
            int colon = line.indexOf(':');
            if (line.isBlank() || line.startsWith("#") || colon <= 0 || found) {
                continue;
            }
            if (line.substring(0, colon).equals(username)) {
                found = true;
                match = matches(password, line.substring(colon + 1));
            }
        }
        if (!found) {
            PasswordHash.matches(password, DECOY);
        }
        return match ? Optional.of(username) : Optional.empty();
    }

    private static boolean matches(String password, String stored) {
        if (stored.startsWith(PasswordHash.PREFIX)) {
            return PasswordHash.matches(password, stored);
        }
        return MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> lines() {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the users file " + file.toAbsolutePath(), e);
        }
    }
}
