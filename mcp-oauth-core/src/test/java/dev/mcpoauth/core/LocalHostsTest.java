package dev.mcpoauth.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class LocalHostsTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "app.localhost", "127.0.0.1", "127.1.2.3", "[::1]", "10.1.2.3",
            "172.16.0.9", "192.168.1.10", "169.254.169.254", "100.64.0.1", "[fd00::1]", "[fe80::1]", "0.0.0.0",
            "nas", "printer.local", "mcp.internal", "box.lan", "router.home.arpa", "localhost."})
    void isLocalWhenLoopbackPrivateOrLocalNameThenTrue(String host) {
        assertThat(LocalHosts.isLocal(host)).as(host).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mcp.example.com", "example.com", "8.8.8.8", "[2001:4860:4860::8888]", "localhost.example.com",
            "claude.ai", "local.example.com"})
    void isLocalWhenPublicNameOrAddressThenFalse(String host) {
        assertThat(LocalHosts.isLocal(host)).as(host).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:3000", "http://192.168.1.5:3000", "https://mcp.corp.internal"})
    void localDeploymentFollowsThePublicUrl(String url) {
        assertThat(ServerConfig.builder().publicBaseUrl(URI.create(url)).build().localDeployment()).isTrue();
        assertThat(ServerConfig.builder().publicBaseUrl(URI.create("https://mcp.example.com")).build().localDeployment())
                .isFalse();
        assertThat(ServerConfig.builder().host("0.0.0.0").build().localDeployment())
                .as("a wildcard bind shows as localhost").isTrue();
    }
}
