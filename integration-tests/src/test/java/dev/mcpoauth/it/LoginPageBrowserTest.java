package dev.mcpoauth.it;

import dev.mcpoauth.core.Json;
import dev.mcpoauth.core.McpOAuthServer;
import dev.mcpoauth.core.McpTools;
import dev.mcpoauth.core.ServerConfig;
import dev.mcpoauth.core.ToolArg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The default login page in a real browser (headless Chromium): a registered client's authorization
 * URL leads to the login page; wrong credentials whose username is an XSS payload show the error and
 * keep the username as text without running anything; the right ones land on the client's redirect
 * URI with a code that the token endpoint accepts. Screenshots at desktop and phone sizes are saved
 * to {@code target/screenshots}.
 */
class LoginPageBrowserTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final List<String> XSS_USERNAMES = List.of("<img src=x onerror=alert(1)>",
            "\"><script>window.pwned=1</script>");

    @TempDir
    static Path work;
    private static McpOAuthServer server;
    private static RedirectCatcher redirect;
    private static Chromium chromium;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Prerequisites.chromium();
        Prerequisites.chromedriver();
        server = McpOAuthServer.builder("Browser Test App")
                .config(ServerConfig.builder().host("127.0.0.1").port(0).dbPath(work.resolve("auth.db")).build())
                .userChecker(new FixtureUser("alice", PASSWORD))
                .tool(McpTools.text("echo", "Echo back the input message",
                        List.of(ToolArg.string("message", "The message to echo")), call -> "Echo: " + call.string("message")))
                .build();
        server.start();
        redirect = new RedirectCatcher();
        chromium = new Chromium(work.resolve("chromium-profile"));
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (redirect != null) {
            redirect.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void wrongCredentialsShowAnErrorAsTextAndRightOnesLandOnTheRedirectUriWithACode() throws Exception {
        ChromeDriver driver = chromium.driver();
        chromium.viewport(1280, 800);
        Authorization authorization = authorization(register("Browser Test Client"));
        driver.get(authorization.url());

        assertThat(driver.getCurrentUrl()).as("/authorize sends the browser to the login page").contains("/oauth/login");
        assertThat(driver.getTitle()).isEqualTo("Sign in to Browser Test App");
        assertThat(driver.findElement(By.cssSelector(".client")).getText()).isEqualTo("Browser Test Client");
        assertThat(driver.findElement(By.cssSelector(".destination")).getText()).contains("127.0.0.1");
        assertThat(driver.findElement(By.id("login-error")).isDisplayed()).as("no error before the first attempt").isFalse();
        assertThat(chromium.consoleErrors()).as("the page loads without CSP refusals or failed requests").isEmpty();

        for (String username : XSS_USERNAMES) {
            submit(driver, username, "wrong password");
            assertThat(driver.getCurrentUrl()).as("a failed login stays on the login page").contains("/oauth/login");
            WebElement error = driver.findElement(By.id("login-error"));
            assertThat(error.isDisplayed()).as("the error is shown").isTrue();
            assertThat(error.getText()).isNotBlank();
            assertThat(driver.findElement(By.id("username")).getDomProperty("value"))
                    .as("the username is kept, as text").isEqualTo(username);
            assertThatThrownBy(() -> driver.switchTo().alert()).as("no alert was opened by the page")
                    .isInstanceOf(NoAlertPresentException.class);
            assertThat(driver.executeScript("return typeof window.pwned")).as("no injected script ran").isEqualTo("undefined");
            assertThat(driver.findElements(By.cssSelector("script, img[src='x'], img[onerror]")))
                    .as("nothing from the username became markup").isEmpty();
            assertThat(chromium.consoleErrors()).as("no console errors after a failed login").isEmpty();
        }

        submit(driver, "alice", PASSWORD);
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.urlMatches("^" + Pattern.quote(redirect.redirectUri()) + "\\?"));
        Map<String, String> landed = query(URI.create(driver.getCurrentUrl()));
        assertThat(landed).as("the redirect carries code, state and iss (RFC 9207)").containsKeys("code", "state", "iss");
        assertThat(landed.get("state")).isEqualTo(authorization.state());
        assertThat(landed.get("iss")).isEqualTo(server.authorizationServer().config().issuer());
        assertThat(redirect.arrivals()).as("the client's listener received the browser: CSP did not stop the redirect")
                .extracting(URI::getRawQuery).contains(URI.create(driver.getCurrentUrl()).getRawQuery());
        assertThat(driver.findElement(By.tagName("p")).getText()).contains("Signed in");

        Map<String, Object> tokens = exchange(authorization, landed.get("code"));
        assertThat(tokens).as("the code is real: the token endpoint exchanges it").containsKeys("access_token", "refresh_token");
    }

    @Test
    void loginPageFitsDesktopAndPhoneScreensWithAndWithoutAnError() throws Exception {
        ChromeDriver driver = chromium.driver();
        Path shots = Prerequisites.target().resolve("screenshots");
        driver.get(authorization(register("Claude Desktop (a client with a long name)")).url());
        shoot("login", shots);
        submit(driver, XSS_USERNAMES.getFirst(), "wrong password");
        shoot("login-error", shots);
    }

    private static void shoot(String name, Path shots) throws Exception {
        ChromeDriver driver = chromium.driver();
        for (Map.Entry<String, int[]> size : Map.of("desktop", new int[] {1280, 800}, "phone", new int[] {390, 844}).entrySet()) {
            int width = size.getValue()[0];
            chromium.viewport(width, size.getValue()[1]);
            assertThat(((Number) driver.executeScript("return window.innerWidth")).intValue()).isEqualTo(width);
            assertThat(((Number) driver.executeScript("return document.documentElement.scrollWidth")).intValue())
                    .as("%s at %s: no horizontal scrolling", name, size.getKey()).isLessThanOrEqualTo(width);
            WebElement button = driver.findElement(By.cssSelector("button[type=submit]"));
            assertThat(button.getRect().getX() + button.getRect().getWidth())
                    .as("%s at %s: the sign-in button is inside the viewport", name, size.getKey()).isLessThanOrEqualTo(width);
            assertThat(button.getCssValue("background-color")).as("the stylesheet applied (CSP allows it)")
                    .isNotIn("rgba(0, 0, 0, 0)", "rgb(239, 239, 239)", "rgba(239, 239, 239, 1)");
            chromium.screenshot(shots.resolve(name + "-" + size.getKey() + ".png"));
        }
    }

    private static void submit(ChromeDriver driver, String username, String password) {
        WebElement user = driver.findElement(By.id("username"));
        user.clear();
        user.sendKeys(username);
        WebElement pass = driver.findElement(By.id("password"));
        pass.clear();
        pass.sendKeys(password);
        WebElement button = driver.findElement(By.cssSelector("button[type=submit]"));
        button.click();
        // The click only starts the form POST: wait until the old page is gone and the next one has
        // loaded, or the next lookup may run against a document that is still being replaced.
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.until(d -> isStale(button));
        wait.until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
    }

    /**
     * Whether an element belongs to a document that has been replaced. While the old document is being
     * torn down, ChromeDriver may report this as an "unknown error" naming the node (seen once, in a
     * full build) instead of a stale element; both mean the same here.
     */
    private static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** A pending authorization: its URL, state and PKCE verifier. */
    private record Authorization(String clientId, String url, String state, String verifier) {
    }

    private static Authorization authorization(String clientId) throws Exception {
        String verifier = random(48);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String state = random(16);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", clientId);
        params.put("redirect_uri", redirect.redirectUri());
        params.put("code_challenge", challenge);
        params.put("code_challenge_method", "S256");
        params.put("state", state);
        params.put("resource", server.mcpUrl().toString());
        String endpoint = (String) metadata().get("authorization_endpoint");
        return new Authorization(clientId, endpoint + "?" + form(params), state, verifier);
    }

    private static String register(String clientName) throws Exception {
        String body = Json.write(Map.of("client_name", clientName, "redirect_uris", List.of(redirect.redirectUri()),
                "token_endpoint_auth_method", "none", "grant_types", List.of("authorization_code", "refresh_token"),
                "response_types", List.of("code")));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create((String) metadata().get("registration_endpoint")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("registration: %s", response.body()).isEqualTo(201);
        return (String) Json.parseObject(response.body()).get("client_id");
    }

    private static Map<String, Object> exchange(Authorization authorization, String code) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "authorization_code");
        params.put("code", code);
        params.put("code_verifier", authorization.verifier());
        params.put("redirect_uri", redirect.redirectUri());
        params.put("client_id", authorization.clientId());
        params.put("resource", server.mcpUrl().toString());
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create((String) metadata().get("token_endpoint")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("token exchange: %s", response.body()).isEqualTo(200);
        return Json.parseObject(response.body());
    }

    private static Map<String, Object> metadata() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                server.baseUri().resolve("/.well-known/oauth-authorization-server")).build(), HttpResponse.BodyHandlers.ofString());
        return Json.parseObject(response.body());
    }

    private static String form(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
