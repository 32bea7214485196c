package dev.mcpoauth.helidon;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.PathMatchers;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;

/**
 * Registers the routes of one path: its methods, HEAD wherever GET exists (Helidon drops the body of
 * a HEAD response), OPTIONS when the path takes part in CORS, and 405 with {@code Allow} for every
 * other method. Paths are matched exactly, never as patterns, so an MCP path with pattern
 * characters cannot widen a route.
 */
final class Routes {

    private final HttpRules rules;
    private final String path;

    private Routes(HttpRules rules, String path) {
        this.rules = rules;
        this.path = path;
    }

    static Routes at(HttpRules rules, String path) {
        return new Routes(rules, path);
    }

    /** GET and HEAD. */
    Routes get(Handler handler) {
        rules.route(Method.predicate(Method.GET, Method.HEAD), PathMatchers.exact(path), handler);
        return this;
    }

    /** POST. */
    Routes post(Handler handler) {
        rules.route(Method.POST, PathMatchers.exact(path), handler);
        return this;
    }

    /** OPTIONS. */
    Routes options(Handler handler) {
        rules.route(Method.OPTIONS, PathMatchers.exact(path), handler);
        return this;
    }

    /** Every other method: 405 with {@code Allow}; registered last. */
    void otherwise(String allow) {
        rules.route(method -> true, PathMatchers.exact(path), (req, res) -> {
            res.header(HeaderNames.ALLOW, allow);
            Responses.error(res, 405, "invalid_request", "method not allowed; allowed: " + allow);
        });
    }
}
