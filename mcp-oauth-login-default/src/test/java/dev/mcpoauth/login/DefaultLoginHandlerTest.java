package dev.mcpoauth.login;

import static dev.mcpoauth.login.Browser.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpoauth.LoginException.Reason;
import dev.mcpoauth.LoginRequest;
import dev.mcpoauth.LoginResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DefaultLoginHandlerTest {

    private static final String STATE = "state-1";

    private final DefaultLoginHandler handler = DefaultLoginHandler.create("Demo App");

    @Test
    void getWhenStateKnownThenShowsAppClientRedirectHostAndScopes() {
        LoginResponse page = new Browser(handler, RecordingFlow.knowing(STATE)).get(STATE);

        assertThat(page.status()).isEqualTo(200);
        assertThat(header(page, "Content-Type")).isEqualTo("text/html; charset=UTF-8");
        assertThat(page.body())
                .contains("<title>Sign in to Demo App</title>")
                .contains("<strong class=\"client\">Example Client</strong> wants to access your account")
                .contains("<strong>client.example</strong>")
                .contains("data-scopes=\"read, write\"")
                .contains("name=\"state\" value=\"state-1\"")
                .contains("data-redirect=\"remote\"");
    }

    @Test
    void getWhenPageRenderedThenFormIsAccessible() {
        String body = new Browser(handler, RecordingFlow.knowing(STATE)).get(STATE).body();

        assertThat(body)
                .contains("<html lang=\"en\">")
                .contains("<label for=\"username\">").contains("<label for=\"password\">")
                .contains("autocomplete=\"username\"").contains("autocomplete=\"current-password\"")
                .contains("role=\"alert\" aria-live=\"assertive\"")
                .contains("name=\"viewport\"");
        assertThat(body.substring(body.indexOf("id=\"username\""), body.indexOf("id=\"password\"")))
                .as("a fresh page focuses the username").contains("autofocus");
    }

    @Test
    void getWhenRedirectIsLoopbackThenMarksThePageLocal() {
        var flow = new RecordingFlow().with(STATE, RecordingFlow.prompt("Cli", "127.0.0.1", true, Set.of()));

        String body = new Browser(handler, flow).get(STATE).body();

        assertThat(body).contains("data-redirect=\"local\"").contains("data-scopes=\"\"")
                .contains("does not leave it");
    }

    @Test
    void getWhenClientHasNoNameThenShowsItsId() {
        var flow = new RecordingFlow().with(STATE,
                new dev.mcpoauth.LoginPrompt("Demo App", "client-123", java.util.Optional.empty(), "h", false, Set.of()));

        assertThat(new Browser(handler, flow).get(STATE).body()).contains("<strong class=\"client\">client-123</strong>");
    }

    @Test
    void getWhenStateUnknownThenAnswers400WithoutForm() {
        LoginResponse page = new Browser(handler, RecordingFlow.knowing(STATE)).get("no-such-state");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).doesNotContain("<form").contains("start again");
    }

    @Test
    void getWhenStateMissingThenAnswers400() {
        LoginResponse page = handler.handle(
                new LoginRequest("GET", Map.of(), Map.of(), Map.of(), "127.0.0.1"), RecordingFlow.knowing(STATE));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).doesNotContain("<form");
    }

    @Test
    void postWhenCredentialsAcceptedThenRedirectsToTheFlowsUri() {
        var flow = RecordingFlow.knowing(STATE);
        var browser = new Browser(handler, flow);
        browser.get(STATE);

        LoginResponse response = browser.post(STATE, "alice", "s3cret");

        assertThat(response.status()).isEqualTo(302);
        assertThat(header(response, "Location")).isEqualTo(RecordingFlow.REDIRECT.toString());
        assertThat(response.body()).isEmpty();
        assertThat(flow.completions()).containsExactly(new RecordingFlow.Completion(STATE, "alice", "s3cret", "127.0.0.1"));
    }

    @Test
    void postWhenPasswordWrongThenShowsErrorKeepsUsernameAndNeverEchoesPassword() {
        var flow = RecordingFlow.knowing(STATE).failing(Reason.INVALID_CREDENTIALS, "Wrong username or password.");
        var browser = new Browser(handler, flow);
        browser.get(STATE);

        LoginResponse page = browser.post(STATE, "alice", "hunter2-password");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Wrong username or password.").contains("value=\"alice\"")
                .doesNotContain("hunter2-password");
        String passwordField = page.body().substring(page.body().indexOf("id=\"password\""));
        assertThat(passwordField.substring(0, passwordField.indexOf('>')))
                .as("after a failed attempt the password field gets the focus").contains("autofocus");
    }

    @Test
    void postWhenLoginFailsThenPageDiffersOnlyByTheUsernameWhateverTheUser() {
        var flow = RecordingFlow.knowing(STATE).failing(Reason.INVALID_CREDENTIALS, "Wrong username or password.");
        var browser = new Browser(handler, flow);
        browser.get(STATE);

        String existing = browser.post(STATE, "alice", "x").body();
        String unknown = browser.post(STATE, "mallory", "x").body();

        assertThat(existing.replace("alice", "USER")).isEqualTo(unknown.replace("mallory", "USER"));
    }

    @Test
    void postWhenThrottledThenAnswers429WithTheFlowsMessage() {
        var flow = RecordingFlow.knowing(STATE).failing(Reason.THROTTLED, "Too many attempts. Try again in a minute.");
        var browser = new Browser(handler, flow);
        browser.get(STATE);

        LoginResponse page = browser.post(STATE, "alice", "x");

        assertThat(page.status()).isEqualTo(429);
        assertThat(page.body()).contains("Too many attempts. Try again in a minute.");
    }

    @Test
    void postWhenRequestUnknownThenAnswers400TellingToStartAgainWithoutForm() {
        var flow = RecordingFlow.knowing(STATE).failing(Reason.UNKNOWN_REQUEST, "This request expired.");
        var browser = new Browser(handler, flow);
        browser.get(STATE);

        LoginResponse page = browser.post(STATE, "alice", "x");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("This request expired.").contains("start again").doesNotContain("<form");
    }

    @Test
    void postWithoutStateThenAnswers400AndDoesNotCallTheFlow() {
        var flow = RecordingFlow.knowing(STATE);
        var browser = new Browser(handler, flow);
        browser.get(STATE);

        LoginResponse page = browser.post("", "alice", "x");

        assertThat(page.status()).isEqualTo(400);
        assertThat(flow.completions()).isEmpty();
    }

    @Test
    void postWhenFlowFailsUnexpectedlyThenAnswers500WithoutDetails() {
        var flow = RecordingFlow.knowing(STATE).failing(new IllegalStateException("database password is pa55"));
        var browser = new Browser(handler, flow);
        browser.get(STATE);

        LoginResponse page = browser.post(STATE, "alice", "x");

        assertThat(page.status()).isEqualTo(500);
        assertThat(page.body()).doesNotContain("pa55").doesNotContain("IllegalStateException");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "HEAD", "PATCH", "OPTIONS"})
    void otherMethodsThenAnswer405WithAllow(String method) {
        LoginResponse page = handler.handle(new LoginRequest(method, Map.of("state", List.of(STATE)), Map.of(),
                Map.of(), "127.0.0.1"), RecordingFlow.knowing(STATE));

        assertThat(page.status()).isEqualTo(405);
        assertThat(header(page, "Allow")).isEqualTo("GET, POST");
    }

    @Test
    void postWhenThrottledWithAWaitThenRetryAfterHasItInWholeSeconds() {
        var flow = RecordingFlow.knowing(STATE).failing(new dev.mcpoauth.LoginException(Reason.THROTTLED,
                "Too many failed sign-in attempts. Wait 5 seconds and try again.", java.time.Duration.ofMillis(4200)));
        Browser browser = new Browser(handler, flow);
        browser.get(STATE);

        LoginResponse page = browser.post(STATE, "alice", "pw");

        assertThat(page.status()).isEqualTo(429);
        assertThat(header(page, "Retry-After")).isEqualTo("5");
        assertThat(page.body()).contains("Wait 5 seconds and try again.");
        assertThat(header(page, "Content-Security-Policy")).contains("default-src 'none'");
    }

    @Test
    void getWhenAMetadataDocumentClientRedirectsToThisComputerThenWarnsThatAnyProgramCouldClaimIt() {
        var cimd = new dev.mcpoauth.LoginPrompt("Demo App", "https://app.example.com/oauth/client.json",
                java.util.Optional.of("Example"), "127.0.0.1", true, Set.of());
        var remote = new dev.mcpoauth.LoginPrompt("Demo App", "https://app.example.com/oauth/client.json",
                java.util.Optional.of("Example"), "app.example.com", false, Set.of());
        var registered = RecordingFlow.prompt("Cli", "127.0.0.1", true, Set.of());

        String warned = new Browser(handler, new RecordingFlow().with(STATE, cimd)).get(STATE).body();
        String remoteBody = new Browser(handler, new RecordingFlow().with(STATE, remote)).get(STATE).body();
        String registeredBody = new Browser(handler, new RecordingFlow().with(STATE, registered)).get(STATE).body();

        assertThat(warned).contains("This app says it is app.example.com, but it signs you in through an address on "
                + "this computer");
        assertThat(remoteBody).contains("<p class=\"warning\" role=\"note\"></p>");
        assertThat(registeredBody).contains("<p class=\"warning\" role=\"note\"></p>");
    }

    @Test
    void getWhenTheTransportSaysHttpsThenTheCookieIsSecure() {
        LoginResponse page = handler.handle(new LoginRequest("GET", Map.of("state", List.of(STATE)), Map.of(), Map.of(),
                "203.0.113.7", true), RecordingFlow.knowing(STATE));
        LoginResponse plain = handler.handle(new LoginRequest("GET", Map.of("state", List.of(STATE)), Map.of(), Map.of(),
                "203.0.113.7", false), RecordingFlow.knowing(STATE));

        assertThat(header(page, "Set-Cookie")).endsWith("; Secure");
        assertThat(header(plain, "Set-Cookie")).doesNotContain("Secure");
    }
}
