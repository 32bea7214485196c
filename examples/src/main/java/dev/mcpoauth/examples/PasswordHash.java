package dev.mcpoauth.examples;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.Console;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Password hashes for the users file, so nobody has to keep passwords in plain text:
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (PBKDF2-HMAC-SHA256, 16-byte salt, 32-byte hash,
 * base64url without padding). Run it to print a users-file line:
 *
 * <pre>{@code
 * java -p examples/target/modules:examples/target/classes -m dev.mcpoauth.examples/dev.mcpoauth.examples.PasswordHash alice
 * }</pre>
 *
 * It asks for the password on the terminal (or reads one line from standard input) and prints
 * {@code alice:pbkdf2-sha256$...}.
 */
public final class PasswordHash {

    static final String PREFIX = "pbkdf2-sha256$";
    private static final int ITERATIONS = 210_000;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    /** Prints a users-file line for the username given as the only argument. */
    public static void main(String[] args) throws java.io.IOException {
        if (args.length != 1 || args[0].isBlank() || args[0].contains(":")) {
            System.err.println("usage: PasswordHash <username>   (the password is read from the terminal or stdin)");
            System.exit(2);
        }
        Console console = System.console();
        String password = console != null
                ? new String(console.readPassword("password for %s: ", args[0]))
                : new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
        if (password == null || password.isEmpty()) {
            System.err.println("no password given");
            System.exit(2);
        }
        System.out.println(args[0] + ":" + hash(password));
    }

    /** Hashes a password with a fresh salt. */
    static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return PREFIX + ITERATIONS + "$" + ENCODER.encodeToString(salt) + "$"
                + ENCODER.encodeToString(derive(password, salt, ITERATIONS));
    }

    /**
     * A hash in the format of {@link #hash} with a random salt and random hash bytes, made without
     * deriving anything: checking a password against it costs what checking against a real hash
     * costs, and no password matches it (but with probability 2^-256).
     */
    static String decoy() {
        byte[] salt = new byte[16];
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(bytes);
        return PREFIX + ITERATIONS + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(bytes);
    }

    /** Whether {@code password} matches a hash made by {@link #hash}; constant time in the hash bytes. */
    static boolean matches(String password, String hash) {
        String[] parts = hash.substring(PREFIX.length()).split("\\$");
        if (!hash.startsWith(PREFIX) || parts.length != 3) {
            throw new IllegalArgumentException("not a " + PREFIX + " hash");
        }
        int iterations = Integer.parseInt(parts[0]);
        byte[] expected = DECODER.decode(parts[2]);
        return MessageDigest.isEqual(expected, derive(password, DECODER.decode(parts[1]), iterations));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
