package dev.mcpoauth.helidon.mcp;

import io.helidon.webserver.http.ServerRequest;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpTransportContextExtractor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the MCP endpoint behaves on HTTP: its path, limits, Origin policy, keep-alive, idle-session
 * eviction, stateful or stateless mode, and how the MCP transport context is taken from a request.
 *
 * <p>Immutable and thread safe. Create with {@link #builder()}; {@link Builder#build()} reports every
 * invalid setting at once.
 */
public final class McpEndpointConfig {

    /** The default path of the MCP endpoint. */
    public static final String DEFAULT_PATH = "/mcp";
    /** The default largest accepted POST body: 4 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;
    /** The default interval of SSE keep-alive comments on open streams. */
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(25);
    /** The default time after which a session without requests and without open streams is evicted. */
    public static final Duration DEFAULT_SESSION_IDLE_TIMEOUT = Duration.ofMinutes(30);

    private final String path;
    private final long maxBodyBytes;
    private final Set<String> allowedOrigins;
    private final boolean allowLoopbackOrigins;
    private final Duration keepAliveInterval;
    private final Duration sessionIdleTimeout;
    private final boolean stateless;
    private final McpTransportContextExtractor<ServerRequest> contextExtractor;
    private final McpJsonMapper jsonMapper;

    private McpEndpointConfig(Builder b, McpJsonMapper jsonMapper) {
        this.path = b.path;
        this.maxBodyBytes = b.maxBodyBytes;
        this.allowedOrigins = Set.copyOf(b.allowedOrigins);
        this.allowLoopbackOrigins = b.allowLoopbackOrigins;
        this.keepAliveInterval = b.keepAliveInterval;
        this.sessionIdleTimeout = b.sessionIdleTimeout;
        this.stateless = b.stateless;
        this.contextExtractor = b.contextExtractor;
        this.jsonMapper = jsonMapper;
    }

    /** A builder with the defaults: {@code /mcp}, 4 MiB, loopback origins on the server's port, stateful. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder().path(path).maxBodyBytes(maxBodyBytes).allowedOrigins(allowedOrigins)
                .allowLoopbackOrigins(allowLoopbackOrigins).keepAliveInterval(keepAliveInterval)
                .sessionIdleTimeout(sessionIdleTimeout).stateless(stateless).contextExtractor(contextExtractor);
        b.jsonMapper = jsonMapper;
        return b;
    }

    /** The path of the endpoint, e.g. {@code /mcp}. */
    public String path() {
        return path;
    }

    /** The largest accepted request body in bytes; larger bodies get HTTP 413. */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Origins (scheme://host[:port], lower case) accepted besides the loopback ones. */
    public Set<String> allowedOrigins() {
        return allowedOrigins;
    }

    /** Whether {@code http(s)://localhost|127.0.0.1|[::1]} on the port the request arrived on is accepted. */
    public boolean allowLoopbackOrigins() {
        return allowLoopbackOrigins;
    }

    /** The interval of SSE keep-alive comments; {@link Duration#ZERO} sends none. */
    public Duration keepAliveInterval() {
        return keepAliveInterval;
    }

    /** How long a session may stay without requests and open streams; {@link Duration#ZERO} keeps it forever. */
    public Duration sessionIdleTimeout() {
        return sessionIdleTimeout;
    }

    /** Whether the endpoint runs the SDK's stateless mode (POST only, no sessions). */
    public boolean stateless() {
        return stateless;
    }

    /** Builds the MCP transport context of each request; tools read it via the exchange. */
    public McpTransportContextExtractor<ServerRequest> contextExtractor() {
        return contextExtractor;
    }

    /** The JSON mapper for JSON-RPC messages. */
    public McpJsonMapper jsonMapper() {
        return jsonMapper;
    }

    /** Collects the settings of a {@link McpEndpointConfig}; not thread safe. */
    public static final class Builder {
        private String path = DEFAULT_PATH;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private final Set<String> allowedOrigins = new LinkedHashSet<>();
        private boolean allowLoopbackOrigins = true;
        private Duration keepAliveInterval = DEFAULT_KEEP_ALIVE;
        private Duration sessionIdleTimeout = DEFAULT_SESSION_IDLE_TIMEOUT;
        private boolean stateless;
        private McpTransportContextExtractor<ServerRequest> contextExtractor = new PrincipalContextExtractor();
        private McpJsonMapper jsonMapper;

        private Builder() {
        }

        /** The endpoint path; must start with {@code /}. */
        public Builder path(String path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        /** The largest accepted body in bytes; must be positive. */
        public Builder maxBodyBytes(long maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** Replaces the extra allowed origins, e.g. {@code https://mcp.example.com}. */
        public Builder allowedOrigins(Set<String> origins) {
            allowedOrigins.clear();
            origins.forEach(this::addAllowedOrigin);
            return this;
        }

        /** Adds an allowed origin, e.g. the public base URL behind a proxy. */
        public Builder addAllowedOrigin(String origin) {
            allowedOrigins.add(OriginPolicy.normalize(Objects.requireNonNull(origin, "origin")));
            return this;
        }

        /** Whether loopback origins on the server's own port are accepted (default true). */
        public Builder allowLoopbackOrigins(boolean allow) {
            this.allowLoopbackOrigins = allow;
            return this;
        }

        /** The SSE keep-alive interval; {@link Duration#ZERO} disables keep-alive comments. */
        public Builder keepAliveInterval(Duration interval) {
            this.keepAliveInterval = Objects.requireNonNull(interval, "keepAliveInterval");
            return this;
        }

        /** The idle-session timeout; {@link Duration#ZERO} disables eviction. */
        public Builder sessionIdleTimeout(Duration timeout) {
            this.sessionIdleTimeout = Objects.requireNonNull(timeout, "sessionIdleTimeout");
            return this;
        }

        /** Selects the SDK's stateless mode instead of Streamable HTTP sessions. */
        public Builder stateless(boolean stateless) {
            this.stateless = stateless;
            return this;
        }

        /** How the MCP transport context is built; default: copies the authenticated principal. */
        public Builder contextExtractor(McpTransportContextExtractor<ServerRequest> extractor) {
            this.contextExtractor = Objects.requireNonNull(extractor, "contextExtractor");
            return this;
        }

        /** The JSON mapper; default: the SDK's discovered mapper. */
        public Builder jsonMapper(McpJsonMapper mapper) {
            this.jsonMapper = Objects.requireNonNull(mapper, "jsonMapper");
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException listing every invalid setting
         */
        public McpEndpointConfig build() {
            List<String> problems = new ArrayList<>();
            if (!path.startsWith("/") || path.endsWith("/") && path.length() > 1 || path.contains("{")) {
                problems.add("path must start with '/', not end with '/' and hold no pattern: " + path);
            }
            if (maxBodyBytes <= 0) {
                problems.add("maxBodyBytes must be positive: " + maxBodyBytes);
            }
            if (keepAliveInterval.isNegative()) {
                problems.add("keepAliveInterval must not be negative: " + keepAliveInterval);
            }
            if (sessionIdleTimeout.isNegative()) {
                problems.add("sessionIdleTimeout must not be negative: " + sessionIdleTimeout);
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid MCP endpoint configuration: " + String.join("; ", problems));
            }
            return new McpEndpointConfig(this, Optional.ofNullable(jsonMapper).orElseGet(McpJsonDefaults::getMapper));
        }
    }

    @Override
    public String toString() {
        return "McpEndpointConfig[path=" + path + ", maxBodyBytes=" + maxBodyBytes + ", allowedOrigins="
                + allowedOrigins + ", allowLoopbackOrigins=" + allowLoopbackOrigins + ", keepAlive="
                + keepAliveInterval + ", sessionIdleTimeout=" + sessionIdleTimeout + ", stateless=" + stateless
                + "]";
    }
}
