package dev.mcpoauth.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class UsersFileTest {

    @TempDir
    Path dir;

    @Test
    void checkWhenPlainPasswordMatchesThenUsernameIsTheId() throws IOException {
        UsersFile users = write("alice:cows\nbob:dogs\n");
        assertThat(users.check("alice", "cows")).contains("alice");
        assertThat(users.check("bob", "dogs")).contains("bob");
    }

    @Test
    void checkWhenPasswordWrongOrUserUnknownThenEmpty() throws IOException {
        UsersFile users = write("alice:cows\n");
        assertThat(users.check("alice", "dogs")).isEmpty();
        assertThat(users.check("mallory", "cows")).isEmpty();
        assertThat(users.check("alice", "")).isEmpty();
        assertThat(users.check("", "")).isEmpty();
    }

    @Test
    void checkWhenPasswordHashedThenVerifiedAgainstTheHash() throws IOException {
        UsersFile users = write("# hashed\nalice:" + PasswordHash.hash("cows with spaces") + "\n");
        assertThat(users.check("alice", "cows with spaces")).contains("alice");
        assertThat(users.check("alice", "cows")).isEmpty();
    }

    @Test
    void checkWhenPasswordContainsAColonThenTheWholeRestOfTheLineIsThePassword() throws IOException {
        UsersFile users = write("carol:a:b:c\n");
        assertThat(users.check("carol", "a:b:c")).contains("carol");
        assertThat(users.check("carol", "a")).isEmpty();
    }

    @Test
    void checkWhenFileEditedThenNextCheckSeesTheEdit() throws IOException {
        UsersFile users = write("alice:cows\n");
        Files.writeString(dir.resolve("users.txt"), "alice:horses\n");
        assertThat(users.check("alice", "cows")).isEmpty();
        assertThat(users.check("alice", "horses")).contains("alice");
    }

    @Test
    void decoyWhenCheckedThenCostsARealDerivationAndMatchesNothing() {
        String decoy = PasswordHash.decoy();
        String real = PasswordHash.hash("cows");
        assertThat(decoy).startsWith("pbkdf2-sha256$210000$").isNotEqualTo(PasswordHash.decoy());
        assertThat(decoy.split("\\$")).hasSameSizeAs(real.split("\\$"));
        assertThat(PasswordHash.matches("cows", decoy)).isFalse();
        assertThat(PasswordHash.matches("", decoy)).isFalse();
    }

    @Test
    void hashWhenSamePasswordTwiceThenDifferentSalts() {
        assertThat(PasswordHash.hash("cows")).isNotEqualTo(PasswordHash.hash("cows")).startsWith("pbkdf2-sha256$");
    }

    private UsersFile write(String content) throws IOException {
        Path file = dir.resolve("users.txt");
        Files.writeString(file, content);
        return new UsersFile(file);
    }
}
