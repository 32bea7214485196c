package dev.mcpoauth.examples;

import dev.mcpoauth.core.McpOAuthServer;

import java.util.concurrent.CountDownLatch;

/** What the three examples share: starting from options, and running until the process is stopped. */
final class Examples {

    private Examples() {
    }

    /** Parses the options, or prints the problem and the usage and exits with status 2. */
    static ExampleOptions options(String[] args) {
        try {
            return ExampleOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            throw e;
        }
    }

    /** Starts the server, stops it cleanly on Ctrl-C or SIGTERM, and waits until then. */
    static void run(McpOAuthServer server) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "mcp-oauth-shutdown"));
        server.start();
        System.out.println("MCP server with OAuth running at " + server.mcpUrl());
        stopped.await();
    }
}
