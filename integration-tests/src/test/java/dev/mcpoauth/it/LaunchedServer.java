package dev.mcpoauth.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The fixture server or an example, started the way users start one
 * ({@link dev.mcpoauth.testing.LaunchedServer}: {@code java -m} on the module path the build copied to
 * {@code target/modules}), known by the MCP URL it prints once it accepts requests.
 */
final class LaunchedServer implements AutoCloseable {

    private final dev.mcpoauth.testing.LaunchedServer process;
    private final URI mcpUrl;

    private LaunchedServer(dev.mcpoauth.testing.LaunchedServer process, URI mcpUrl) {
        this.process = process;
        this.mcpUrl = mcpUrl;
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
        dev.mcpoauth.testing.LaunchedServer process = dev.mcpoauth.testing.LaunchedServer.start(
                target.resolve("modules"), target.resolve("classes"), mainClass, env, workDir, List.of(args));
        try {
            String line = process.awaitLine(readyLine, 60);
            return new LaunchedServer(process, URI.create(line.substring(readyLine.length()).trim()));
        } catch (RuntimeException | InterruptedException e) {
            process.close();
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
        return process.output();
    }

    /** Stops the server as a deployment would (SIGTERM), forcibly after 30 s. */
    @Override
    public void close() {
        process.close();
    }
}
