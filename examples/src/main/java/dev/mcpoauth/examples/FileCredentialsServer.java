package dev.mcpoauth.examples;

import dev.mcpoauth.core.McpOAuthServer;
import dev.mcpoauth.core.McpTools;
import dev.mcpoauth.core.ServerConfig;
import dev.mcpoauth.core.ToolArg;

import java.nio.file.Files;
import java.util.List;

/**
 * The original's {@code file_credentials_server.py} and its Quick Start: users come from
 * {@code users.txt} ({@code alice:cows} per line, or {@code alice:pbkdf2-sha256$...} made with
 * {@link PasswordHash}), tokens are kept in the embedded SQLite database {@code auth.db}, and the
 * OAuth-protected MCP endpoint is {@code http://localhost:3000/mcp}.
 */
public final class FileCredentialsServer {

    private FileCredentialsServer() {
    }

    /** Starts the server; see {@link ExampleOptions} for the options. */
    public static void main(String[] args) throws InterruptedException {
        ExampleOptions options = Examples.options(args);
        if (!Files.isReadable(options.usersFile())) {
            System.err.println("users file not found: " + options.usersFile().toAbsolutePath()
                    + " (one username:password per line, e.g. alice:cows; give another with --users FILE)");
            System.exit(2);
        }
        McpOAuthServer.Builder builder = McpOAuthServer.builder("my-app")
                .config(options.applyTo(ServerConfig.builder()).build())
                .userChecker(new UsersFile(options.usersFile()))
                .tool(McpTools.text("echo", "Echo back the input message.",
                        List.of(ToolArg.string("message", "The message to echo")),
                        call -> "Echo: " + call.string("message")));
        options.store().ifPresent(builder::tokenStore);
        Examples.run(builder.build());
    }
}
