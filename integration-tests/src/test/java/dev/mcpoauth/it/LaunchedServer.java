package dev.mcpoauth.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A server started the way users start one: a separate {@code java -m} process on the module path
 * the build copied to {@code target/modules}, so that the real module graph runs (every
 * {@code requires}, {@code uses} and {@code provides}), not the test class path.
 */
final class LaunchedServer implements AutoCloseable {

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final URI mcpUrl;

    private LaunchedServer(Process process, String readyLine, int seconds) throws InterruptedException {
        this.process = process;
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                reader.lines().forEach(output::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                // UncheckedIOException: reader.lines() reports the pipe closing when the process is destroyed.
                output.add("(output closed)"); // not its message: tests look for exceptions in the output
            }
        });
        this.mcpUrl = URI.create(awaitLine(readyLine, seconds).substring(readyLine.length()).trim());
    }

    /**
     * Starts {@code module/mainClass} and waits until it prints {@code readyLine} followed by its MCP URL.
     *
     * @param mainClass the module and class, e.g. {@code dev.mcpoauth.it/dev.mcpoauth.it.ConformanceServer}
     * @param readyLine the text before the URL on the line that says the server accepts requests
     * @param env       extra environment variables
     * @param workDir   the working directory (database files land there)
     * @param args      the program's arguments
     */
    static LaunchedServer start(String mainClass, String readyLine, Map<String, String> env, Path workDir,
                                String... args) throws IOException, InterruptedException {
        Path target = Prerequisites.target();
        Path modules = target.resolve("modules");
        if (!Files.isDirectory(modules)) {
            throw new IllegalStateException(modules + " is missing: the build copies the module path there in "
                    + "process-test-classes; run the tests through Maven");
        }
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=org.xerial.sqlitejdbc",
                "--module-path", modules + java.io.File.pathSeparator + target.resolve("classes"),
                "--module", mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            return new LaunchedServer(process, readyLine, 60);
        } catch (RuntimeException | InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** The MCP endpoint's URL as the server printed it. */
    URI mcpUrl() {
        return mcpUrl;
    }

    /** The issuer: the MCP URL's origin (the fixture and the examples serve at the root). */
    String issuer() {
        return mcpUrl.getScheme() + "://" + mcpUrl.getRawAuthority();
    }

    /** Everything the process printed so far, its log included. */
    String output() {
        return String.join("\n", output);
    }

    /** Stops the server as a deployment would (SIGTERM), forcibly after 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String awaitLine(String prefix, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            for (String line : output) {
                int at = line.indexOf(prefix);
                if (at >= 0) {
                    return line.substring(at);
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + ":\n" + output());
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the server did not print '" + prefix + "' within " + seconds + " s:\n" + output());
    }
}
