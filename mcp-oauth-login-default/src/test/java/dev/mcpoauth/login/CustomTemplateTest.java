package dev.mcpoauth.login;

import static dev.mcpoauth.login.Browser.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpoauth.LoginException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CustomTemplateTest {

    private static final String STATE = "s1";

    /** A template written for the original library: its four macros only, no CSRF field. */
    private static final String ORIGINAL_STYLE = """
            <html><body><h1>{app_name}</h1><p class="err">{error_message}</p>
            <form method="POST" action="/oauth/login">
              <input type="hidden" name="state" value="{state}">
              <input name="username" value="{username}"><input type="password" name="password">
            </form></body></html>""";

    @Test
    void templateWithoutCsrfMacroGetsTheFieldAfterEachFormTagAndStillLogsIn() {
        var flow = RecordingFlow.knowing(STATE);
        Browser browser = new Browser(DefaultLoginHandler.create("Demo App", ORIGINAL_STYLE), flow);

        String body = browser.get(STATE).body();

        assertThat(body).contains("<form method=\"POST\" action=\"/oauth/login\"><input type=\"hidden\" name=\"csrf_token\" value=\"")
                .contains("<h1>Demo App</h1>");
        assertThat(browser.post(STATE, "alice", "pw").status()).isEqualTo(302);
        assertThat(flow.completions()).hasSize(1);
    }

    @Test
    void templateWithoutCsrfMacroIsStillProtected() {
        var flow = RecordingFlow.knowing(STATE);
        Browser browser = new Browser(DefaultLoginHandler.create("Demo App", ORIGINAL_STYLE), flow);
        browser.get(STATE);

        assertThat(browser.token(java.util.Optional.empty()).post(STATE, "alice", "pw").status()).isEqualTo(403);
        assertThat(flow.completions()).isEmpty();
    }

    @Test
    void templateWithCsrfMacroGetsNoSecondField() {
        String template = "<form method=post><input type=hidden name=csrf_token value=\"{csrf_token}\"></form>";

        String body = new Browser(DefaultLoginHandler.create("Demo App", template), RecordingFlow.knowing(STATE))
                .get(STATE).body();

        assertThat(body.split("csrf_token", -1)).hasSize(2);
    }

    @Test
    void templateKeepsUsernameAfterWrongPassword() {
        var flow = RecordingFlow.knowing(STATE).failing(Reason.INVALID_CREDENTIALS, "Nope.");
        Browser browser = new Browser(DefaultLoginHandler.create("Demo App", ORIGINAL_STYLE), flow);
        browser.get(STATE);

        String body = browser.post(STATE, "bob", "pw").body();

        assertThat(body).contains("value=\"bob\"").contains("<p class=\"err\">Nope.</p>");
    }

    @Test
    void inlineStyleElementsAreAllowedByHashButNotWhenTheyHoldAMacro() throws Exception {
        String css = "body { color: red }";
        String template = "<style>" + css + "</style><style>h1::after{content:'{app_name}'}</style><form></form>";

        String policy = header(new Browser(DefaultLoginHandler.create("Demo App", template), RecordingFlow.knowing(STATE))
                .get(STATE), "Content-Security-Policy");

        String hash = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8)));
        assertThat(policy).contains("style-src 'self' 'sha256-" + hash + "';").doesNotContain("unsafe-inline");
        assertThat(policy.split("sha256-", -1)).as("only the style without a macro is hashed").hasSize(2);
    }

    @Test
    void templateWithoutFormIsRefused() {
        assertThatThrownBy(() -> DefaultLoginHandler.create("Demo App", "<p>{username}</p>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no <form>");
    }

    @Test
    void buildReportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> DefaultLoginHandler.builder(" ").template("<p></p>").csrfKey(new byte[8])
                .cookiePath("oauth; Domain=evil").contentSecurityPolicy("a\r\nSet-Cookie: x").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("app name").hasMessageContaining("<form>").hasMessageContaining("32 bytes")
                .hasMessageContaining("cookie path").hasMessageContaining("Content-Security-Policy");
    }
}
