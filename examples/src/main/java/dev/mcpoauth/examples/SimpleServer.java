package dev.mcpoauth.examples;

import dev.mcpoauth.core.McpOAuthServer;
import dev.mcpoauth.core.McpTools;
import dev.mcpoauth.core.ToolArg;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The original's {@code simple_server.py}: a server with the defaults, one user check written in code,
 * and one tool. Run it and connect an MCP client to {@code http://localhost:3000/mcp}; log in as
 * {@code alice} / {@code cows}.
 */
public final class SimpleServer {

    /** The demo's users, as in the original README. A real server checks a database or a directory. */
    private static final Map<String, String> USERS = Map.of("alice", "cows", "bob", "dogs");

    private SimpleServer() {
    }

    /** Starts the server; see {@link ExampleOptions} for the options. */
    public static void main(String[] args) throws InterruptedException {
        ExampleOptions options = Examples.options(args);
        McpOAuthServer.Builder builder = McpOAuthServer.builder("my-app")
                .config(options.applyTo(dev.mcpoauth.core.ServerConfig.builder()).build())
                .userChecker(SimpleServer::checkUser)
                .tool(McpTools.text("echo", "Echo back the input message.",
                        List.of(ToolArg.string("message", "The message to echo")),
                        call -> "Echo: " + call.string("message")));
        options.store().ifPresent(builder::tokenStore);
        Examples.run(builder.build());
    }

    /** The user's id when the pair is right: here the username itself. */
    static Optional<String> checkUser(String username, String password) {
        String expected = USERS.get(username);
        boolean match = expected != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
        return match ? Optional.of(username) : Optional.empty();
    }
}
