package dev.mcpoauth.it;

import dev.mcpoauth.it.ConformanceResults.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MCP conformance suite's active server scenarios against the fixture server with authentication
 * on: the suite's requests carry a token obtained through our real OAuth flow (see
 * {@code node/server-suite.mjs}), so every scenario exercises the Helidon transport behind the bearer
 * check: SSE streams, progress, logging, sampling, elicitation, resources, prompts, DNS rebinding.
 */
class ServerConformanceTest {

    private static final Pattern ANNOUNCED = Pattern.compile("Running active suite \\((\\d+) scenarios\\)");

    @Test
    void everyActiveServerScenarioPassesAgainstTheProtectedFixture(@TempDir Path work) throws Exception {
        Prerequisites.nodeDir();
        Map<String, String> user = Map.of("MCPOAUTH_IT_USER", "conformance",
                "MCPOAUTH_IT_PASSWORD", HexFormat.of().formatHex(java.security.SecureRandom.getSeed(16)));
        Path out = Prerequisites.target().resolve("conformance/server");
        try (LaunchedServer server = LaunchedServer.start("dev.mcpoauth.it/dev.mcpoauth.it.ConformanceServer",
                ConformanceServer.READY, user, work, "--db", work.resolve("auth.db").toString())) {
            NodeRunner.Result run = NodeRunner.run("server-suite.mjs", user, out.resolve("runner.log"), 8,
                    server.mcpUrl().toString(), out.toString());
            List<Scenario> scenarios = ConformanceResults.read(out.resolve("results"), "server");

            Matcher announced = ANNOUNCED.matcher(run.output());
            assertThat(announced.find()).as("the suite says how many active scenarios it runs:\n%s", run.output()).isTrue();
            assertThat(scenarios).as("one result folder per announced scenario:\n%s", run.output())
                    .hasSize(Integer.parseInt(announced.group(1)));
            assertThat(scenarios).extracting(Scenario::name).as("the scenarios that need the full transport ran")
                    .contains("server-initialize", "tools-call-with-progress", "tools-call-with-logging",
                            "tools-call-sampling", "tools-call-elicitation", "server-sse-multiple-streams",
                            "resources-subscribe", "prompts-get-with-args", "dns-rebinding-protection");
            List<String> failures = scenarios.stream()
                    .flatMap(s -> s.withStatus("FAILURE").stream().map(c -> s.name() + ": " + c)).toList();
            assertThat(failures).as("failed conformance checks; the server's log:\n%s", server.output()).isEmpty();
            assertThat(run.exitCode()).as("the runner's verdict:\n%s", run.output()).isZero();
        }
    }
}
