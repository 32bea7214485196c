package dev.mcpoauth.core;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SSRF-safe fetch against a real local TLS server, and its refusals before any connection. */
class DocumentFetcherTest {

    private static final String DOC = "{\"client_id\":\"x\"}";

    @Test
    void fetchWhenServerAnswers200ThenBodyAndCacheControl() throws Exception {
        try (TlsDocumentServer server = TlsDocumentServer.start(p -> TlsDocumentServer.json(DOC, "Cache-Control: max-age=60\r\n"))) {
            DocumentFetcher.Fetched fetched = TlsDocumentServer.fetcher(Duration.ofSeconds(5)).fetch(URI.create(server.url("/c.json")));

            assertThat(fetched.body()).isEqualTo(DOC);
            assertThat(fetched.cacheControl()).isEqualTo("max-age=60");
        }
    }

    @Test
    void fetchWhenBodyIsChunkedOrUnframedThenReadsItWhole() throws Exception {
        byte[] chunked = ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"cli\r\n"
                + Integer.toHexString(DOC.length() - 5) + "\r\n" + DOC.substring(5) + "\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] unframed = ("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + DOC).getBytes(StandardCharsets.UTF_8);
        try (TlsDocumentServer server = TlsDocumentServer.start(p -> p.equals("/chunked") ? chunked : unframed)) {
            DocumentFetcher fetcher = TlsDocumentServer.fetcher(Duration.ofSeconds(5));

            assertThat(fetcher.fetch(URI.create(server.url("/chunked"))).body()).isEqualTo(DOC);
            assertThat(fetcher.fetch(URI.create(server.url("/plain"))).body()).isEqualTo(DOC);
        }
    }

    @Test
    void fetchWhenServerRedirectsThenRefusedWithoutFollowing() throws Exception {
        try (TlsDocumentServer server = TlsDocumentServer.start(p -> ("HTTP/1.1 302 Found\r\nLocation: "
                + "https://169.254.169.254/latest/meta-data\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8))) {
            assertThatThrownBy(() -> TlsDocumentServer.fetcher(Duration.ofSeconds(5)).fetch(URI.create(server.url("/c"))))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("redirects are not followed");
            assertThat(server.requests()).as("exactly one request: the redirect was not followed").isEqualTo(1);
        }
    }

    @Test
    void fetchWhenBodyIsLargerThan5KbThenRefusedHoweverItIsFramed() throws Exception {
        String big = "{\"pad\":\"" + "x".repeat(DocumentFetcher.DEFAULT_MAX_BYTES) + "\"}";
        byte[] declared = TlsDocumentServer.json(big, "");
        byte[] chunked = ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(big.length())
                + "\r\n" + big + "\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] unframed = ("HTTP/1.1 200 OK\r\n\r\n" + big).getBytes(StandardCharsets.UTF_8);
        try (TlsDocumentServer server = TlsDocumentServer.start(p -> switch (p) {
            case "/declared" -> declared;
            case "/chunked" -> chunked;
            default -> unframed;
        })) {
            DocumentFetcher fetcher = TlsDocumentServer.fetcher(Duration.ofSeconds(5));
            for (String path : new String[] {"/declared", "/chunked", "/unframed"}) {
                assertThatThrownBy(() -> fetcher.fetch(URI.create(server.url(path))))
                        .as(path).isInstanceOf(DocumentException.class).hasMessageContaining("larger than 5120 bytes");
            }
        }
    }

    @Test
    void fetchWhenServerNeverAnswersThenGivesUpAtTheTimeout() throws Exception {
        try (TlsDocumentServer server = TlsDocumentServer.start(p -> null)) {
            assertThatThrownBy(() -> TlsDocumentServer.fetcher(Duration.ofMillis(300)).fetch(URI.create(server.url("/slow"))))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("could not be fetched");
        }
    }

    @Test
    void fetchWhenStatusIsNot200ThenRefused() throws Exception {
        try (TlsDocumentServer server = TlsDocumentServer.start(p ->
                "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.UTF_8))) {
            assertThatThrownBy(() -> TlsDocumentServer.fetcher(Duration.ofSeconds(5)).fetch(URI.create(server.url("/c"))))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("HTTP 404");
        }
    }

    @Test
    void fetchWhenCertificateIsNotTrustedThenRefused() throws Exception {
        try (TlsDocumentServer server = TlsDocumentServer.start(p -> TlsDocumentServer.json(DOC, ""))) {
            DocumentFetcher untrusting = new DocumentFetcher(AddressPolicy.allowingLoopbackForTests(),
                    SSLContext.getDefault(), InetAddress::getAllByName, Duration.ofSeconds(5), 5120);

            assertThatThrownBy(() -> untrusting.fetch(URI.create(server.url("/c.json"))))
                    .isInstanceOf(DocumentException.class);
            assertThat(server.requests()).as("no request is sent before the server is verified").isZero();
        }
    }

    @Test
    void fetchWithTheProductionPolicyWhenTheHostIsLoopbackThenRefusedBeforeConnecting() throws Exception {
        try (TlsDocumentServer server = TlsDocumentServer.start(p -> TlsDocumentServer.json(DOC, ""))) {
            DocumentFetcher production = new DocumentFetcher(AddressPolicy.publicOnly(), TlsDocumentServer.trustingClient(),
                    InetAddress::getAllByName, Duration.ofSeconds(5), 5120);

            assertThatThrownBy(() -> production.fetch(URI.create(server.url("/c.json"))))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("does not connect to");
            assertThat(server.connections()).isZero();
        }
    }

    @Test
    void fetchWhenANameResolvesToAPublicAndAPrivateAddressThenRefused() {
        DocumentFetcher.Resolver rebinding = host -> new InetAddress[] {
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("169.254.169.254")};
        DocumentFetcher fetcher = new DocumentFetcher(AddressPolicy.publicOnly(), sslDefault(), rebinding,
                Duration.ofSeconds(5), 5120);

        assertThatThrownBy(() -> fetcher.fetch(URI.create("https://rebind.example/client.json")))
                .isInstanceOf(DocumentException.class).hasMessageContaining("does not connect to");
    }

    @Test
    void fetchWhenTheUrlIsNotHttpsOrHasUserInformationThenRefused() {
        DocumentFetcher fetcher = DocumentFetcher.standard();

        for (String url : new String[] {"http://example.com/c.json", "https://user:pw@example.com/c.json",
                "file:///etc/passwd", "ftp://example.com/c.json"}) {
            assertThatThrownBy(() -> fetcher.fetch(URI.create(url))).as(url).isInstanceOf(DocumentException.class)
                    .hasMessageContaining("https URL");
        }
    }

    private static SSLContext sslDefault() {
        try {
            return SSLContext.getDefault();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
