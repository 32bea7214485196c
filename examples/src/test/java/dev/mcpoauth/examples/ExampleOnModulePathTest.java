package dev.mcpoauth.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The README's example, launched with {@code java -m} on the real module path, answering the whole
 * OAuth flow of the official TypeScript MCP SDK client ({@code interop/ts-client}) with every client
 * authentication method and a forced refresh.
 */
class ExampleOnModulePathTest {

    @TempDir
    Path workDir;

    @Test
    void fileCredentialsServerOnModulePathChoosesSqliteAndServesTheTypeScriptClient() throws Exception {
        Files.writeString(workDir.resolve("users.txt"), "alice:cows\nbob:" + PasswordHash.hash("dogs") + "\n");
        try (LaunchedExample example = LaunchedExample.start("dev.mcpoauth.examples.FileCredentialsServer", workDir)) {
            assertThat(example.output())
                    .as("ServiceLoader on the module path finds the SQLite store, the default login page and Helidon")
                    .contains("store: using 'sqlite'")
                    .contains("login: using 'default'")
                    .contains("transport: using 'helidon'");
            assertThat(workDir.resolve("auth.db")).as("the embedded default store writes auth.db").exists();

            NodeRun plain = NodeRun.interop(example.mcpUrl(), "alice", "cows");
            assertThat(plain.exitCode()).as("TypeScript SDK client, plain-text users file:\n" + plain.output()).isZero();
            assertThat(plain.output()).contains(" passed, 0 failed")
                    .as("the scenario of two client processes sharing one credential ran")
                    .contains("ok   none: both processes converge on one new refresh token");

            NodeRun hashed = NodeRun.interop(example.mcpUrl(), "bob", "dogs", "none");
            assertThat(hashed.exitCode()).as("TypeScript SDK client, hashed password:\n" + hashed.output()).isZero();

            assertThat(example.stop()).as("a clean stop on SIGTERM:\n" + example.output()).isIn(0, 143);
            assertThat(example.output()).doesNotContain("Exception");
        }
    }

    @Test
    void simpleServerOnModulePathServesTheTypeScriptClient() throws Exception {
        try (LaunchedExample example = LaunchedExample.start("dev.mcpoauth.examples.SimpleServer", workDir)) {
            NodeRun run = NodeRun.interop(example.mcpUrl(), "alice", "cows", "client_secret_basic");
            assertThat(run.exitCode()).as("TypeScript SDK client against SimpleServer:\n" + run.output()).isZero();
            assertThat(example.stop()).isIn(0, 143);
        }
    }

    @Test
    void customServerWithItsOwnScopesAndDatabaseServesTheTypeScriptClient() throws Exception {
        try (LaunchedExample example = LaunchedExample.start("dev.mcpoauth.examples.CustomServer", workDir)) {
            assertThat(workDir.resolve("my_auth.db")).as("CustomServer's database name").exists();
            // Its required scope 'read' is announced in the 401 challenge; the client asks for it.
            NodeRun run = NodeRun.interop(example.mcpUrl(), "bob", "dogs", "client_secret_post");
            assertThat(run.exitCode()).as("TypeScript SDK client against CustomServer:\n" + run.output()).isZero();
            assertThat(example.stop()).isIn(0, 143);
        }
    }

    @Test
    void lifetimesFromTheEnvironmentThenTheServerUsesThemAndBadOnesStopStartUpNamingEach() throws Exception {
        Files.writeString(workDir.resolve("users.txt"), "alice:cows\n");
        try (LaunchedExample example = LaunchedExample.start("dev.mcpoauth.examples.FileCredentialsServer", workDir,
                java.util.Map.of("MCPOAUTH_ACCESS_TOKEN_LIFETIME", "15m", "MCPOAUTH_REFRESH_TOKEN_LIFETIME", "7d",
                        "MCPOAUTH_GRANT_LIFETIME", "P30D", "MCPOAUTH_AUTHORIZATION_CODE_LIFETIME", "2m"))) {
            assertThat(example.output()).as("the lifetimes in effect are logged once at start-up")
                    .contains("lifetimes: access token PT15M, refresh token PT168H, grant PT720H, code PT2M");
            assertThat(example.stop()).isIn(0, 143);
        }

        assertThatThrownBy(() -> LaunchedExample.start("dev.mcpoauth.examples.FileCredentialsServer", workDir,
                java.util.Map.of("MCPOAUTH_ACCESS_TOKEN_LIFETIME", "soon", "MCPOAUTH_AUTHORIZATION_CODE_LIFETIME", "1h")))
                .as("a bad value stops start-up, every problem listed at once")
                .hasMessageContaining("access.token.lifetime / MCPOAUTH_ACCESS_TOKEN_LIFETIME must be a duration")
                .hasMessageContaining("authorizationCodeLifetime (authorization.code.lifetime / "
                        + "MCPOAUTH_AUTHORIZATION_CODE_LIFETIME) must be between 1 second and 10 minutes");
    }

    /** One run of {@code node interop/ts-client/interop.mjs}. */
    record NodeRun(int exitCode, String output) {

        static NodeRun interop(String mcpUrl, String... args) throws IOException, InterruptedException {
            Path client = Path.of("..", "interop", "ts-client").toAbsolutePath().normalize();
            if (!Files.isDirectory(client.resolve("node_modules"))) {
                throw new IllegalStateException("the TypeScript client's packages are missing: run `npm ci` in " + client
                        + " (scripts/test does it)");
            }
            var command = new java.util.ArrayList<>(java.util.List.of("node", "interop.mjs", mcpUrl));
            command.addAll(java.util.List.of(args));
            Process node = new ProcessBuilder(command).directory(client.toFile()).redirectErrorStream(true).start();
            var out = new java.io.ByteArrayOutputStream();
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    node.getInputStream().transferTo(out);
                } catch (IOException e) {
                    // the process was killed: what was read so far is reported below
                }
            });
            if (!node.waitFor(120, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new IllegalStateException("node interop.mjs did not finish within 120 s:\n" + out);
            }
            reader.join();
            return new NodeRun(node.exitValue(), out.toString(StandardCharsets.UTF_8));
        }
    }
}
