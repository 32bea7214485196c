package dev.mcpoauth.login;

import static dev.mcpoauth.login.Browser.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpoauth.LoginResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class CsrfTest {

    private static final String STATE = "state-A";
    private static final String SESSION_EXPIRED = "Your session expired";

    private final RecordingFlow flow = RecordingFlow.knowing(STATE).with("state-B",
            RecordingFlow.prompt("Other", "other.example", false, java.util.Set.of()));
    private final DefaultLoginHandler handler = DefaultLoginHandler.create("Demo App");

    private void assertRejected(LoginResponse response) {
        assertThat(response.status()).as("a form post without a matching CSRF pair is forbidden").isEqualTo(403);
        assertThat(response.body()).contains(SESSION_EXPIRED);
        assertThat(flow.completions()).as("the credentials must never reach the flow").isEmpty();
    }

    @Test
    void postWithoutCookieIsRejected() {
        Browser browser = new Browser(handler, flow);
        browser.get(STATE);

        assertRejected(browser.cookie(Optional.empty()).post(STATE, "alice", "pw"));
    }

    @Test
    void postWithoutTokenIsRejected() {
        Browser browser = new Browser(handler, flow);
        browser.get(STATE);

        assertRejected(browser.token(Optional.empty()).post(STATE, "alice", "pw"));
    }

    @Test
    void postWithTokenIssuedForAnotherStateIsRejected() {
        Browser browser = new Browser(handler, flow);
        browser.get("state-B");
        String tokenForB = browser.token().orElseThrow();
        browser.get(STATE);

        assertRejected(browser.token(Optional.of(tokenForB)).post(STATE, "alice", "pw"));
    }

    @Test
    void postWithTokenIssuedForAnotherCookieIsRejected() {
        Browser attacker = new Browser(handler, flow);
        attacker.get(STATE);
        Browser victim = new Browser(handler, flow);
        victim.get(STATE);

        assertRejected(victim.token(attacker.token()).post(STATE, "alice", "pw"));
    }

    @Test
    void postWithTamperedOrMalformedCookieIsRejected() {
        Browser browser = new Browser(handler, flow);
        browser.get(STATE);
        String cookie = browser.cookie().orElseThrow();
        String flipped = (cookie.charAt(0) == 'A' ? "B" : "A") + cookie.substring(1);

        assertRejected(browser.cookie(Optional.of(flipped)).post(STATE, "alice", "pw"));
        assertRejected(browser.cookie(Optional.of("short")).post(STATE, "alice", "pw"));
    }

    @Test
    void rejectedPostShowsAFreshFormThatWorksAndDoesNotEchoTheUsername() {
        Browser browser = new Browser(handler, flow);

        LoginResponse rejected = browser.post(STATE, "attacker-chosen", "pw");
        assertRejected(rejected);
        assertThat(rejected.body()).doesNotContain("attacker-chosen");

        assertThat(browser.post(STATE, "alice", "pw").status()).isEqualTo(302);
        assertThat(flow.completions()).hasSize(1);
    }

    @Test
    void secondTabKeepsTheFirstTabsTokenValid() {
        Browser browser = new Browser(handler, flow);
        browser.get(STATE);
        String tokenForA = browser.token().orElseThrow();
        String cookie = browser.cookie().orElseThrow();
        browser.get("state-B");

        assertThat(browser.cookie()).as("the cookie is reused, not replaced").contains(cookie);
        assertThat(browser.token(Optional.of(tokenForA)).post(STATE, "alice", "pw").status()).isEqualTo(302);
    }

    @Test
    void tokenIsTheHmacOfCookieAndStateUnderTheConfiguredKey() throws Exception {
        byte[] key = new byte[32];
        key[0] = 7;
        Browser browser = new Browser(DefaultLoginHandler.builder("Demo App").csrfKey(key).build(), flow);
        browser.get(STATE);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal((browser.cookie().orElseThrow() + "|" + STATE).getBytes(StandardCharsets.UTF_8)));
        assertThat(browser.token()).contains(expected);
    }

    @Test
    void nodesSharingTheKeyAcceptEachOthersTokensAndOthersDoNot() {
        byte[] key = new byte[32];
        Browser onNodeOne = new Browser(DefaultLoginHandler.builder("Demo App").csrfKey(key).build(), flow);
        onNodeOne.get(STATE);

        Browser onNodeTwo = new Browser(DefaultLoginHandler.builder("Demo App").csrfKey(key).build(), flow)
                .cookie(onNodeOne.cookie()).token(onNodeOne.token());
        assertThat(onNodeTwo.post(STATE, "alice", "pw").status()).isEqualTo(302);

        Browser onStranger = new Browser(handler, flow).cookie(onNodeOne.cookie()).token(onNodeOne.token());
        assertThat(onStranger.post(STATE, "alice", "pw").status()).isEqualTo(403);
    }

    @Test
    void cookieIsHttpOnlyStrictAndScopedToTheLoginPath() {
        LoginResponse page = new Browser(handler, flow).get(STATE);

        assertThat(header(page, "Set-Cookie"))
                .matches(DefaultLoginHandler.CSRF_COOKIE + "=[A-Za-z0-9_-]{43}; Path=/oauth/login; HttpOnly; SameSite=Strict");
    }

    @Test
    void cookieIsSecureWhenAProxyForwardedHttpsInAutoMode() {
        var forwarded = Map.of("Forwarded", List.of("for=1.2.3.4;proto=https;host=example.com"));
        var xForwarded = Map.of("X-Forwarded-Proto", List.of("https"));
        var plainHttp = Map.of("X-Forwarded-Proto", List.of("http"));

        assertThat(header(new Browser(handler, flow).headers(forwarded).get(STATE), "Set-Cookie")).endsWith("; Secure");
        assertThat(header(new Browser(handler, flow).headers(xForwarded).get(STATE), "Set-Cookie")).endsWith("; Secure");
        assertThat(header(new Browser(handler, flow).headers(plainHttp).get(STATE), "Set-Cookie")).doesNotContain("Secure");
    }

    @Test
    void secureCookieSettingOverridesTheHeaders() {
        var always = DefaultLoginHandler.builder("Demo App").secureCookie(SecureCookie.ALWAYS).build();
        var never = DefaultLoginHandler.builder("Demo App").secureCookie(SecureCookie.NEVER).build();
        var forwarded = Map.of("X-Forwarded-Proto", List.of("https"));

        assertThat(header(new Browser(always, flow).get(STATE), "Set-Cookie")).endsWith("; Secure");
        assertThat(header(new Browser(never, flow).headers(forwarded).get(STATE), "Set-Cookie")).doesNotContain("Secure");
    }

    @Test
    void cookiePathFollowsTheSetting() {
        var mounted = DefaultLoginHandler.builder("Demo App").cookiePath("/app/oauth/login").build();

        assertThat(header(new Browser(mounted, flow).get(STATE), "Set-Cookie")).contains("; Path=/app/oauth/login;");
    }
}
