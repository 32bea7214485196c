package dev.mcpoauth.helidon;

import io.helidon.webserver.http.HttpRules;

/** The standalone server's answer for every path it does not serve: 404 with a JSON error. */
final class NotFound {

    private NotFound() {
    }

    /** Registers the catch-all; call after every other route. */
    public static void register(HttpRules rules) {
        rules.any((req, res) -> Responses.error(res, 404, "not_found", "no endpoint at this path"));
    }
}
