package dev.mcpoauth.it;

import dev.mcpoauth.core.McpOAuthServer;
import dev.mcpoauth.core.ServerConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The conformance fixture server: an OAuth-protected MCP endpoint on a loopback port that serves the
 * tools, resources and prompts of the MCP conformance suite's server scenarios, so that the suite
 * (given a token obtained through the real login) tests our transport and not a stand-in.
 *
 * <pre>
 * MCPOAUTH_IT_PASSWORD=... java -m dev.mcpoauth.it/dev.mcpoauth.it.ConformanceServer [--host H] [--port N] [--db FILE]
 * </pre>
 *
 * <p>Defaults: host {@code 127.0.0.1}, port 0 (any free port), a fresh SQLite file in a temporary
 * directory. The single user is {@code MCPOAUTH_IT_USER} (default {@code conformance}) with the
 * password {@code MCPOAUTH_IT_PASSWORD} (required). Prints {@value #READY} and the MCP URL once it
 * serves, and stops on SIGTERM.
 */
public final class ConformanceServer {

    /** The line printed, followed by the MCP endpoint URL, once requests are accepted. */
    public static final String READY = "Conformance fixture running at ";

    private ConformanceServer() {
    }

    /** Starts the fixture; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        String password = env.getOrDefault("MCPOAUTH_IT_PASSWORD", "");
        if (password.isEmpty()) {
            System.err.println("set MCPOAUTH_IT_PASSWORD to the password of the fixture's user");
            System.exit(2);
        }
        ServerConfig.Builder config = ServerConfig.builder().host("127.0.0.1").port(0);
        List<String> rest = new ArrayList<>(List.of(args));
        boolean dbGiven = false;
        while (rest.size() >= 2) {
            String name = rest.removeFirst();
            String value = rest.removeFirst();
            switch (name) {
                case "--host" -> config.host(value);
                case "--port" -> config.port(Integer.parseInt(value));
                case "--db" -> {
                    config.dbPath(Path.of(value));
                    dbGiven = true;
                }
                default -> usage("unknown option " + name);
            }
        }
        if (!rest.isEmpty()) {
            usage("option " + rest.getFirst() + " needs a value");
        }
        if (!dbGiven) {
            config.dbPath(Files.createTempDirectory("mcp-oauth-conformance").resolve("auth.db"));
        }
        McpOAuthServer.Builder builder = McpOAuthServer.builder("mcp-conformance-test-server")
                .config(config.build())
                .userChecker(new FixtureUser(env.getOrDefault("MCPOAUTH_IT_USER", "conformance"), password));
        ConformanceTools.all().forEach(builder::tool);
        ConformanceResources.resources().forEach(builder::resource);
        ConformanceResources.templates().forEach(builder::resourceTemplate);
        ConformancePrompts.prompts().forEach(builder::prompt);
        ConformancePrompts.completions().forEach(builder::completion);
        run(builder.build());
    }

    private static void run(McpOAuthServer server) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "conformance-fixture-shutdown"));
        server.start();
        System.out.println(READY + server.mcpUrl());
        stopped.await();
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nusage: ConformanceServer [--host H] [--port N] [--db FILE]");
        System.exit(2);
    }
}
