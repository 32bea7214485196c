package dev.mcpoauth.helidon;

import dev.mcpoauth.core.AuthorizationServer;
import dev.mcpoauth.core.McpServerDefinition;
import dev.mcpoauth.core.ServerConfig;
import dev.mcpoauth.login.DefaultLoginHandler;
import dev.mcpoauth.store.sqlite.SqliteTokenStore;
import io.helidon.webserver.WebServer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The real Helidon routes ({@link McpOAuthFeature} on a WebServer, 127.0.0.1, port 0) over an engine
 * whose clock the test moves: expiry attacks (codes, access and refresh tokens, pending logins)
 * without sleeping. Everything else is as in {@link RunningServer}: SQLite store, default login page.
 */
final class ClockedServer implements AutoCloseable {

    /** A clock that moves only when told. */
    static final class MutableClock extends Clock {

        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        void advance(Duration duration) {
            now.updateAndGet(t -> t.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    final MutableClock clock = new MutableClock();
    final SqliteTokenStore store;
    final AuthorizationServer engine;
    final McpOAuthFeature feature;
    final WebServer web;
    final String base;

    ClockedServer(Path dir, UnaryOperator<ServerConfig.Builder> config) {
        store = SqliteTokenStore.open(dir.resolve("clocked.db"));
        AtomicReference<AuthorizationServer> created = new AtomicReference<>();
        ServerConfig asked = config.apply(ServerConfig.builder().host("127.0.0.1").port(0)).build();
        feature = McpOAuthFeature.builder()
                .authorizationServer(asked, () -> Optional.ofNullable(created.get()))
                .loginHandler(DefaultLoginHandler.create("Clocked App"))
                .mcp(new McpServerDefinition("Clocked App", "1.0", Optional.empty(), List.of(RunningServer.whoami()),
                        List.of(), List.of(), List.of(), List.of()))
                .settings(TransportSettings.defaults().withoutRateLimits())
                .build();
        web = WebServer.builder().host("127.0.0.1").port(0).connectionOptions(HelidonTuning::mcpConnectionOptions)
                .routing(r -> r.addFeature(feature)).build().start();
        engine = AuthorizationServer.builder("Clocked App").config(asked.toBuilder().port(web.port()).build())
                .store(store).clock(clock).purgeInterval(Duration.ZERO)
                .userChecker((u, p) -> OAuthClient.USER.equals(u) && OAuthClient.PASSWORD.equals(p)
                        ? Optional.of("user-" + u) : Optional.empty())
                .build();
        created.set(engine);
        base = "http://127.0.0.1:" + web.port();
    }

    OAuthClient client() {
        return new OAuthClient(base);
    }

    @Override
    public void close() {
        feature.close();
        web.stop();
        engine.close();
        store.close();
    }
}
