package dev.mcpoauth.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpoauth.LoginException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Writes the pages to target/login-preview/ with their assets, for a person to open in a browser. */
class PreviewTest {

    private static final Path DIR = Path.of("target", "login-preview");

    @Test
    void writesThePagesAndAssetsForPreview() throws IOException {
        Files.createDirectories(DIR.resolve("assets"));
        for (String asset : new String[] {LoginAssets.STYLESHEET, LoginAssets.ICON}) {
            try (InputStream in = DefaultLoginHandler.class.getClassLoader()
                    .getResourceAsStream(LoginAssets.CLASSPATH_LOCATION + "/" + asset)) {
                Files.copy(in, DIR.resolve("assets").resolve(asset), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        var handler = DefaultLoginHandler.builder("Weather MCP").assetsPath("assets/").build();
        var remote = new RecordingFlow().with("s", RecordingFlow.prompt("Claude", "claude.ai", false,
                Set.of("mcp:read", "mcp:write")));
        var local = new RecordingFlow().with("s", RecordingFlow.prompt("VS Code", "127.0.0.1", true, Set.of()));
        var failing = new RecordingFlow().with("s", RecordingFlow.prompt("Claude", "claude.ai", false, Set.of("mcp:read")))
                .failing(Reason.INVALID_CREDENTIALS, "Wrong username or password.");
        Browser failed = new Browser(handler, failing);
        failed.get("s");

        write("login.html", new Browser(handler, remote).get("s").body());
        write("login-local.html", new Browser(handler, local).get("s").body());
        write("login-error.html", failed.post("s", "alice", "not-shown").body());
        write("expired.html", new Browser(handler, remote).get("gone").body());

        assertThat(DIR.resolve("login.html")).content().contains("href=\"assets/login.css\"");
        assertThat(DIR.resolve("assets").resolve(LoginAssets.STYLESHEET)).isNotEmptyFile();
    }

    private static void write(String name, String body) throws IOException {
        Files.writeString(DIR.resolve(name), body);
    }
}
