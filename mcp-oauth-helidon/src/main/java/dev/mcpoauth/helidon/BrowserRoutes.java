package dev.mcpoauth.helidon;

import dev.mcpoauth.LoginHandler;
import dev.mcpoauth.LoginRequest;
import dev.mcpoauth.LoginResponse;
import dev.mcpoauth.core.AuthorizationServer;
import dev.mcpoauth.core.AuthorizeResult;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two endpoints a browser navigates to, without CORS: {@code /authorize} (RFC 6749 §4.1.1) and
 * the login page {@code /oauth/login}. Errors are HTML pages, and {@code /authorize} never redirects
 * to a client or redirect URI the engine did not trust (it throws, and the page is shown). The login
 * page is rate-limited per client address (429 page with {@code Retry-After}); the handler gets
 * that address and whether the request came over https.
 */
final class BrowserRoutes {

    static final String AUTHORIZE = "/authorize";
    static final String LOGIN = "/oauth/login";

    private BrowserRoutes() {
    }

    static void register(HttpRules rules, EngineRef engine, Guarded guarded, LoginHandler login,
                         ClientAddress addresses, RateLimiter logins, long limit) {
        Routes.at(rules, AUTHORIZE)
                .get(guarded.html((req, res) -> authorize(req, res, engine.require())))
                .otherwise("GET, HEAD");
        Guarded.Body page = (req, res) -> {
            String address = addresses.of(req);
            logins.check(address);
            login(req, res, engine.require(), login, address, addresses.secure(req), limit);
        };
        Routes.at(rules, LOGIN)
                .get(guarded.html(page))
                .post(guarded.html(page))
                .otherwise("GET, HEAD, POST");
    }

    private static void authorize(ServerRequest req, ServerResponse res, AuthorizationServer engine) {
        Map<String, String> params = SingleValues.of(FormCodec.parse(rawQuery(req)));
        URI location = switch (engine.authorize(params)) {
            case AuthorizeResult.LoginRequired login -> login.location();
            case AuthorizeResult.ErrorRedirect error -> error.location();
        };
        Responses.noStore(res);
        res.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
        res.header(HeaderNames.LOCATION, location.toString());
        res.status(Status.FOUND_302).send();
    }

    private static void login(ServerRequest req, ServerResponse res, AuthorizationServer engine, LoginHandler login,
                              String address, boolean secure, long limit) {
        boolean post = req.prologue().method() == Method.POST;
        Map<String, List<String>> form = post && Bodies.isType(req, Bodies.FORM)
                ? FormCodec.parse(Bodies.text(req, limit)) : Map.of();
        // HEAD is a GET without a body: the handler renders the page and Helidon drops the body.
        LoginRequest request = new LoginRequest(post ? "POST" : "GET", FormCodec.parse(rawQuery(req)), form,
                headers(req), address, secure);
        write(res, login.handle(request, engine.loginFlow()));
    }

    /** Writes the handler's response as it is. */
    private static void write(ServerResponse res, LoginResponse response) {
        response.headers().forEach((name, values) -> {
            if (!values.isEmpty()) {
                res.header(HeaderNames.create(name), values.toArray(String[]::new));
            }
        });
        res.status(Status.create(response.status()));
        res.send(response.body().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, List<String>> headers(ServerRequest req) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : req.headers()) {
            headers.merge(header.name(), header.allValues(), (a, b) -> {
                List<String> all = new java.util.ArrayList<>(a);
                all.addAll(b);
                return all;
            });
        }
        return headers;
    }

    private static String rawQuery(ServerRequest req) {
        return req.query().rawValue();
    }
}
