package dev.mcpoauth.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one of the Node runners in {@code integration-tests/node} under Node 22 and keeps its output. */
final class NodeRunner {

    /** What a runner printed and how it ended. */
    record Result(int exitCode, String output) {
    }

    private NodeRunner() {
    }

    /**
     * Runs {@code node22 script args...} in the Node tools folder, with the output written to {@code log}.
     *
     * @param script  the runner, e.g. {@code server-suite.mjs}
     * @param env     extra environment (the user's credentials)
     * @param log     where the output goes
     * @param minutes how long it may take before it is killed
     * @param args    its arguments
     * @return the exit code and the output
     */
    static Result run(String script, Map<String, String> env, Path log, int minutes, String... args)
            throws IOException, InterruptedException {
        Path dir = Prerequisites.nodeDir();
        List<String> command = new ArrayList<>(List.of(Prerequisites.node22().toString(), dir.resolve(script).toString()));
        command.addAll(List.of(args));
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException(script + " did not finish within " + minutes + " minutes:\n"
                    + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log));
    }
}
