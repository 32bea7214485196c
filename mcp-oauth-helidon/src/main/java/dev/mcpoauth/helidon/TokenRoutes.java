package dev.mcpoauth.helidon;

import dev.mcpoauth.OAuthErrorCode;
import dev.mcpoauth.OAuthException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;

import java.util.Map;
import java.util.Optional;

/**
 * The JSON and form endpoints of the authorization server: registration (RFC 7591), token
 * (RFC 6749 §3.2), revocation (RFC 7009) and introspection (RFC 7662). Each reads a body of at most
 * the configured size (413 beyond) and answers with {@code Cache-Control: no-store}. All but
 * introspection are open to every origin, for browser-based clients. Registration and token
 * requests are rate-limited per client address before their body is read (429 with {@code Retry-After}).
 */
final class TokenRoutes {

    static final String REGISTER = "/register";
    static final String TOKEN = "/token";
    static final String REVOKE = "/revoke";
    static final String INTROSPECT = "/introspect";
    private static final String CORS_METHODS = "POST, OPTIONS";

    private TokenRoutes() {
    }

    static void register(HttpRules rules, EngineRef engine, Guarded guarded, long limit, ClientAddress addresses,
                         RateLimiter registrations, RateLimiter tokens) {
        Routes.at(rules, REGISTER)
                .post(guarded.json((req, res) -> {
                    Cors.anyOrigin(res);
                    registrations.check(addresses.of(req));
                    if (!Bodies.isType(req, Bodies.JSON)) {
                        // RFC 7591 §3.1: the request is a JSON document; its metadata cannot be read otherwise.
                        throw new OAuthException(OAuthErrorCode.INVALID_CLIENT_METADATA,
                                "the request body must be " + Bodies.JSON);
                    }
                    String body = Bodies.text(req, limit);
                    Responses.sensitiveJson(res, 201, engine.require().register(body));
                }))
                .options(Cors.preflightAnyOrigin(CORS_METHODS))
                .otherwise(CORS_METHODS);
        Routes.at(rules, TOKEN)
                .post(guarded.json((req, res) -> {
                    Cors.anyOrigin(res);
                    tokens.check(addresses.of(req));
                    Map<String, String> form = form(req, limit);
                    Responses.sensitiveJson(res, 200, engine.require().token(form, authorization(req)));
                }))
                .options(Cors.preflightAnyOrigin(CORS_METHODS))
                .otherwise(CORS_METHODS);
        Routes.at(rules, REVOKE)
                .post(guarded.json((req, res) -> {
                    Cors.anyOrigin(res);
                    Map<String, String> form = form(req, limit);
                    engine.require().revoke(form, authorization(req));
                    Responses.noStore(res);
                    res.status(Status.OK_200).send();
                }))
                .options(Cors.preflightAnyOrigin(CORS_METHODS))
                .otherwise(CORS_METHODS);
        Routes.at(rules, INTROSPECT)
                .post(guarded.json((req, res) -> {
                    Map<String, String> form = form(req, limit);
                    Responses.sensitiveJson(res, 200, engine.require().introspect(form, authorization(req)));
                }))
                .otherwise("POST");
    }

    private static Map<String, String> form(ServerRequest req, long limit) {
        return SingleValues.of(Bodies.form(req, limit));
    }

    private static Optional<String> authorization(ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION);
    }
}
