package dev.mcpoauth.it;

import dev.mcpoauth.core.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The MCP conformance tool's own result files, read independently of the runner's summary: one
 * folder {@code <kind>-<scenario>-<timestamp>} per scenario holding {@code checks.json}, an array of
 * checks with an {@code id}, a {@code status} (SUCCESS, FAILURE, WARNING, SKIPPED, INFO) and an
 * optional {@code errorMessage}.
 */
final class ConformanceResults {

    /** One check of a scenario. */
    record Check(String id, String status, String message) {
        @Override
        public String toString() {
            return status + " " + id + (message.isEmpty() ? "" : ": " + message);
        }
    }

    /** One scenario and its checks. */
    record Scenario(String name, List<Check> checks) {

        List<Check> withStatus(String status) {
            return checks.stream().filter(c -> c.status().equals(status)).toList();
        }
    }

    private ConformanceResults() {
    }

    /** Reads every scenario folder of the given kind ({@code server}, {@code authorization-server}). */
    static List<Scenario> read(Path resultsDir, String kind) throws IOException {
        Pattern folder = Pattern.compile(Pattern.quote(kind) + "-(.+)-(\\d{4}-\\d{2}-\\d{2}T[\\d-]+Z)");
        List<Scenario> scenarios = new ArrayList<>();
        if (!Files.isDirectory(resultsDir)) {
            return scenarios;
        }
        try (Stream<Path> entries = Files.list(resultsDir)) {
            for (Path entry : entries.sorted().toList()) {
                Matcher m = folder.matcher(entry.getFileName().toString());
                Path file = entry.resolve("checks.json");
                if (m.matches() && Files.isRegularFile(file)) {
                    scenarios.add(new Scenario(m.group(1), checks(Files.readString(file))));
                }
            }
        }
        scenarios.sort(Comparator.comparing(Scenario::name));
        return scenarios;
    }

    private static List<Check> checks(String json) {
        Object array = Json.parseObject("{\"checks\":" + json + "}").get("checks");
        List<Check> checks = new ArrayList<>();
        for (Object item : (List<?>) array) {
            Map<?, ?> check = (Map<?, ?>) item;
            checks.add(new Check(String.valueOf(check.get("id")), String.valueOf(check.get("status")),
                    check.get("errorMessage") == null ? "" : String.valueOf(check.get("errorMessage"))));
        }
        return checks;
    }
}
