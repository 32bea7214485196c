package dev.mcpoauth.core;

import dev.mcpoauth.LoginPrompt;
import dev.mcpoauth.OAuthErrorCode;
import dev.mcpoauth.OAuthException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A client known only by its Client ID Metadata Document goes through the whole flow: authorize,
 * login prompt, code, token, bearer. The document comes from a local TLS server, fetched with the
 * loopback-allowing test policy; production always uses the public-only policy.
 */
class ClientMetadataDocumentFlowTest {

    @Test
    void clientIdThatIsADocumentUrlThenAuthorizesLogsInAndRedeemsWithoutRegistering() throws Exception {
        try (Server server = Server.serving()) {
            String clientId = server.url;
            AuthorizationServer engine = server.engine;
            String verifier = Fixture.newVerifier();

            AuthorizeResult result = engine.authorize(Map.of("response_type", "code", "client_id", clientId,
                    "redirect_uri", "http://127.0.0.1:7777/cb", "code_challenge", Fixture.challenge(verifier),
                    "code_challenge_method", "S256", "state", "s1"));
            String id = ((AuthorizeResult.LoginRequired) result).loginRequestId();
            LoginPrompt prompt = engine.loginFlow().prompt(id).orElseThrow();
            URI redirect = engine.loginFlow().complete(id, Fixture.USER, Fixture.PASSWORD);
            Map<String, Object> tokens = engine.token(Map.of("grant_type", "authorization_code",
                    "code", Fixture.query(redirect).get("code"), "code_verifier", verifier,
                    "redirect_uri", "http://127.0.0.1:7777/cb", "client_id", clientId), Optional.empty());

            assertThat(prompt.clientName()).contains("Doc Client");
            assertThat(prompt.redirectHost()).isEqualTo("127.0.0.1");
            assertThat(prompt.localRedirect()).isTrue();
            assertThat(engine.authenticate(Optional.of("Bearer " + tokens.get("access_token"))))
                    .isInstanceOf(BearerResult.Authenticated.class);
            assertThat(server.store.findClient(clientId)).as("a document client is never saved").isEmpty();
            assertThat(engine.authorizationServerMetadata()).containsEntry("client_id_metadata_document_supported", true);
        }
    }

    @Test
    void redirectUriNotListedInTheDocumentThenRefusedWithoutRedirect() throws Exception {
        try (Server server = Server.serving()) {
            OAuthException e = catchThrowableOfType(OAuthException.class, () -> server.engine.authorize(Map.of(
                    "response_type", "code", "client_id", server.url, "redirect_uri", "https://attacker.example/cb",
                    "code_challenge", Fixture.challenge(Fixture.newVerifier()), "code_challenge_method", "S256")));

            assertThat(e.code()).isEqualTo(OAuthErrorCode.INVALID_REQUEST);
        }
    }

    @Test
    void documentsTurnedOffThenAUrlClientIdIsAnUnknownClientAndNotAdvertised() throws Exception {
        try (Server server = Server.serving(ServerConfig.builder().clientMetadataDocuments(false).build())) {
            OAuthException e = catchThrowableOfType(OAuthException.class, () -> server.engine.authorize(Map.of(
                    "response_type", "code", "client_id", server.url, "redirect_uri", "http://127.0.0.1:7777/cb",
                    "code_challenge", Fixture.challenge(Fixture.newVerifier()), "code_challenge_method", "S256")));

            assertThat(e.code()).isEqualTo(OAuthErrorCode.INVALID_CLIENT);
            assertThat(server.documents.requests()).as("nothing was fetched").isZero();
            assertThat(server.engine.authorizationServerMetadata()).doesNotContainKey("client_id_metadata_document_supported");
        }
    }

    /** An engine whose document fetcher reaches a one-document TLS server on 127.0.0.1. */
    private static final class Server implements AutoCloseable {

        final InMemoryTokenStore store = new InMemoryTokenStore();
        final TlsDocumentServer documents;
        final String url;
        final AuthorizationServer engine;
        int requests;

        private Server(ServerConfig config) throws Exception {
            String[] self = new String[1];
            documents = TlsDocumentServer.start(path -> TlsDocumentServer.json("{\"client_id\":\"" + self[0]
                    + "\",\"client_name\":\"Doc Client\",\"redirect_uris\":[\"http://127.0.0.1/cb\"]}", ""));
            url = documents.url("/oauth/client.json");
            self[0] = url;
            engine = AuthorizationServer.builder("doc-test").config(config).store(store)
                    .documentFetcher(TlsDocumentServer.fetcher(Duration.ofSeconds(5)))
                    .userChecker((u, p) -> Fixture.USER.equals(u) && Fixture.PASSWORD.equals(p)
                            ? Optional.of(Fixture.USER_ID) : Optional.empty())
                    .purgeInterval(Duration.ZERO).build();
        }

        static Server serving() throws Exception {
            return new Server(ServerConfig.defaults());
        }

        static Server serving(ServerConfig config) throws Exception {
            return new Server(config);
        }

        @Override
        public void close() throws IOException {
            requests = documents.requests();
            engine.close();
            documents.close();
            store.close();
        }
    }
}
