package dev.mcpoauth.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationTypeTest {

    @Test
    void fromWireValueKnowsOnlyNativeAndWebExactly() {
        assertThat(ApplicationType.fromWireValue("web")).contains(ApplicationType.WEB);
        assertThat(ApplicationType.fromWireValue("native")).contains(ApplicationType.NATIVE);
        assertThat(ApplicationType.fromWireValue("Web")).isEmpty();
        assertThat(ApplicationType.fromWireValue("browser")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:1234/", "https://localhost/cb", "https://a.localhost/cb",
            "https://127.9.9.9/cb", "https://[::1]:8443/cb", "cursor://anysphere.cursor-mcp/oauth/callback",
            "http://app.example.com/cb"})
    void webRefusesWhatIsNotHttpsOnARemoteHost(String uri) {
        assertThat(ApplicationType.WEB.problem(uri)).as(uri).isPresent();
        assertThat(ApplicationType.NATIVE.problem(uri)).as("native adds no rule of its own").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://claude.ai/api/mcp/auth_callback", "https://127.example.com/cb",
            "https://localhost.example.com/cb"})
    void webAcceptsHttpsOnRemoteHosts(String uri) {
        assertThat(ApplicationType.WEB.problem(uri)).as(uri).isEmpty();
    }

    @Test
    void describingCallsAClientNativeWhenAnyUriIsLocalOrCustom() {
        assertThat(ApplicationType.describing(List.of("https://a.example/cb"))).isEqualTo(ApplicationType.WEB);
        assertThat(ApplicationType.describing(List.of("https://a.example/cb", "http://127.0.0.1/cb")))
                .isEqualTo(ApplicationType.NATIVE);
        assertThat(ApplicationType.describing(List.of("cursor://x/cb"))).isEqualTo(ApplicationType.NATIVE);
    }
}
