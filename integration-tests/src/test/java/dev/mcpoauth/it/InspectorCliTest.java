package dev.mcpoauth.it;

import dev.mcpoauth.core.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MCP Inspector's CLI against the FileCredentialsServer example: its interactive OAuth flow
 * (registration, callback listener, authorization URL) completed headlessly by
 * {@code node/inspector-cli.mjs}, then {@code tools/list}, then {@code tools/call} with only the
 * token the first run stored.
 */
class InspectorCliTest {

    @Test
    void inspectorLogsInOnceThenListsAndCallsTools(@TempDir Path work) throws Exception {
        Prerequisites.nodeDir();
        String password = HexFormat.of().formatHex(java.security.SecureRandom.getSeed(16));
        Files.writeString(work.resolve("users.txt"), "alice:" + password + "\n");
        Path out = Prerequisites.target().resolve("inspector");
        try (LaunchedServer server = LaunchedServer.start("dev.mcpoauth.examples/dev.mcpoauth.examples.FileCredentialsServer",
                "MCP server with OAuth running at ", Map.of(), work, "--host", "127.0.0.1",
                "--port", String.valueOf(freePort()), "--db", work.resolve("auth.db").toString(),
                "--users", work.resolve("users.txt").toString())) {
            NodeRunner.Result run = NodeRunner.run("inspector-cli.mjs",
                    Map.of("MCPOAUTH_IT_USER", "alice", "MCPOAUTH_IT_PASSWORD", password), out.resolve("runner.log"), 5,
                    server.mcpUrl().toString(), out.toString(), "echo", "message=hello from the MCP Inspector");
            Map<String, Object> summary = Json.parseObject(Files.readString(out.resolve("inspector-summary.json")));
            Map<?, ?> list = (Map<?, ?>) summary.get("list");
            Map<?, ?> call = (Map<?, ?>) summary.get("call");

            assertThat(list.get("exitCode")).as("tools/list exit code:\n%s\nserver:\n%s", run.output(), server.output()).isEqualTo(0L);
            assertThat(list.get("logins")).as("one interactive login").isEqualTo(1L);
            List<?> tools = (List<?>) ((Map<?, ?>) list.get("result")).get("tools");
            assertThat(tools.stream().map(t -> String.valueOf(((Map<?, ?>) t).get("name")))).contains("echo");
            assertThat(call.get("exitCode")).as("tools/call exit code:\n%s", run.output()).isEqualTo(0L);
            assertThat(call.get("logins")).as("the stored token is reused, no second login").isEqualTo(0L);
            assertThat(String.valueOf(call.get("result"))).contains("Echo: hello from the MCP Inspector");
            assertThat(run.exitCode()).as("the runner's verdict:\n%s", run.output()).isZero();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
