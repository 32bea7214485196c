package dev.mcpoauth.store.sqlite;

import static dev.mcpoauth.store.sqlite.Racer.LONG;
import static dev.mcpoauth.store.sqlite.Racer.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpoauth.testing.TestValues;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second JVM races this one on the same file for the same codes and refresh tokens: single use
 * must hold across processes, which only SQLite's file locking can provide, and every refresher
 * that loses within the reuse grace must be handed the winner's successor, whichever JVM won.
 *
 * <p>The child runs with {@code java -m} on the module graph of the store alone, which doubles as
 * the build's module-path smoke run. The JVMs run in lockstep rounds, one code and one refresh token per round. Even rounds give
 * the child a head start (this JVM opens its gate only once the child reports it started), odd
 * rounds give this JVM one, so that each JVM wins some rounds and loses others under contention.
 */
class CrossProcessRaceTest {

    private static final int THREADS_PER_JVM = 16;
    private static final int ROUNDS = 20;

    @TempDir
    Path dir;

    @Test
    void redeemAndRotateWhenTwoJvmsRaceThenExactlyOneWinnerPerCodeAndToken() throws Exception {
        Path file = dir.resolve("two-jvms.db");
        Path childErr = dir.resolve("child.err");
        try (SqliteTokenStore store = SqliteTokenStore.open(file);
             Racer racer = new Racer(store, "parent-", THREADS_PER_JVM)) {
            store.saveClient(TestValues.publicClient("c"));
            for (int k = 0; k < ROUNDS; k++) {
                store.saveAuthorizationCode(TestValues.code(Racer.code(k), "c", "from-code-" + k));
                store.saveGrant(TestValues.grant("g-" + k, "c"), Racer.token(k), NOW.plus(LONG));
            }
            Process child = new ProcessBuilder(childCommand(file)).redirectError(childErr.toFile()).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                 Writer in = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
                int childWins = 0;
                int parentWins = 0;
                for (int k = 0; k < ROUNDS; k++) {
                    expect(out, "parked " + k, childErr);
                    Racer.Round mine = racer.prepare(k);
                    in.write("go " + k + "\n");
                    in.flush();
                    if (k % 2 == 0) {
                        expect(out, "started " + k, childErr);
                        mine.release();
                    } else {
                        mine.release();
                        expect(out, "started " + k, childErr);
                    }
                    Racer.Result here = mine.finish();
                    String done = out.readLine();
                    assertThat(done).as("child stderr: %s", read(childErr)).startsWith("done " + k + " ");
                    Racer.Result there = Racer.Result.decode(done.substring(("done " + k + " ").length()));

                    assertThat(here.errors()).as("round %d in this JVM", k).isEmpty();
                    assertThat(there.errors()).as("round %d in the child; stderr: %s", k, read(childErr)).isEmpty();
                    assertThat(here.redeemed() + there.redeemed())
                            .as("code %d: one code, two JVMs, exactly one redemption", k).isEqualTo(1);
                    List<String> rotations = new ArrayList<>(here.rotatedTo());
                    rotations.addAll(there.rotatedTo());
                    assertThat(rotations).as("token %d: one refresh token, two JVMs, exactly one rotation", k).hasSize(1);
                    assertThat(store.findGrantByRefreshToken(rotations.getFirst(), NOW))
                            .as("the winner's new token is current").isPresent();
                    java.util.Set<String> repeated = new java.util.HashSet<>(here.repeatedSealed());
                    repeated.addAll(there.repeatedSealed());
                    assertThat(repeated).as("token %d: every loser in both JVMs repeats the winner's rotation", k)
                            .containsExactly(Racer.sealedFor(rotations.getFirst()));
                    childWins += there.redeemed() + there.rotatedTo().size();
                    parentWins += here.redeemed() + here.rotatedTo().size();
                }
                assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
                assertThat(child.exitValue()).as("child stderr: %s", read(childErr)).isZero();
                assertThat(childWins).as("the child won some races, so the JVMs really raced").isPositive();
                assertThat(parentWins).as("this JVM won some races, so the JVMs really raced").isPositive();
                assertThat(read(childErr)).as("sqlite-jdbc must load without a native-access warning")
                        .doesNotContain("restricted method");
            } finally {
                child.destroyForcibly();
            }
        }
    }

    private static void expect(BufferedReader out, String line, Path childErr) throws IOException {
        assertThat(out.readLine()).as("child protocol; its stderr: %s", read(childErr)).isEqualTo(line);
    }

    /**
     * The current java binary running {@link RaceProcess} with {@code java -m} on the store's own
     * module path (the test classes patched in): the real launcher and module graph, so that a
     * missing {@code requires} (Jdbi's geantyref and slf4j) or native-access grant shows up here.
     */
    private static List<String> childCommand(Path file) throws URISyntaxException {
        String modulePath = System.getProperty("jdk.module.path");
        assertThat(modulePath).as("surefire runs this module's tests on the module path").isNotBlank();
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String module = SqliteTokenStore.class.getModule().getName();
        return List.of(java, "--enable-native-access=org.xerial.sqlitejdbc", "--module-path", modulePath,
                "--patch-module", module + "=" + testClasses(), "-m", module + "/" + RaceProcess.class.getName(),
                file.toString(), String.valueOf(THREADS_PER_JVM), String.valueOf(ROUNDS));
    }

    /** The folder the test classes were loaded from (on the module path, the module's test patch). */
    private static Path testClasses() throws URISyntaxException {
        String resource = RaceProcess.class.getName().replace('.', '/') + ".class";
        Path root = Path.of(RaceProcess.class.getResource("/" + resource).toURI());
        for (int i = 0; i < resource.split("/").length; i++) {
            root = root.getParent();
        }
        return root;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
