package dev.mcpoauth.helidon;

import dev.mcpoauth.core.AuthorizationServer;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * How the routes reach the engine: through a supplier, because a standalone transport that binds
 * port 0 creates the engine only after the port is known (the issuer contains it). Until then every
 * request gets {@code 503 temporarily_unavailable}.
 *
 * @param supplier gives the engine once it exists
 */
record EngineRef(Supplier<Optional<AuthorizationServer>> supplier) {

    /** The engine, or {@link HttpProblem#notReady()}. */
    AuthorizationServer require() {
        return supplier.get().orElseThrow(HttpProblem::notReady);
    }
}
