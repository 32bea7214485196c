package dev.mcpoauth.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpoauth.LoginException.Reason;
import dev.mcpoauth.LoginPrompt;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every value the pages echo comes from someone else: the client, the user, the engine. None may become markup. */
class XssTest {

    private static final String PAYLOAD = "\"'><script>alert(1)</script><img src=x onerror=alert(2)>`{username}";
    private static final String STATE = "s";

    private static void assertInert(String body) {
        assertThat(body).doesNotContain("<script").doesNotContain("<img src=x").doesNotContain("\"'>")
                .doesNotContain("onerror=");
        assertThat(body).contains("&quot;&#39;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src&#61;x onerror&#61;alert(2)&gt;&#96;{username}");
    }

    private static LoginPrompt prompt(String clientName, String clientId, String host, Set<String> scopes) {
        return new LoginPrompt("Demo App", clientId, Optional.of(clientName), host, false, scopes);
    }

    @Test
    void usernameIsEscaped() {
        var flow = RecordingFlow.knowing(STATE).failing(Reason.INVALID_CREDENTIALS, "Wrong.");
        Browser browser = new Browser(DefaultLoginHandler.create("Demo App"), flow);
        browser.get(STATE);

        assertInert(browser.post(STATE, PAYLOAD, "pw").body());
    }

    @Test
    void clientNameClientIdRedirectHostAndScopesAreEscaped() {
        var handler = DefaultLoginHandler.create("Demo App");

        assertInert(new Browser(handler, new RecordingFlow().with(STATE, prompt(PAYLOAD, "c", "h", Set.of()))).get(STATE).body());
        assertInert(new Browser(handler, new RecordingFlow().with(STATE,
                new LoginPrompt("Demo App", PAYLOAD, Optional.empty(), "h", false, Set.of()))).get(STATE).body());
        assertInert(new Browser(handler, new RecordingFlow().with(STATE, prompt("c", "c", PAYLOAD, Set.of()))).get(STATE).body());
        assertInert(new Browser(handler, new RecordingFlow().with(STATE, prompt("c", "c", "h", Set.of(PAYLOAD)))).get(STATE).body());
    }

    @Test
    void appNameIsEscapedOnFormAndMessagePages() {
        var handler = DefaultLoginHandler.create(PAYLOAD);

        assertInert(new Browser(handler, RecordingFlow.knowing(STATE)).get(STATE).body());
        assertInert(new Browser(handler, RecordingFlow.knowing(STATE)).get("unknown").body());
    }

    @Test
    void errorMessageIsEscapedOnFormAndMessagePages() {
        for (Reason reason : Reason.values()) {
            var flow = RecordingFlow.knowing(STATE).failing(reason, PAYLOAD);
            Browser browser = new Browser(DefaultLoginHandler.create("Demo App"), flow);
            browser.get(STATE);

            assertInert(browser.post(STATE, "alice", "pw").body());
        }
    }

    @Test
    void stateIsEscaped() {
        var flow = RecordingFlow.knowing(PAYLOAD);

        assertInert(new Browser(DefaultLoginHandler.create("Demo App"), flow).get(PAYLOAD).body());
    }

    @Test
    void customTemplateValuesAreEscapedToo() {
        var handler = DefaultLoginHandler.create("Demo App",
                "<form method=post><input name=username value={username}>{error_message}</form>");
        var flow = RecordingFlow.knowing(STATE).failing(Reason.INVALID_CREDENTIALS, PAYLOAD);
        Browser browser = new Browser(handler, flow);
        browser.get(STATE);

        String body = browser.post(STATE, PAYLOAD, "pw").body();

        assertThat(body).doesNotContain("<script").doesNotContain(" onerror=").doesNotContain("<img");
    }

    @Test
    void clientWarningOfAMetadataDocumentClientIsEscaped() {
        var handler = DefaultLoginHandler.create("Demo App");
        var prompt = new LoginPrompt("Demo App", "https://" + PAYLOAD, Optional.empty(), "127.0.0.1", true, Set.of());

        String body = new Browser(handler, new RecordingFlow().with(STATE, prompt)).get(STATE).body();

        assertInert(body);
        assertThat(body).contains("This app says it is https://&quot;&#39;&gt;&lt;script&gt;");
    }
}
