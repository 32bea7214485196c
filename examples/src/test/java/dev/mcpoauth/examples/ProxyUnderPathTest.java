package dev.mcpoauth.examples;

import dev.mcpoauth.core.Json;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example server behind a real nginx under a path: the public URL is
 * {@code http://127.0.0.1:<nginx>/tools/mcp}, nginx forwards {@code /tools/} to the server's {@code /}
 * and the origin's path-inserted well-known URLs as they are (the README's configuration, in
 * {@link Nginx}). The issuer and the resource keep the path, the metadata is at its RFC 8414 §3.1 and
 * RFC 9728 §3.1 locations and the root fallbacks, the 401 names the path-inserted metadata URL, the
 * login page's redirect, cookie and assets carry the prefix, and the official TypeScript SDK client
 * completes the whole flow (discovery, registration, login, tokens, tools, refresh, reuse) through it.
 */
class ProxyUnderPathTest {

    static final String REDIRECT = "http://127.0.0.1:53682/callback";

    @TempDir
    Path workDir;

    @Test
    void typeScriptClientThroughNginxUnderAPathCompletesTheWholeFlow() throws Exception {
        Path binary = Nginx.binary().orElse(null);
        Assumptions.assumeTrue(binary != null, "nginx is not installed (Debian: apt-get install -y nginx; "
                + "neither `nginx` on the PATH nor /usr/sbin/nginx): skipping the test of a deployment under a path");
        Files.writeString(workDir.resolve("users.txt"), "alice:cows\n");
        int proxyPort = freePort();
        String origin = "http://127.0.0.1:" + proxyPort;
        String base = origin + "/tools";
        try (LaunchedExample example = LaunchedExample.start("dev.mcpoauth.examples.FileCredentialsServer", workDir,
                "--public-url", base);
             Nginx nginx = Nginx.start(binary, workDir.resolve("nginx"), proxyPort, example.port)) {

            Map<String, Object> as = json(get(origin + "/.well-known/oauth-authorization-server/tools"));
            assertThat(as).as("RFC 8414 §3.1: path-inserted, the issuer keeps the path")
                    .containsEntry("issuer", base)
                    .containsEntry("authorization_endpoint", base + "/authorize")
                    .containsEntry("token_endpoint", base + "/token")
                    .containsEntry("registration_endpoint", base + "/register");
            Map<String, Object> prm = json(get(origin + "/.well-known/oauth-protected-resource/tools/mcp"));
            assertThat(prm).as("RFC 9728 §3.1: path-inserted, the resource keeps the path")
                    .containsEntry("resource", base + "/mcp")
                    .containsEntry("authorization_servers", List.of(base));
            assertThat(json(get(origin + "/.well-known/oauth-protected-resource"))).as("root fallback")
                    .containsEntry("resource", base + "/mcp");
            assertThat(json(get(origin + "/.well-known/oauth-authorization-server"))).as("root fallback")
                    .containsEntry("issuer", base);
            assertThat(json(get(base + "/.well-known/oauth-protected-resource/mcp"))).as("under the prefix too")
                    .containsEntry("resource", base + "/mcp");

            Answer unauthorized = post(base + "/mcp", "application/json",
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
            assertThat(unauthorized.status()).isEqualTo(401);
            assertThat(unauthorized.header("WWW-Authenticate")).as("the challenge names the path-inserted metadata URL")
                    .contains("resource_metadata=\"" + origin + "/.well-known/oauth-protected-resource/tools/mcp\"");

            assertLoginPageCarriesThePrefix(base);

            ExampleOnModulePathTest.NodeRun run = ExampleOnModulePathTest.NodeRun.interop(base + "/mcp", "alice", "cows");
            assertThat(run.exitCode()).as("TypeScript SDK client through nginx under /tools:\n" + run.output()
                    + "\nnginx:\n" + nginx.logs()).isZero();
            assertThat(run.output()).contains(" passed, 0 failed");
            assertThat(example.stop()).isIn(0, 143);
            assertThat(example.output()).doesNotContain("Exception");
        }
    }

    /** Registration, /authorize and the login page, through the proxy, as a browser sees them. */
    private static void assertLoginPageCarriesThePrefix(String base) throws IOException {
        Map<String, Object> client = json(post(base + "/register", "application/json",
                "{\"redirect_uris\":[\"" + REDIRECT + "\"],\"token_endpoint_auth_method\":\"none\"}"));
        String challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        Answer authorize = get(base + "/authorize?response_type=code&client_id="
                + URLEncoder.encode((String) client.get("client_id"), StandardCharsets.UTF_8) + "&redirect_uri="
                + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&code_challenge=" + challenge
                + "&code_challenge_method=S256&state=st&resource=" + URLEncoder.encode(base + "/mcp", StandardCharsets.UTF_8));
        assertThat(authorize.status()).as(authorize.body()).isEqualTo(302);
        String login = authorize.header("Location");
        assertThat(login).as("the redirect to the login page carries the prefix").startsWith(base + "/oauth/login?state=");

        Answer page = get(login);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Set-Cookie")).as("the CSRF cookie's path is the public login path")
                .contains("Path=/tools/oauth/login;");
        assertThat(page.body()).as("the form posts to the page's own URL").contains("action=\"login\"")
                .contains("href=\"/tools/oauth/assets/login.css\"");
        Answer css = get(URI.create(base).resolve("/tools/oauth/assets/login.css").toString());
        assertThat(css.status()).as("the assets are reachable through the proxy").isEqualTo(200);
        assertThat(css.header("Content-Type")).startsWith("text/css");
    }

    /** A status, the first value of each header, and the body. */
    record Answer(int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> name.equalsIgnoreCase(e.getKey()))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse("");
        }
    }

    private static Answer get(String url) throws IOException {
        return send("GET", url, null, null);
    }

    private static Answer post(String url, String type, String body) throws IOException {
        return send("POST", url, type, body);
    }

    /** HttpURLConnection (java.base): this module's tests do not read java.net.http. Never follows redirects. */
    private static Answer send(String method, String url, String type, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setInstanceFollowRedirects(false);
        c.setConnectTimeout(5000);
        c.setReadTimeout(30_000);
        c.setRequestMethod(method);
        c.setRequestProperty("Accept", "application/json, text/event-stream, text/html, */*");
        if (body != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", type);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = c.getResponseCode();
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(status, c.getHeaderFields(), text);
        } finally {
            c.disconnect();
        }
    }

    private static Map<String, Object> json(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 201);
        return Json.parseObject(answer.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
