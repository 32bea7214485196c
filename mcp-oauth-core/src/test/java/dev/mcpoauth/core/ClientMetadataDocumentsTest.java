package dev.mcpoauth.core;

import dev.mcpoauth.ClientAuthMethod;
import dev.mcpoauth.OAuthErrorCode;
import dev.mcpoauth.OAuthException;
import dev.mcpoauth.RegisteredClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Validation and caching of Client ID Metadata Documents, served by a local TLS server. */
class ClientMetadataDocumentsTest {

    private final Map<String, byte[]> responses = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private TlsDocumentServer server;
    private ClientMetadataDocuments documents;

    @BeforeEach
    void start() throws Exception {
        server = TlsDocumentServer.start(path -> responses.getOrDefault(path,
                "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes()));
        documents = new ClientMetadataDocuments(TlsDocumentServer.fetcher(Duration.ofSeconds(5)),
                ServerConfig.builder().supportedScopes("mcp", "admin").build(),
                new GrantHandlers(List.of(new NamedGrant("authorization_code"), new NamedGrant("refresh_token"))),
                now::get);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private String serve(String path, String json, String headers) {
        String url = server.url(path);
        responses.put(path, TlsDocumentServer.json(json.replace("$ID", url), headers));
        return url;
    }

    private String refusal(String url) {
        OAuthException e = catchThrowableOfType(OAuthException.class, () -> documents.resolve(url));
        assertThat(e.code()).isEqualTo(OAuthErrorCode.INVALID_CLIENT);
        return e.description();
    }

    @Test
    void resolveWhenTheDocumentIsValidThenAPublicClientWithItsRedirectUrisAndSupportedScopes() {
        String url = serve("/app/client.json", "{\"client_id\":\"$ID\",\"client_name\":\"Example\",\"redirect_uris\":"
                + "[\"https://app.example.com/cb\",\"http://127.0.0.1:7777/cb\"],\"scope\":\"mcp other\","
                + "\"client_uri\":\"https://app.example.com\",\"software_id\":\"ignored\"}", "");

        RegisteredClient client = documents.resolve(url);

        assertThat(client.clientId()).isEqualTo(url);
        assertThat(client.authMethod()).isEqualTo(ClientAuthMethod.NONE);
        assertThat(client.secretHash()).isEmpty();
        assertThat(client.redirectUris()).containsExactly("https://app.example.com/cb", "http://127.0.0.1:7777/cb");
        assertThat(client.scopes()).as("scopes of other servers are ignored").containsExactly("mcp");
        assertThat(client.clientName()).contains("Example");
        assertThat(client.grantTypes()).containsExactly("authorization_code", "refresh_token");
    }

    @Test
    void resolveWhenTheDocumentNamesAnotherClientIdThenRefused() {
        String url = serve("/c.json", "{\"client_id\":\"https://attacker.example/c.json\",\"redirect_uris\":[\"https://a.example/cb\"]}", "");

        assertThat(refusal(url)).contains("client_id is not the URL it was fetched from");
    }

    @Test
    void resolveWhenRedirectUrisAreMissingDangerousOrNotAllowedThenRefused() {
        assertThat(refusal(serve("/none.json", "{\"client_id\":\"$ID\"}", ""))).contains("redirect_uris");
        assertThat(refusal(serve("/js.json", "{\"client_id\":\"$ID\",\"redirect_uris\":[\"javascript:alert(1)\"]}", "")))
                .contains("does not accept");
        assertThat(refusal(serve("/http.json", "{\"client_id\":\"$ID\",\"redirect_uris\":[\"http://evil.example/cb\"]}", "")))
                .contains("does not accept");
    }

    @Test
    void resolveWhenTheDocumentNamesAnApplicationTypeThenItsRedirectRulesApply() {
        assertThat(refusal(serve("/web-loopback.json", "{\"client_id\":\"$ID\",\"application_type\":\"web\","
                + "\"redirect_uris\":[\"http://127.0.0.1:7777/cb\"]}", ""))).contains("does not accept");
        assertThat(refusal(serve("/web-scheme.json", "{\"client_id\":\"$ID\",\"application_type\":\"web\","
                + "\"redirect_uris\":[\"cursor://anysphere.cursor-mcp/oauth/callback\"]}", ""))).contains("does not accept");
        assertThat(refusal(serve("/odd.json", "{\"client_id\":\"$ID\",\"application_type\":\"desktop\","
                + "\"redirect_uris\":[\"https://a.example/cb\"]}", ""))).contains("application_type");
        String web = serve("/web.json", "{\"client_id\":\"$ID\",\"application_type\":\"web\","
                + "\"redirect_uris\":[\"https://a.example/cb\"],\"scope\":\"mcp offline_access\"}", "");
        String nativeApp = serve("/native.json", "{\"client_id\":\"$ID\",\"application_type\":\"native\","
                + "\"redirect_uris\":[\"http://127.0.0.1:7777/cb\",\"cursor://anysphere.cursor-mcp/oauth/callback\"]}", "");

        assertThat(documents.resolve(web).scopes()).as("offline_access is kept").containsExactly("mcp", "offline_access");
        assertThat(documents.resolve(nativeApp).redirectUris()).hasSize(2);
    }

    @Test
    void resolveWhenTheDocumentAsksForASecretOrAnotherGrantThenRefused() {
        assertThat(refusal(serve("/secret.json", "{\"client_id\":\"$ID\",\"redirect_uris\":[\"https://a.example/cb\"],"
                + "\"token_endpoint_auth_method\":\"client_secret_basic\"}", ""))).contains("must be none");
        assertThat(refusal(serve("/grant.json", "{\"client_id\":\"$ID\",\"redirect_uris\":[\"https://a.example/cb\"],"
                + "\"grant_types\":[\"client_credentials\"]}", ""))).contains("grant_types");
        assertThat(refusal(serve("/notjson.json", "<html>not json</html>", ""))).contains("not a JSON object");
    }

    @Test
    void resolveCachesPerMaxAgeAndFetchesAgainAfterIt() {
        String url = serve("/cached.json", "{\"client_id\":\"$ID\",\"redirect_uris\":[\"https://a.example/cb\"]}",
                "Cache-Control: public, max-age=120\r\n");

        documents.resolve(url);
        documents.resolve(url);
        now.set(now.get().plusSeconds(119));
        documents.resolve(url);
        assertThat(server.requests()).isEqualTo(1);

        now.set(now.get().plusSeconds(1));
        documents.resolve(url);
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void resolveWhenNoStoreThenFetchesEveryTimeAndAFailureIsRememberedBriefly() {
        String url = serve("/nostore.json", "{\"client_id\":\"$ID\",\"redirect_uris\":[\"https://a.example/cb\"]}",
                "Cache-Control: no-store\r\n");
        documents.resolve(url);
        documents.resolve(url);
        assertThat(server.requests()).isEqualTo(2);

        String missing = server.url("/missing.json");
        refusal(missing);
        refusal(missing);
        assertThat(server.requests()).as("the failure was cached").isEqualTo(3);
        now.set(now.get().plusSeconds(ClientMetadataDocuments.FAILURE_SECONDS));
        refusal(missing);
        assertThat(server.requests()).isEqualTo(4);
    }

    @Test
    void cacheForReadsMaxAgeAndClampsIt() {
        assertThat(ClientMetadataDocuments.cacheFor("")).isEqualTo(Duration.ofMinutes(5));
        assertThat(ClientMetadataDocuments.cacheFor("max-age=30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(ClientMetadataDocuments.cacheFor("public, max-age=999999999")).isEqualTo(Duration.ofHours(24));
        assertThat(ClientMetadataDocuments.cacheFor("max-age=60, no-cache")).isZero();
        assertThat(ClientMetadataDocuments.cacheFor("max-age=garbage")).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void isDocumentUrlOnlyForHttpsUrlsWithAPath() {
        assertThat(ClientMetadataDocuments.isDocumentUrl("https://app.example.com/client.json")).isTrue();
        assertThat(ClientMetadataDocuments.isDocumentUrl("https://app.example.com/")).isFalse();
        assertThat(ClientMetadataDocuments.isDocumentUrl("https://app.example.com")).isFalse();
        assertThat(ClientMetadataDocuments.isDocumentUrl("http://app.example.com/client.json")).isFalse();
        assertThat(ClientMetadataDocuments.isDocumentUrl("https://u:p@app.example.com/c")).isFalse();
        assertThat(ClientMetadataDocuments.isDocumentUrl("https://app.example.com/c#f")).isFalse();
        assertThat(ClientMetadataDocuments.isDocumentUrl("xPWdNImrc7cYKkDUnx8Tng")).isFalse();
    }

    /** A grant type known by name only: documents are checked against the names, never redeemed here. */
    private record NamedGrant(String grantType) implements GrantHandler {
        @Override
        public Map<String, Object> grant(dev.mcpoauth.RegisteredClient client, Map<String, String> form) {
            throw new UnsupportedOperationException("not used by document checks");
        }
    }
}
