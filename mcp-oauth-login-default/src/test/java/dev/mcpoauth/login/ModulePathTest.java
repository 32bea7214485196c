package dev.mcpoauth.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Surefire runs this module on the module path, where a resource in a package folder is encapsulated. */
class ModulePathTest {

    @Test
    void runsAsTheNamedModule() {
        assertThat(DefaultLoginHandler.class.getModule().getName())
                .as("these tests must run on the module path to prove the templates load there")
                .isEqualTo("dev.mcpoauth.login");
    }

    @Test
    void templatesLoadOnTheModulePath() {
        var handler = DefaultLoginHandler.create("Demo App");

        assertThat(new Browser(handler, RecordingFlow.knowing("s")).get("s").body()).contains("<form method=\"post\"");
        assertThat(new Browser(handler, RecordingFlow.knowing("s")).get("x").body()).contains("<h1>This sign-in link is not valid</h1>");
    }

    @Test
    void assetsAreReadableByOtherModulesThroughTheClassLoader() throws IOException {
        for (String asset : new String[] {LoginAssets.STYLESHEET, LoginAssets.ICON}) {
            // A transport in another module reads them like this (Helidon's classpath static content does).
            try (InputStream in = ClassLoader.getSystemClassLoader().getResourceAsStream(
                    LoginAssets.CLASSPATH_LOCATION + "/" + asset)) {
                assertThat(in).as(asset).isNotNull();
                assertThat(in.readAllBytes()).isNotEmpty();
            }
        }
    }

    @Test
    void defaultPagesHaveNoInlineScriptOrStyleAndLinkOnlyShippedAssets() {
        var handler = DefaultLoginHandler.create("Demo App");
        for (String body : new String[] {
                new Browser(handler, RecordingFlow.knowing("s")).get("s").body(),
                new Browser(handler, RecordingFlow.knowing("s")).get("x").body()}) {
            assertThat(body).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<style")
                    .doesNotContainIgnoringCase(" style=").doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
            Matcher link = Pattern.compile("(?:href|src)=\"/oauth/assets/([^\"]+)\"").matcher(body);
            int links = 0;
            while (link.find()) {
                links++;
                assertThat(link.group(1)).isIn(LoginAssets.STYLESHEET, LoginAssets.ICON);
            }
            assertThat(links).as("stylesheet and icon are linked").isGreaterThanOrEqualTo(2);
        }
    }
}
