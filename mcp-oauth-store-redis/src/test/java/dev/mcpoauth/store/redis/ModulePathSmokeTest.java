package dev.mcpoauth.store.redis;

import dev.mcpoauth.testing.RedisServerExtension;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the store in a fresh JVM the way users run it: on the module path with only its runtime
 * dependencies (which catches a missing {@code requires} that surefire's ALL-MODULE-PATH hides), and
 * on the class path (which needs META-INF/services). The program is {@code smoke/ModulePathSmoke.java},
 * run by the source launcher.
 */
class ModulePathSmokeTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Test
    void storeFoundAndWorkingOnTheModulePath() throws Exception {
        assertThat(run(List.of("--module-path", runtimePath(), "--add-modules", "dev.mcpoauth.store.redis"), "module:"))
                .contains("SMOKE OK named=true");
    }

    @Test
    void storeFoundAndWorkingOnTheClassPath() throws Exception {
        assertThat(run(List.of("--class-path", runtimePath()), "classpath:")).contains("SMOKE OK named=false");
    }

    private static String runtimePath() {
        String path = System.getProperty("smoke.module.path", "");
        assertThat(path).as("the pom passes the runtime dependencies as smoke.module.path").isNotBlank();
        return path;
    }

    private static String run(List<String> pathOptions, String prefix) throws IOException, InterruptedException {
        Path source = Path.of(System.getProperty("smoke.source", "src/test/resources/smoke/ModulePathSmoke.java"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(pathOptions);
        command.addAll(List.of(source.toString(), "redis://127.0.0.1:" + REDIS.port(), prefix));
        Path output = Files.createTempFile("smoke", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            // A guard against a hung child JVM, not a timing assertion.
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the smoke JVM finished").isTrue();
            String text = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as("smoke JVM output:\n%s", text).isZero();
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
