package dev.mcpoauth.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A server started the way users start one: a separate {@code java -m} process on a module path the
 * build assembled (e.g. by {@code maven-dependency-plugin:copy-dependencies} into
 * {@code target/modules}), so that the real module graph runs (every {@code requires}, {@code uses}
 * and {@code provides}), not the test's patched one. Its output (log included) is collected as it
 * comes, for assertions and for failure messages.
 *
 * <p>Not thread safe; one test owns it. {@link #close()} kills the process if still running.
 */
public final class LaunchedServer implements AutoCloseable {

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();

    private LaunchedServer(Process process) {
        this.process = process;
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                reader.lines().forEach(output::add);
            } catch (IOException | UncheckedIOException e) {
                // UncheckedIOException: reader.lines() reports the pipe closing when the process is destroyed.
                output.add("(output closed)"); // not its message: tests look for exceptions in the output
            }
        });
    }

    /**
     * Starts {@code module/mainClass} from {@code modules} plus the module's own {@code classes}
     * folder, with this JVM's {@code java} and sqlite-jdbc's native access granted.
     *
     * @param modules   the folder of the dependencies' jars
     * @param classes   the folder of the launched module's classes
     * @param mainClass the module and class, e.g. {@code dev.mcpoauth.examples/dev.mcpoauth.examples.SimpleServer}
     * @param env       extra environment variables, as an operator configures a deployment
     * @param workDir   the working directory (database files land there)
     * @param args      the program's arguments
     * @return the running process; call {@link #awaitLine} before sending requests
     * @throws IllegalStateException when {@code modules} is missing (the tests did not run through the build)
     */
    public static LaunchedServer start(Path modules, Path classes, String mainClass, Map<String, String> env,
                                       Path workDir, List<String> args) throws IOException {
        if (!Files.isDirectory(modules)) {
            throw new IllegalStateException(modules + " is missing: the build copies the module path there; "
                    + "run the tests through Maven");
        }
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=org.xerial.sqlitejdbc",
                "--module-path", modules + File.pathSeparator + classes,
                "--module", mainClass));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        return new LaunchedServer(builder.start());
    }

    /**
     * Waits until the process prints a line containing {@code text}; kills it when that does not
     * happen in time or the process exits first.
     *
     * @return that line, from {@code text} on
     * @throws IllegalStateException with everything the process printed, when it exited or the time ran out
     */
    public String awaitLine(String text, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            for (String line : output) {
                int at = line.indexOf(text);
                if (at >= 0) {
                    return line.substring(at);
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + ":\n" + output());
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server did not print '" + text + "' within " + seconds + " s:\n"
                + output());
    }

    /** Everything the process printed so far, its log included. */
    public String output() {
        return String.join("\n", output);
    }

    /**
     * Stops the process as a deployment would (SIGTERM) and returns its exit status.
     *
     * @throws IllegalStateException when it did not stop within 30 s (it is then killed)
     */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not stop within 30 s of SIGTERM:\n" + output());
        }
        return process.exitValue();
    }

    /** Stops the process with SIGTERM, forcibly after 30 s. */
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
}
