package dev.mcpoauth.examples;

import dev.mcpoauth.testing.LaunchedServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An example server started the way a user starts it ({@link LaunchedServer}: {@code java -m} on the
 * module path the build assembled in {@code target/modules}), on a free loopback port.
 */
final class LaunchedExample implements AutoCloseable {

    private final LaunchedServer server;
    final int port;

    private LaunchedExample(LaunchedServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts {@code mainClass} on a free loopback port with the given extra options; waits until it serves. */
    static LaunchedExample start(String mainClass, Path workDir, String... options) throws Exception {
        return start(mainClass, workDir, Map.of(), options);
    }

    /** Starts {@code mainClass} with extra environment variables, as an operator configures a deployment. */
    static LaunchedExample start(String mainClass, Path workDir, Map<String, String> environment,
                                 String... options) throws Exception {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", String.valueOf(port)));
        args.addAll(List.of(options));
        LaunchedServer server = LaunchedServer.start(Path.of("target", "modules").toAbsolutePath(),
                Path.of("target", "classes").toAbsolutePath(), "dev.mcpoauth.examples/" + mainClass, environment,
                workDir, args);
        try {
            server.awaitLine("MCP server with OAuth running at", 60);
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return new LaunchedExample(server, port);
    }

    /** Everything the process printed so far (its log included). */
    String output() {
        return server.output();
    }

    /** The MCP endpoint URL. */
    String mcpUrl() {
        return "http://127.0.0.1:" + port + "/mcp";
    }

    /** Stops the process as a deployment would (SIGTERM) and returns its exit status. */
    int stop() throws InterruptedException {
        return server.stop();
    }

    @Override
    public void close() {
        server.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
