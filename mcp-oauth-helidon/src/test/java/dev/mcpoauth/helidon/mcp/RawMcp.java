package dev.mcpoauth.helidon.mcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A hand-driven MCP HTTP client (java.net.http) for the cases an SDK client never produces. */
final class RawMcp {

    static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";
    static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}";
    static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    static final String BOTH = "application/json, text/event-stream";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;

    RawMcp(String endpoint) {
        this.endpoint = URI.create(endpoint);
    }

    /** POSTs {@code body} with JSON content type, Accept both types, plus header name/value pairs. */
    HttpResponse<String> post(String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return send(b, BOTH, headers);
    }

    /** POSTs with an explicit Accept header. */
    HttpResponse<String> postAccepting(String accept, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return send(b, accept, headers);
    }

    HttpResponse<String> method(String method, String accept, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        return send(b, accept, headers);
    }

    /** POSTs like {@link #post} and returns the answer's lines as they arrive (an SSE answer is read live). */
    HttpResponse<Stream<String>> postStreaming(String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).header("Accept", BOTH)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens a GET listening stream and returns its lines as they arrive. */
    HttpResponse<Stream<String>> listen(String sessionId) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", sessionId).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Initializes a session and returns its id. */
    String initialize() {
        HttpResponse<String> response = post(INITIALIZE);
        assertThat(response.statusCode()).as("initialize: %s", response.body()).isEqualTo(200);
        String id = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertThat(post(INITIALIZED, "Mcp-Session-Id", id).statusCode()).isEqualTo(202);
        return id;
    }

    private HttpResponse<String> send(HttpRequest.Builder b, String accept, String... headers) {
        if (accept != null) {
            b.header("Accept", accept);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
