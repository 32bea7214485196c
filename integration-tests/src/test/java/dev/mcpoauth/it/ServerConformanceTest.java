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

    /** A suite run and the scenarios it wrote. */
    private record Outcome(NodeRunner.Result run, List<Scenario> scenarios, String serverLog) {
    }

    private static Outcome runSuite(Path work, String outName, String... extra) throws Exception {
        Prerequisites.nodeDir();
        Map<String, String> user = Map.of("MCPOAUTH_IT_USER", "conformance",
                "MCPOAUTH_IT_PASSWORD", HexFormat.of().formatHex(java.security.SecureRandom.getSeed(16)));
        Path out = Prerequisites.target().resolve("conformance/" + outName);
        try (LaunchedServer server = LaunchedServer.start("dev.mcpoauth.it/dev.mcpoauth.it.ConformanceServer",
                ConformanceServer.READY, user, work, "--db", work.resolve("auth.db").toString())) {
            List<String> args = new java.util.ArrayList<>(List.of(server.mcpUrl().toString(), out.toString()));
            args.addAll(List.of(extra));
            NodeRunner.Result run = NodeRunner.run("server-suite.mjs", user, out.resolve("runner.log"), 8,
                    args.toArray(String[]::new));
            return new Outcome(run, ConformanceResults.read(out.resolve("results"), "server"), server.output());
        }
    }

    @Test
    void everyActiveServerScenarioPassesAgainstTheProtectedFixture(@TempDir Path work) throws Exception {
        Outcome outcome = runSuite(work, "server");
        NodeRunner.Result run = outcome.run();
        List<Scenario> scenarios = outcome.scenarios();

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
        assertThat(failures).as("failed conformance checks; the server's log:\n%s", outcome.serverLog()).isEmpty();
        assertThat(run.exitCode()).as("the runner's verdict:\n%s", run.output()).isZero();
    }

    /**
     * The {@code server-sse-polling} scenario (SEP-1699; outside the active suite): every POST stream
     * opens with a priming event (an event id, empty data) and a {@code retry} field. Its resumption
     * check stays a warning: the fixture has no {@code test_reconnection} tool and the MCP Java SDK
     * replays no events after a {@code Last-Event-ID} (the 2026-07-28 revision drops resumability).
     */
    @Test
    void sseStreamsSendThePrimingEventAndRetryFieldThePollingScenarioAsksFor(@TempDir Path work) throws Exception {
        Outcome outcome = runSuite(work, "sse-polling", "--scenario", "server-sse-polling");
        Scenario polling = outcome.scenarios().stream().filter(s -> s.name().equals("server-sse-polling")).findFirst()
                .orElseThrow(() -> new AssertionError("the scenario ran:\n" + outcome.run().output()));

        assertThat(polling.withStatus("FAILURE")).as(outcome.run().output()).isEmpty();
        assertThat(polling.withStatus("SUCCESS")).extracting(ConformanceResults.Check::id)
                .as("no warning about the priming event or the retry field:\n%s", outcome.run().output())
                .contains("server-sse-priming-event", "server-sse-retry-field");
    }
}
