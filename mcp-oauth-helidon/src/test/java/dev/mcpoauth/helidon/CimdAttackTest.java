package dev.mcpoauth.helidon;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.mcpoauth.helidon.Attacks.assertErrorPage;
import static dev.mcpoauth.helidon.Attacks.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server-side request forgery through Client ID Metadata Documents, against the real server with its
 * production address policy: a {@code client_id} pointing inward is refused with {@code invalid_client}
 * before any connection, and a page, never a redirect. (The accepted path is proven in the core
 * module's tests against a local TLS server.)
 */
class CimdAttackTest {

    @TempDir
    static Path dir;
    static RunningServer server;
    static ServerSocket listener;
    static final AtomicInteger connections = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        server = RunningServer.start(dir, b -> b, TransportSettings.defaults().withoutRateLimits());
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!listener.isClosed()) {
                try (var socket = listener.accept()) {
                    connections.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    @AfterAll
    static void stop() throws IOException {
        listener.close();
        server.close();
    }

    private static HttpResponse<String> authorize(String clientId) {
        return Http.get(server.base + "/authorize?response_type=code&client_id=" + OAuthClient.enc(clientId)
                + "&redirect_uri=" + OAuthClient.enc(OAuthClient.REDIRECT) + "&code_challenge="
                + Pkce.create().challenge() + "&code_challenge_method=S256&state=c");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/client.json", "https://169.254.169.254/latest/meta-data/iam",
            "https://[fd00:ec2::254]/latest/meta-data", "https://10.0.0.1/client.json", "https://192.168.1.1/c.json",
            "https://[::1]/client.json", "https://0.0.0.0/client.json", "https://100.100.100.200/latest/meta-data",
            "https://[::ffff:127.0.0.1]/client.json", "https://localhost/client.json"})
    void clientIdPointingInwardThenInvalidClientPageAndNoRedirect(String clientId) {
        HttpResponse<String> response = authorize(clientId);

        assertErrorPage(response, 400, "invalid_client");
        assertThat(response.body()).contains("does not connect to");
    }

    @Test
    void clientIdOnTheServersOwnLoopbackPortIsNeverConnectedTo() {
        int before = connections.get();

        assertErrorPage(authorize("https://127.0.0.1:" + listener.getLocalPort() + "/client.json"), 400, "invalid_client");
        assertErrorPage(authorize("https://localhost:" + listener.getLocalPort() + "/client.json"), 400, "invalid_client");

        assertThat(connections.get()).as("the SSRF check runs before any connection").isEqualTo(before);
    }

    @Test
    void clientIdThatIsNotAnHttpsDocumentUrlIsJustAnUnknownClient() {
        for (String id : new String[] {"http://169.254.169.254/latest/meta-data", "https://example.com",
                "file:///etc/passwd", "gopher://127.0.0.1:6379/_FLUSHALL", "https://user:pw@example.com/c.json",
                "https://2130706433/client.json"}) {
            assertErrorPage(authorize(id), 400, "invalid_client");
        }
    }

    @Test
    void documentClientIdPointingInwardAtTheTokenEndpointThenInvalidClient() {
        assertOAuthError(server.client().token(Map.of("grant_type", "authorization_code", "code", "x",
                "code_verifier", "v".repeat(43), "client_id", "https://169.254.169.254/latest/meta-data")),
                401, "invalid_client");
    }

    @Test
    void metadataAdvertisesClientIdMetadataDocuments() {
        assertThat(Http.json(Http.get(server.base + "/.well-known/oauth-authorization-server")))
                .containsEntry("client_id_metadata_document_supported", true);
    }
}
