package dev.mcpoauth.helidon;

import dev.mcpoauth.core.LoginThrottling;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of randomly mutated requests against every endpoint of the real server: valid requests
 * (with live client ids, codes, tokens, login state and CSRF pairs) are mutated in method, path,
 * query, headers, content type and body, and every response must be below 500 and carry no stack
 * trace or exception name in its body or headers. Seeded: the seed is printed and part of every
 * failure message; rerun one with {@code -Dfuzz.seed=<seed>}. Bounded by {@value #REQUESTS} requests
 * and {@value #BUDGET_SECONDS} seconds; the log, captured meanwhile, holds no SEVERE record and no stack
 * trace. The same requests are also sent on a raw socket with a body shorter
 * than its {@code Content-Length} and with a chunk-size line that is not hexadecimal, with the log captured.
 */
class FuzzTest {

    static final int REQUESTS = 3000;
    static final int WORKERS = 8;
    static final long BUDGET_SECONDS = 120;
    private static final List<String> LEAKS = List.of("at dev.", "Exception", "\tat ", "at java.", "at io.helidon");
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final String[] NASTY = {"", " ", "%", "%00", "%zz", "\u0000", "\u202e", "\ud83d\ude00", "'", "\"",
            "\\", "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "{", "[", "null", "true", "-1",
            "99999999999999999999", "1e999", "NaN", "${jndi:ldap://x}", "{{7*7}}", "javascript:alert(1)",
            "http://169.254.169.254/", "https://127.0.0.1/c.json", "\r\n", "a".repeat(5000), "=", "&", "+", "Bearer",
            "Basic Og==", "S256", "plain", "none", "authorization_code", "refresh_token", "mcp", "*", "/"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "BREW"};
    private static final String[] TYPES = {"application/json", "application/x-www-form-urlencoded", "text/plain",
            "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1", "application/x-www-form-urlencoded;;;",
            "*/*", "", "garbage", "application/json\u00ff"};

    /** One request: method, path, raw query, headers and body bytes. */
    record Req(String method, String path, String query, Map<String, String> headers, byte[] body) {

        Req with(String newMethod, String newPath, String newQuery, Map<String, String> newHeaders, byte[] newBody) {
            return new Req(newMethod, newPath, newQuery, newHeaders, newBody);
        }

        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " " + headers + " body="
                    + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    @TempDir
    static Path dir;
    static RunningServer server;
    static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        // Limits off so that the mutations reach the engine instead of stopping at 429 (the limits have their own
        // tests); the test client trusted as a proxy, so that forged forwarding headers reach their parser.
        // No Client ID Metadata Documents: a mutated client_id can name any public address (a digit flip
        // of https://127.0.0.1/ gave https://12.0.0.1/), and tests never send traffic off this machine.
        // Fetching and its SSRF guards have their own tests on loopback (CimdAttackTest).
        server = RunningServer.start(dir, b -> b.supportedScopes("mcp", "admin").loginThrottling(LoginThrottling.off())
                        .clientMetadataDocuments(false),
                TransportSettings.defaults().withoutRateLimits().toBuilder().addTrustedProxy("127.0.0.1").build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void thousandsOfMutatedRequestsToEveryEndpointThenNeverAServerErrorOrAStackTrace() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("FuzzTest seed: " + seed + " (rerun with -Dfuzz.seed=" + seed + ")");
        List<Req> seeds = seedRequests();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BUDGET_SECONDS);

        CapturedLogs logs = CapturedLogs.start(java.util.logging.Level.INFO);
        try (logs; ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                Random random = new Random(seed + w);
                workers.add(pool.submit(() -> {
                    for (int i = 0; i < REQUESTS / WORKERS && System.nanoTime() < deadline && failures.size() < 10; i++) {
                        Req request = mutate(seeds.get(random.nextInt(seeds.size())), random);
                        check(request, failures);
                        sent.incrementAndGet();
                    }
                    return null;
                }));
            }
            try {
                for (Future<?> worker : workers) {
                    // A guard against a hang, not a timing assertion.
                    worker.get(BUDGET_SECONDS + 60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        }

        System.out.println("FuzzTest sent " + sent.get() + " requests");
        assertThat(failures).as("seed %d: responses with a server error or a stack trace", seed).isEmpty();
        assertThat(logs.errors()).as("seed %d: the log holds no SEVERE record and no stack trace", seed).isEmpty();
        assertThat(sent.get()).as("seed %d: enough requests ran within the budget", seed).isGreaterThanOrEqualTo(1000);
        Map<String, Object> tokens = server.client().publicTokens();
        Attacks.assertTokenAccepted(server.base, (String) tokens.get("access_token"));
    }

    @Test
    void seedAndMutatedRequestsWithATruncatedOrBadlyChunkedBodyThenNeverAServerErrorNorAStackTraceInTheLog() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("FuzzTest (broken bodies) seed: " + seed + " (rerun with -Dfuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        List<Req> posts = seedRequests().stream().filter(r -> r.body().length > 0).toList();
        List<Req> requests = new ArrayList<>(posts);
        for (int i = 0; i < 200; i++) {
            requests.add(mutate(posts.get(random.nextInt(posts.size())), random));
        }
        List<String> failures = new ArrayList<>();
        try (CapturedLogs logs = CapturedLogs.start(java.util.logging.Level.INFO)) {
            for (Req request : requests) {
                for (RawHttp.Shape shape : RawHttp.Shape.values()) {
                    RawHttp.Answer answer = sendRaw(shape, request);
                    String leak = LEAKS.stream().filter(l -> answer.body().contains(l)).findFirst().orElse("");
                    if (answer.status() >= 500 || !leak.isEmpty() || answer.body().contains("HTTP/1.1 ")) {
                        failures.add(answer.status() + " " + shape + (leak.isEmpty() ? "" : " leaking '" + leak + "'")
                                + " for " + request + "\n  -> " + answer.body());
                    }
                }
            }
            assertThat(logs.faults()).as("seed %d: a client's broken body is no server fault: no warning, no stack trace",
                    seed).isEmpty();
        }
        assertThat(failures).as("seed %d: broken bodies answered with a server error, a leak or a second response", seed)
                .isEmpty();
    }

    /** Sends {@code request} on a raw socket with its body truncated or badly chunked. */
    private static RawHttp.Answer sendRaw(RawHttp.Shape shape, Req request) {
        List<String> headers = new ArrayList<>();
        request.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.equalsIgnoreCase("Content-Type")) {
                headers.add(name);
                headers.add(value.replaceAll("[^\\x20-\\x7e\\t]", "?"));
            }
        });
        String type = request.headers().getOrDefault("Content-Type", "").replaceAll("[^\\x20-\\x7e\\t]", "?");
        // Not GET: at /mcp it opens a listening stream that never ends, and this client reads to the end.
        String method = request.method().matches("[A-Z]+") && !request.method().equals("GET") ? request.method() : "POST";
        return RawHttp.sendTo(shape, method, server.base, encode(request.path()) + (request.query().isEmpty() ? ""
                : "?" + encode(request.query())), type, new String(request.body(), StandardCharsets.ISO_8859_1),
                headers.toArray(String[]::new));
    }

    private static void check(Req request, List<String> failures) {
        Answer response;
        try {
            response = send(request);
        } catch (IllegalArgumentException e) {
            return; // the client library refused to send it (e.g. an illegal method token): nothing reached the server
        }
        StringBuilder everything = new StringBuilder(response.body());
        response.headers().map().forEach((name, values) -> everything.append('\n').append(name).append(": ").append(values));
        String leak = LEAKS.stream().filter(l -> everything.indexOf(l) >= 0).findFirst().orElse("");
        if (response.status() >= 500 || !leak.isEmpty()) {
            failures.add(response.status() + (leak.isEmpty() ? "" : " leaking '" + leak + "'") + " for " + request
                    + "\n  -> " + everything.substring(0, Math.min(everything.length(), 600)));
        }
    }

    /** A response with the part of its body that arrived within {@link #BODY_WAIT} (an SSE stream may never end). */
    record Answer(int status, java.net.http.HttpHeaders headers, String body) {
    }

    static final Duration BODY_WAIT = Duration.ofSeconds(3);

    private static Answer send(Req request) {
        URI uri = URI.create(server.base + encode(request.path()) + (request.query().isEmpty() ? "" : "?"
                + encode(request.query())));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body().length == 0 && !request.method().equals("POST")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                b.header(name, value.replaceAll("[\\r\\n\\u0000]", "").replaceAll("[^\\x20-\\x7e\\t]", "?"));
            }
        });
        try {
            HttpResponse<java.io.InputStream> response = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new Answer(response.statusCode(), response.headers(), readBounded(response.body()));
        } catch (java.io.IOException e) {
            throw new AssertionError("the server dropped the connection for " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Reads a body to its end, or what came within {@link #BODY_WAIT}, then closes it (ending an open stream). */
    private static String readBounded(java.io.InputStream in) throws InterruptedException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    synchronized (out) {
                        out.write(buffer, 0, n);
                    }
                }
            } catch (java.io.IOException e) {
                // closed below after the wait: what arrived is kept
            }
        });
        if (!reader.join(BODY_WAIT)) {
            try {
                in.close();
            } catch (java.io.IOException e) {
                // closing an abandoned stream: nothing more to do
            }
            reader.join(BODY_WAIT);
        }
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** Percent-encodes what a URI cannot hold (a stray {@code %} too), keeping valid escapes and everything else. */
    static String encode(String raw) {
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            boolean escape = c == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
            boolean plain = c > 0x20 && c < 0x7f && c != '%' && "\"<>\\^`{|}# ".indexOf(c) < 0;
            out.append(plain || escape ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return out.toString();
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }

    /** Valid requests with live secrets, one or more per endpoint. */
    private static List<Req> seedRequests() {
        OAuthClient oauth = server.client();
        Map<String, Object> confidential = oauth.register("client_secret_basic", null);
        String secretClient = (String) confidential.get("client_id");
        String secret = (String) confidential.get("client_secret");
        Map<String, Object> tokens = oauth.publicTokens();
        String publicClient = (String) tokens.get("client_id");
        Pkce pkce = Pkce.create();
        String code = oauth.code(publicClient, pkce, null);
        LoginAttackTest.Page page = LoginAttackTest.Page.load(oauth.loginPage(publicClient, Pkce.create(), "st", null));
        String loginPath = URI.create(page.url()).getRawPath();
        String access = (String) tokens.get("access_token");
        String refresh = (String) tokens.get("refresh_token");

        List<Req> seeds = new ArrayList<>();
        for (String path : List.of("/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp",
                "/.well-known/oauth-authorization-server", "/.well-known/openid-configuration", "/jwks",
                "/oauth/assets/login.css", "/nowhere")) {
            seeds.add(new Req("GET", path, "", Map.of(), new byte[0]));
        }
        seeds.add(new Req("POST", "/register", "", Map.of("Content-Type", "application/json"), bytes(
                "{\"redirect_uris\":[\"" + OAuthClient.REDIRECT + "\"],\"token_endpoint_auth_method\":\"none\","
                        + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"client_name\":\"fuzz\",\"scope\":\"mcp\"}")));
        seeds.add(new Req("GET", "/authorize", "response_type=code&client_id=" + publicClient + "&redirect_uri="
                + OAuthClient.enc(OAuthClient.REDIRECT) + "&code_challenge=" + pkce.challenge()
                + "&code_challenge_method=S256&state=s&scope=mcp&resource=" + OAuthClient.enc(server.mcp()), Map.of(), new byte[0]));
        seeds.add(new Req("GET", loginPath, "state=" + page.state(), Map.of("Cookie", page.cookie()), new byte[0]));
        seeds.add(new Req("POST", loginPath, "", Map.of("Content-Type", Http.FORM, "Cookie", page.cookie()), bytes(
                OAuthClient.form(Map.of("state", page.state(), "csrf_token", page.csrf(), "username", "alice",
                        "password", "not-the-password")))));
        seeds.add(new Req("POST", "/token", "", Map.of("Content-Type", Http.FORM), bytes(OAuthClient.form(Map.of(
                "grant_type", "authorization_code", "code", code, "redirect_uri", OAuthClient.REDIRECT,
                "code_verifier", pkce.verifier(), "client_id", publicClient)))));
        seeds.add(new Req("POST", "/token", "", Map.of("Content-Type", Http.FORM, "Authorization",
                OAuthClient.basic(secretClient, secret)), bytes("grant_type=refresh_token&refresh_token=" + refresh + "&scope=mcp")));
        seeds.add(new Req("POST", "/revoke", "", Map.of("Content-Type", Http.FORM), bytes(OAuthClient.form(Map.of(
                "token", refresh, "token_type_hint", "refresh_token", "client_id", publicClient)))));
        seeds.add(new Req("POST", "/introspect", "", Map.of("Content-Type", Http.FORM, "Authorization",
                OAuthClient.basic(secretClient, secret)), bytes("token=" + access)));
        Map<String, String> mcpHeaders = new LinkedHashMap<>(Map.of("Content-Type", "application/json",
                "Accept", McpGateTest.ACCEPT, "Authorization", "Bearer " + access, "MCP-Protocol-Version", "2025-06-18"));
        seeds.add(new Req("POST", "/mcp", "", mcpHeaders, bytes(McpGateTest.INITIALIZE)));
        seeds.add(new Req("POST", "/mcp", "", mcpHeaders, bytes("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"whoami\",\"arguments\":{}}}")));
        // A live session, for POSTs inside it (never a GET with it: that would open a listening stream).
        String session = Http.header(Attacks.mcp(server.base, "Bearer " + access), "Mcp-Session-Id");
        Map<String, String> inSession = new LinkedHashMap<>(mcpHeaders);
        inSession.put("Mcp-Session-Id", session);
        seeds.add(new Req("POST", "/mcp", "", inSession, bytes("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")));
        seeds.add(new Req("POST", "/mcp", "", inSession, bytes("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"whoami\",\"arguments\":{\"extra\":[1,{\"a\":null}]}}}")));
        seeds.add(new Req("POST", "/mcp", "", inSession, bytes("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/list\"}")));
        seeds.add(new Req("GET", "/mcp", "", Map.of("Accept", "text/event-stream", "Authorization", "Bearer " + access,
                "Mcp-Session-Id", "00000000-0000-0000-0000-000000000000"), new byte[0]));
        seeds.add(new Req("DELETE", "/mcp", "", Map.of("Authorization", "Bearer " + access, "Mcp-Session-Id", "x"),
                new byte[0]));
        seeds.add(new Req("OPTIONS", "/token", "", Map.of("Origin", "http://localhost:6274",
                "Access-Control-Request-Method", "POST"), new byte[0]));
        return seeds;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** One to three random mutations of a seed request. */
    static Req mutate(Req seed, Random random) {
        Req request = seed;
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            request = switch (random.nextInt(10)) {
                case 0 -> request.with(METHODS[random.nextInt(METHODS.length)], request.path(), request.query(),
                        request.headers(), request.body());
                case 1 -> request.with(request.method(), mutateText(request.path(), random), request.query(),
                        request.headers(), request.body());
                case 2 -> request.with(request.method(), request.path(), mutateParams(request.query(), random),
                        request.headers(), request.body());
                case 3, 4 -> request.with(request.method(), request.path(), request.query(), request.headers(),
                        bytes(request.headers().getOrDefault("Content-Type", "").contains("json")
                                ? mutateJson(new String(request.body(), StandardCharsets.UTF_8), random)
                                : mutateParams(new String(request.body(), StandardCharsets.UTF_8), random)));
                case 5 -> request.with(request.method(), request.path(), request.query(), request.headers(),
                        mutateBytes(request.body(), random));
                case 6 -> request.with(request.method(), request.path(), request.query(), mutateHeaders(request.headers(),
                        random), request.body());
                case 7 -> {
                    Map<String, String> headers = new LinkedHashMap<>(request.headers());
                    headers.put("Content-Type", TYPES[random.nextInt(TYPES.length)]);
                    yield request.with(request.method(), request.path(), request.query(), headers, request.body());
                }
                case 8 -> request.with(request.method(), request.path(), request.query(), request.headers(),
                        bytes(mutateText(new String(request.body(), StandardCharsets.UTF_8), random)));
                default -> request.with(request.method(), request.path(), mutateText(request.query(), random),
                        request.headers(), request.body());
            };
        }
        return request;
    }

    private static String nasty(Random random) {
        return NASTY[random.nextInt(NASTY.length)];
    }

    /** Inserts, deletes, replaces or duplicates characters, or splices in a nasty string. */
    static String mutateText(String text, Random random) {
        StringBuilder b = new StringBuilder(text);
        int at = b.isEmpty() ? 0 : random.nextInt(b.length() + 1);
        switch (random.nextInt(5)) {
            case 0 -> b.insert(at, nasty(random));
            case 1 -> {
                if (!b.isEmpty()) {
                    b.delete(Math.min(at, b.length() - 1), Math.min(b.length(), at + 1 + random.nextInt(8)));
                }
            }
            case 2 -> b.insert(at, (char) random.nextInt(0x3000));
            case 3 -> b.append(b.substring(0, at));
            default -> b.setLength(Math.min(at, b.length()));
        }
        return b.toString();
    }

    /** Mutates {@code name=value&...}: a value replaced, a pair removed, repeated or added. */
    static String mutateParams(String params, Random random) {
        List<String> pairs = new ArrayList<>(params.isEmpty() ? List.of() : List.of(params.split("&", -1)));
        int op = pairs.isEmpty() ? 3 : random.nextInt(4);
        int i = pairs.isEmpty() ? 0 : random.nextInt(pairs.size());
        switch (op) {
            case 0 -> {
                String name = pairs.get(i).split("=", 2)[0];
                pairs.set(i, name + "=" + (random.nextBoolean() ? OAuthClient.enc(nasty(random)) : nasty(random)));
            }
            case 1 -> pairs.remove(i);
            case 2 -> pairs.add(pairs.get(i));
            default -> pairs.add(OAuthClient.enc(nasty(random)) + "=" + OAuthClient.enc(nasty(random)));
        }
        return String.join("&", pairs);
    }

    /** Mutates a JSON document: a value of another type, deep nesting, or broken syntax. */
    static String mutateJson(String json, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> json.replaceFirst(":\"[^\"]*\"", java.util.regex.Matcher.quoteReplacement(":" + List.of("1", "[]",
                    "{}", "null", "true", "[[[[1]]]]", "\"" + nasty(random).replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                    .get(random.nextInt(7))));
            case 1 -> "[".repeat(1 + random.nextInt(5000)) + "]".repeat(random.nextInt(2));
            case 2 -> json.replaceFirst("\\[", java.util.regex.Matcher.quoteReplacement("[" + "\"x\",".repeat(random.nextInt(100))));
            default -> mutateText(json, random);
        };
    }

    /** Random bytes, or the body with some bytes flipped. */
    static byte[] mutateBytes(byte[] body, Random random) {
        if (body.length == 0 || random.nextBoolean()) {
            byte[] noise = new byte[random.nextInt(2000)];
            random.nextBytes(noise);
            return noise;
        }
        byte[] copy = body.clone();
        for (int i = 0; i < 1 + random.nextInt(5); i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    /** Adds, removes or corrupts a header, including forged forwarding and credentials. */
    static Map<String, String> mutateHeaders(Map<String, String> headers, Random random) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        String[] names = {"Authorization", "Cookie", "Origin", "Accept", "X-Forwarded-For", "Forwarded",
                "Mcp-Session-Id", "MCP-Protocol-Version", "Last-Event-ID", "X-Forwarded-Proto", "Content-Type"};
        String name = names[random.nextInt(names.length)];
        switch (random.nextInt(4)) {
            case 0 -> h.remove(name);
            case 1 -> h.put(name, nasty(random));
            case 2 -> h.put(name, List.of("Bearer " + nasty(random), "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(bytes(nasty(random) + ":" + nasty(random))), "mcp_oauth_csrf=" + nasty(random),
                    "for=\"[::1]\";proto=https", "127.0.0.1, 10.0.0.1", "null", ",", "for=;proto=,", "[", "for=\"[::1")
                    .get(random.nextInt(10)));
            default -> h.put(name, mutateText(h.getOrDefault(name, "x"), random));
        }
        return h;
    }
}
