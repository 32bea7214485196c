package dev.mcpoauth.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * An example server started the way a user starts it: a separate {@code java -m} process on the
 * module path that the build assembled in {@code target/modules}, so the real module graph (every
 * {@code requires}, {@code uses} and {@code provides}) is what runs, not surefire's patched one.
 */
final class LaunchedExample implements AutoCloseable {

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    final int port;

    private LaunchedExample(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                reader.lines().forEach(output::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                // UncheckedIOException: reader.lines() reports the pipe closing when the process is destroyed.
                output.add("(output closed)"); // not its message: tests look for exceptions in the output
            }
        });
    }

    /** Starts {@code mainClass} on a free loopback port with the given extra options; waits until it serves. */
    static LaunchedExample start(String mainClass, Path workDir, String... options) throws Exception {
        return start(mainClass, workDir, java.util.Map.of(), options);
    }

    /** Starts {@code mainClass} with extra environment variables, as an operator configures a deployment. */
    static LaunchedExample start(String mainClass, Path workDir, java.util.Map<String, String> environment,
                                 String... options) throws Exception {
        int port = freePort();
        Path modules = Path.of("target", "modules").toAbsolutePath();
        if (!Files.isDirectory(modules)) {
            throw new IllegalStateException(modules + " is missing: the build copies the module path there in "
                    + "process-test-classes; run the tests through Maven");
        }
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=org.xerial.sqlitejdbc",
                "--module-path", modules + java.io.File.pathSeparator + Path.of("target", "classes").toAbsolutePath(),
                "--module", "dev.mcpoauth.examples/" + mainClass,
                "--host", "127.0.0.1", "--port", String.valueOf(port)));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        LaunchedExample example = new LaunchedExample(process, port);
        example.awaitLine("MCP server with OAuth running at", 60);
        return example;
    }

    /** Everything the process printed so far (its log included). */
    String output() {
        return String.join("\n", output);
    }

    /** The MCP endpoint URL. */
    String mcpUrl() {
        return "http://127.0.0.1:" + port + "/mcp";
    }

    /** Stops the process as a deployment would (SIGTERM) and returns its exit status. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the example did not stop within 30 s of SIGTERM:\n" + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void awaitLine(String text, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (output.stream().anyMatch(line -> line.contains(text))) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the example exited with " + process.exitValue() + ":\n" + output());
            }
            Thread.sleep(50);
        }
        close();
        throw new IllegalStateException("the example did not print '" + text + "' within " + seconds + " s:\n" + output());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
