package dev.mcpoauth.login;

import static dev.mcpoauth.login.Browser.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpoauth.LoginException.Reason;
import dev.mcpoauth.LoginRequest;
import dev.mcpoauth.LoginResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SecurityHeadersTest {

    private static final String STATE = "s";
    private static final DefaultLoginHandler HANDLER = DefaultLoginHandler.create("Demo App");

    static Stream<Named<Supplier<LoginResponse>>> htmlResponses() {
        return Stream.of(
                Named.of("login form", () -> new Browser(HANDLER, RecordingFlow.knowing(STATE)).get(STATE)),
                Named.of("unknown state", () -> new Browser(HANDLER, RecordingFlow.knowing(STATE)).get("nope")),
                Named.of("wrong password", () -> postWith(RecordingFlow.knowing(STATE)
                        .failing(Reason.INVALID_CREDENTIALS, "Wrong."))),
                Named.of("throttled", () -> postWith(RecordingFlow.knowing(STATE).failing(Reason.THROTTLED, "Wait."))),
                Named.of("unknown request", () -> postWith(RecordingFlow.knowing(STATE)
                        .failing(Reason.UNKNOWN_REQUEST, "Gone."))),
                Named.of("csrf failure", () -> new Browser(HANDLER, RecordingFlow.knowing(STATE)).post(STATE, "a", "b")),
                Named.of("unexpected failure", () -> postWith(RecordingFlow.knowing(STATE)
                        .failing(new IllegalStateException("boom")))),
                Named.of("method not allowed", () -> HANDLER.handle(
                        new LoginRequest("PUT", Map.of(), Map.of(), Map.of(), "127.0.0.1"), new RecordingFlow())));
    }

    private static LoginResponse postWith(RecordingFlow flow) {
        Browser browser = new Browser(HANDLER, flow);
        browser.get(STATE);
        return browser.post(STATE, "alice", "pw");
    }

    @ParameterizedTest
    @MethodSource("htmlResponses")
    void everyHtmlResponseCarriesTheSecurityHeaders(Supplier<LoginResponse> scenario) {
        LoginResponse response = scenario.get();

        assertThat(header(response, "Content-Security-Policy"))
                .startsWith("default-src 'none'; style-src 'self'")
                .contains("img-src 'self' data:", "frame-ancestors 'none'", "base-uri 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("script-src");
        assertThat(header(response, "X-Frame-Options")).isEqualTo("DENY");
        assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(response, "Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(header(response, "Cache-Control")).isEqualTo("no-store");
        assertThat(header(response, "Content-Type")).isEqualTo("text/html; charset=UTF-8");
    }

    @Test
    void formPageLeavesFormActionOpenSoChromiumFollowsTheRedirectToTheClient() {
        LoginResponse form = new Browser(HANDLER, RecordingFlow.knowing(STATE)).get(STATE);

        assertThat(header(form, "Content-Security-Policy")).doesNotContain("form-action");
    }

    @Test
    void pageWithoutFormForbidsFormSubmissions() {
        LoginResponse message = new Browser(HANDLER, RecordingFlow.knowing(STATE)).get("nope");

        assertThat(header(message, "Content-Security-Policy")).endsWith("; form-action 'none'");
    }

    @Test
    void redirectCarriesNoStoreAndNoReferrer() {
        LoginResponse redirect = postWith(RecordingFlow.knowing(STATE));

        assertThat(redirect.status()).isEqualTo(302);
        assertThat(header(redirect, "Cache-Control")).isEqualTo("no-store");
        assertThat(header(redirect, "Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(header(redirect, "X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void customPolicyReplacesTheDefault() {
        var handler = DefaultLoginHandler.builder("Demo App").contentSecurityPolicy("default-src 'self'").build();

        LoginResponse form = new Browser(handler, RecordingFlow.knowing(STATE)).get(STATE);

        assertThat(header(form, "Content-Security-Policy")).isEqualTo("default-src 'self'");
        assertThat(List.of(header(form, "X-Frame-Options"))).containsExactly("DENY");
    }
}
