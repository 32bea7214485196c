package dev.mcpoauth.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpoauth.LoginFlow;
import dev.mcpoauth.LoginHandler;
import dev.mcpoauth.LoginRequest;
import dev.mcpoauth.LoginResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plays a browser against a handler: keeps the CSRF cookie, reads the form's token from the last page. */
final class Browser {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf_token\" value=\"([^\"]*)\"");
    private static final Pattern COOKIE = Pattern.compile(DefaultLoginHandler.CSRF_COOKIE + "=([^;]*)");

    private final LoginHandler handler;
    private final LoginFlow flow;
    private Optional<String> cookie = Optional.empty();
    private Optional<String> token = Optional.empty();
    private Map<String, List<String>> extraHeaders = Map.of();

    Browser(LoginHandler handler, LoginFlow flow) {
        this.handler = handler;
        this.flow = flow;
    }

    Browser headers(Map<String, List<String>> headers) {
        this.extraHeaders = headers;
        return this;
    }

    Optional<String> cookie() {
        return cookie;
    }

    Optional<String> token() {
        return token;
    }

    Browser cookie(Optional<String> value) {
        cookie = value;
        return this;
    }

    Browser token(Optional<String> value) {
        token = value;
        return this;
    }

    LoginResponse get(String state) {
        return send(new LoginRequest("GET", Map.of("state", List.of(state)), Map.of(), headers(), "127.0.0.1"));
    }

    LoginResponse post(String state, String username, String password) {
        Map<String, List<String>> form = new HashMap<>();
        form.put("state", List.of(state));
        form.put("username", List.of(username));
        form.put("password", List.of(password));
        token.ifPresent(t -> form.put("csrf_token", List.of(t)));
        return send(new LoginRequest("POST", Map.of(), form, headers(), "127.0.0.1"));
    }

    LoginResponse send(LoginRequest request) {
        LoginResponse response = handler.handle(request, flow);
        assertThat(response).as("a handler never answers null").isNotNull();
        for (String setCookie : response.headers().getOrDefault("Set-Cookie", List.of())) {
            Matcher m = COOKIE.matcher(setCookie);
            if (m.find()) {
                cookie = Optional.of(m.group(1));
            }
        }
        Matcher m = TOKEN.matcher(response.body());
        if (m.find()) {
            token = Optional.of(m.group(1));
        }
        return response;
    }

    private Map<String, List<String>> headers() {
        Map<String, List<String>> headers = new HashMap<>(extraHeaders);
        cookie.ifPresent(c -> headers.put("Cookie", List.of("other=1; " + DefaultLoginHandler.CSRF_COOKIE + "=" + c)));
        return headers;
    }

    static String header(LoginResponse response, String name) {
        List<String> values = response.headers().getOrDefault(name, List.of());
        assertThat(values).as("header %s", name).hasSize(1);
        return values.get(0);
    }
}
