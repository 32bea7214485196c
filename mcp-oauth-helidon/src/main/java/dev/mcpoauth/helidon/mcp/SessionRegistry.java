package dev.mcpoauth.helidon.mcp;

import io.modelcontextprotocol.spec.McpStreamableServerSession;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live Streamable HTTP sessions of one endpoint, and their idle eviction.
 *
 * <p>A session is idle when it has no open stream (no GET listening stream, no POST still
 * answering) and no request arrived for the idle timeout. A client holding a listening stream is
 * present however quiet it is; a dead connection is noticed by the keep-alive write failing, which
 * releases the stream and lets the session become idle. Thread safe.
 */
final class SessionRegistry {

    private static final System.Logger LOG = System.getLogger(SessionRegistry.class.getName());
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final Map<String, Tracked> sessions = new ConcurrentHashMap<>();
    private final long idleNanos;
    private final ScheduledExecutorService sweeper;

    SessionRegistry(Duration idleTimeout) {
        this.idleNanos = idleTimeout.toNanos();
        if (idleTimeout.isZero()) {
            this.sweeper = null;
        } else {
            this.sweeper = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofVirtual().name("mcp-session-sweeper").factory());
            long period = Math.clamp(idleTimeout.toMillis() / 4, 10L, 30_000L);
            sweeper.scheduleWithFixedDelay(this::evictIdle, period, period, TimeUnit.MILLISECONDS);
        }
    }

    void add(McpStreamableServerSession session) {
        sessions.put(session.getId(), new Tracked(session));
    }

    /** The session with this id, marking it as used now. */
    Optional<McpStreamableServerSession> use(String id) {
        Tracked t = sessions.get(id);
        if (t == null) {
            return Optional.empty();
        }
        t.touch();
        return Optional.of(t.session);
    }

    /** The session with this id, without counting as activity. */
    Optional<McpStreamableServerSession> peek(String id) {
        return Optional.ofNullable(sessions.get(id)).map(t -> t.session);
    }

    Optional<McpStreamableServerSession> remove(String id) {
        return Optional.ofNullable(sessions.remove(id)).map(t -> t.session);
    }

    Collection<McpStreamableServerSession> all() {
        return sessions.values().stream().map(t -> t.session).toList();
    }

    int size() {
        return sessions.size();
    }

    /** Stops eviction and closes every session gracefully. */
    void closeAll() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        for (String id : List.copyOf(sessions.keySet())) {
            remove(id).ifPresent(SessionRegistry::close);
        }
    }

    private void evictIdle() {
        long now = System.nanoTime();
        sessions.forEach((id, t) -> {
            if (!t.session.hasOpenStream() && now - t.lastSeen > idleNanos && sessions.remove(id, t)) {
                if (System.nanoTime() - t.lastSeen <= idleNanos) {
                    // A request took the session between the check and the removal: keep it.
                    sessions.putIfAbsent(id, t);
                    return;
                }
                LOG.log(System.Logger.Level.DEBUG, "evicting idle MCP session {0}", id);
                close(t.session);
            }
        });
    }

    private static void close(McpStreamableServerSession session) {
        try {
            session.closeGracefully().block(CLOSE_WAIT);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing MCP session {0} failed: {1}", session.getId(), e.toString());
        }
    }

    private static final class Tracked {
        private final McpStreamableServerSession session;
        private volatile long lastSeen = System.nanoTime();

        Tracked(McpStreamableServerSession session) {
            this.session = session;
        }

        void touch() {
            lastSeen = System.nanoTime();
        }
    }
}
