package dev.mcpoauth.examples;

import dev.mcpoauth.core.McpOAuthServer;
import dev.mcpoauth.core.McpTools;
import dev.mcpoauth.core.ServerConfig;
import dev.mcpoauth.core.ToolArg;

import java.nio.file.Path;
import java.util.List;

/**
 * The original's {@code custom_server.py}: a custom {@link ServerConfig} (port 8000, database
 * {@code my_auth.db}, scopes {@code read}, {@code write}, {@code admin} with {@code read} required,
 * debug on) and a tool that tells the caller who they are. Options on the command line or in the
 * environment override the port, host, public URL and database.
 */
public final class CustomServer {

    private CustomServer() {
    }

    /** Starts the server; see {@link ExampleOptions} for the options. */
    public static void main(String[] args) throws InterruptedException {
        ExampleOptions options = Examples.options(args);
        ServerConfig config = options.applyTo(ServerConfig.builder()
                .host("localhost")
                .port(8000)
                .dbPath(Path.of("my_auth.db"))
                .supportedScopes("read", "write", "admin")
                .requiredScopes("read")
                .debug(true)).build();
        McpOAuthServer.Builder builder = McpOAuthServer.builder("my-app")
                .config(config)
                .userChecker(SimpleServer::checkUser)
                .tool(McpTools.text("echo", "Echo back the input message.",
                        List.of(ToolArg.string("message", "The message to echo")),
                        call -> "Echo: " + call.string("message")))
                .tool(McpTools.text("whoami", "Tell who is calling: user, client and scopes.", List.of(),
                        call -> call.principal()
                                .map(p -> "user " + p.userId() + " via client " + p.clientId() + " with scopes " + p.scopes())
                                .orElse("anonymous")));
        options.store().ifPresent(builder::tokenStore);
        Examples.run(builder.build());
    }
}
