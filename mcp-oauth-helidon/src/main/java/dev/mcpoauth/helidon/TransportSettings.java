package dev.mcpoauth.helidon;

import dev.mcpoauth.helidon.mcp.OriginPolicy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the Helidon transport treats HTTP: the MCP endpoint's mode, limits, allowed browser origins,
 * keep-alive and idle-session eviction, the body limit of the OAuth endpoints, rate limits per
 * client address on {@code /register}, {@code /token} and the login page, and which proxies are
 * trusted to name the client's address (which the rate limits and the login throttling count by).
 *
 * <p>Give it to {@link McpOAuthFeature.Builder#settings}, or to
 * {@code McpOAuthServer.builder(...).component(TransportSettings.class, settings)}; without one the
 * {@link HelidonTransportProvider} reads the provider settings it documents.
 *
 * <p>Immutable and thread safe. {@link Builder#build()} reports every invalid value at once.
 */
public final class TransportSettings {

    /** The default largest body of an MCP request: 4 MiB. */
    public static final long DEFAULT_MCP_MAX_BODY_BYTES = 4L * 1024 * 1024;
    /** The default largest body of a request to an OAuth endpoint: 64 KiB. */
    public static final long DEFAULT_OAUTH_MAX_BODY_BYTES = 64L * 1024;
    /** The default interval of SSE keep-alive comments. */
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(25);
    /** The default time after which an idle MCP session is closed. */
    public static final Duration DEFAULT_SESSION_IDLE_TIMEOUT = Duration.ofMinutes(30);
    /** The default limit of {@code /register}: a burst of 20 per address, then 2 a minute. */
    public static final RateLimit DEFAULT_REGISTER_RATE_LIMIT = new RateLimit(20, Duration.ofMinutes(10));
    /** The default limit of {@code /token}: a burst of 60 per address, then 1 a second. */
    public static final RateLimit DEFAULT_TOKEN_RATE_LIMIT = RateLimit.perMinute(60);
    /**
     * The word that stands for {@link #hostedClientOrigins()} in {@link Builder#addAllowedOrigin} and in
     * the setting {@code mcp.allowed.origins}.
     */
    public static final String HOSTED_CLIENTS = "hosted-clients";
    /** The default limit of the login page (GET and POST): a burst of 30 per address, then 1 every 2 seconds. */
    public static final RateLimit DEFAULT_LOGIN_RATE_LIMIT = RateLimit.perMinute(30);

    private static final Set<String> HOSTED_CLIENT_ORIGINS = Collections.unmodifiableSet(new LinkedHashSet<>(
            List.of("https://claude.ai", "https://claude.com", "https://chatgpt.com", "https://chat.openai.com",
                    "https://vscode.dev", "https://insiders.vscode.dev")));

    private final boolean stateless;
    private final long mcpMaxBodyBytes;
    private final long oauthMaxBodyBytes;
    private final Set<String> allowedOrigins;
    private final boolean originsExplicit;
    private final Duration keepAliveInterval;
    private final Duration sessionIdleTimeout;
    private final Set<String> trustedProxies;
    private final RateLimit registerRateLimit;
    private final RateLimit tokenRateLimit;
    private final RateLimit loginRateLimit;

    private TransportSettings(Builder b) {
        stateless = b.stateless;
        mcpMaxBodyBytes = b.mcpMaxBodyBytes;
        oauthMaxBodyBytes = b.oauthMaxBodyBytes;
        allowedOrigins = Set.copyOf(b.allowedOrigins);
        originsExplicit = b.originsExplicit;
        keepAliveInterval = b.keepAliveInterval;
        sessionIdleTimeout = b.sessionIdleTimeout;
        trustedProxies = Set.copyOf(b.trustedProxies);
        registerRateLimit = b.registerRateLimit;
        tokenRateLimit = b.tokenRateLimit;
        loginRateLimit = b.loginRateLimit;
    }

    /**
     * The defaults: Streamable HTTP with sessions, 4 MiB MCP bodies, 64 KiB OAuth bodies, no extra
     * origins, no trusted proxies, and the default rate limits.
     */
    public static TransportSettings defaults() {
        return builder().build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        Builder b = builder().stateless(stateless).mcpMaxBodyBytes(mcpMaxBodyBytes).oauthMaxBodyBytes(oauthMaxBodyBytes)
                .keepAliveInterval(keepAliveInterval)
                .sessionIdleTimeout(sessionIdleTimeout).trustedProxies(trustedProxies)
                .registerRateLimit(registerRateLimit).tokenRateLimit(tokenRateLimit).loginRateLimit(loginRateLimit);
        return originsExplicit ? b.allowedOrigins(allowedOrigins) : b;
    }

    /**
     * Whether the MCP endpoint runs the SDK's stateless mode: POST only, no sessions, no
     * server-to-client requests or notifications, any node can answer any request. Default false.
     */
    public boolean stateless() {
        return stateless;
    }

    /** The largest MCP request body in bytes; larger ones get 413. */
    public long mcpMaxBodyBytes() {
        return mcpMaxBodyBytes;
    }

    /** The largest body of a POST to {@code /register}, {@code /token}, {@code /revoke}, {@code /introspect} or the login page; larger ones get 413. */
    public long oauthMaxBodyBytes() {
        return oauthMaxBodyBytes;
    }

    /**
     * Browser origins allowed at the MCP endpoint besides the issuer's and the loopback ones on the
     * server's port, e.g. {@code http://localhost:6274} for the MCP Inspector; lower case, no trailing
     * slash. Only the origins given explicitly; see {@link #originsExplicit()} for the default.
     */
    public Set<String> allowedOrigins() {
        return allowedOrigins;
    }

    /**
     * Whether {@link #allowedOrigins()} was given ({@code mcp.allowed.origins}, or the builder), and so
     * replaces the default. The default (DNS-rebinding protection, MCP "Streamable HTTP", Security):
     * the issuer's origin and loopback origins on the server's port always; and, when the public URL's
     * host is not local or private ({@code ServerConfig.localDeployment()}), the origins of the hosted
     * MCP clients, {@link #hostedClientOrigins()}, whose backends send them (Claude sends
     * {@code Origin: https://claude.ai}). A local server refuses those: there a foreign origin is what a
     * rebinding attack looks like. Whatever the origins, a request without a valid token is answered
     * with the 401 challenge before the origin is looked at, so discovery always starts; the origin
     * check guards authenticated requests, and refuses with 403.
     */
    public boolean originsExplicit() {
        return originsExplicit;
    }

    /**
     * The origins hosted MCP clients send from their web apps or backends: Claude
     * ({@code https://claude.ai}, {@code https://claude.com}), ChatGPT ({@code https://chatgpt.com},
     * {@code https://chat.openai.com}) and VS Code for the Web ({@code https://vscode.dev},
     * {@code https://insiders.vscode.dev}). Desktop clients and the SDK clients send no {@code Origin}.
     */
    public static Set<String> hostedClientOrigins() {
        return HOSTED_CLIENT_ORIGINS;
    }

    /** The interval of SSE keep-alive comments on open MCP streams; zero sends none. */
    public Duration keepAliveInterval() {
        return keepAliveInterval;
    }

    /** How long an MCP session may stay without requests and open streams; zero keeps it forever. */
    public Duration sessionIdleTimeout() {
        return sessionIdleTimeout;
    }

    /**
     * The IP addresses of reverse proxies whose {@code X-Forwarded-For} and {@code Forwarded: for=}
     * headers name the client's address (the login page throttles by it). Empty by default: the
     * address is the TCP peer's and forwarding headers are ignored.
     */
    public Set<String> trustedProxies() {
        return trustedProxies;
    }

    /** The rate limit of {@code POST /register} per client address; default {@link #DEFAULT_REGISTER_RATE_LIMIT}. */
    public RateLimit registerRateLimit() {
        return registerRateLimit;
    }

    /** The rate limit of {@code POST /token} per client address; default {@link #DEFAULT_TOKEN_RATE_LIMIT}. */
    public RateLimit tokenRateLimit() {
        return tokenRateLimit;
    }

    /** The rate limit of the login page, GET and POST together, per client address; default {@link #DEFAULT_LOGIN_RATE_LIMIT}. */
    public RateLimit loginRateLimit() {
        return loginRateLimit;
    }

    /** These settings with every rate limit off: for tests, or behind a gateway that limits rates itself. */
    public TransportSettings withoutRateLimits() {
        return toBuilder().registerRateLimit(RateLimit.off()).tokenRateLimit(RateLimit.off())
                .loginRateLimit(RateLimit.off()).build();
    }

    @Override
    public String toString() {
        return "TransportSettings[stateless=" + stateless + ", mcpMaxBodyBytes=" + mcpMaxBodyBytes
                + ", oauthMaxBodyBytes=" + oauthMaxBodyBytes + ", allowedOrigins=" + (originsExplicit ? allowedOrigins : "default")
                + ", keepAliveInterval=" + keepAliveInterval + ", sessionIdleTimeout=" + sessionIdleTimeout
                + ", trustedProxies=" + trustedProxies + ", registerRateLimit=" + registerRateLimit
                + ", tokenRateLimit=" + tokenRateLimit + ", loginRateLimit=" + loginRateLimit + "]";
    }

    /** Collects {@link TransportSettings}; setters accept anything, {@link #build()} checks. Not thread safe. */
    public static final class Builder {

        private boolean stateless;
        private long mcpMaxBodyBytes = DEFAULT_MCP_MAX_BODY_BYTES;
        private long oauthMaxBodyBytes = DEFAULT_OAUTH_MAX_BODY_BYTES;
        private final Set<String> allowedOrigins = new LinkedHashSet<>();
        private boolean originsExplicit;
        private Duration keepAliveInterval = DEFAULT_KEEP_ALIVE;
        private Duration sessionIdleTimeout = DEFAULT_SESSION_IDLE_TIMEOUT;
        private final Set<String> trustedProxies = new LinkedHashSet<>();
        private RateLimit registerRateLimit = DEFAULT_REGISTER_RATE_LIMIT;
        private RateLimit tokenRateLimit = DEFAULT_TOKEN_RATE_LIMIT;
        private RateLimit loginRateLimit = DEFAULT_LOGIN_RATE_LIMIT;

        private Builder() {
        }

        /** The rate limit of {@code /register} per client address; {@link RateLimit#off()} for none. */
        public Builder registerRateLimit(RateLimit limit) {
            this.registerRateLimit = Objects.requireNonNull(limit, "registerRateLimit");
            return this;
        }

        /** The rate limit of {@code /token} per client address; {@link RateLimit#off()} for none. */
        public Builder tokenRateLimit(RateLimit limit) {
            this.tokenRateLimit = Objects.requireNonNull(limit, "tokenRateLimit");
            return this;
        }

        /** The rate limit of the login page per client address; {@link RateLimit#off()} for none. */
        public Builder loginRateLimit(RateLimit limit) {
            this.loginRateLimit = Objects.requireNonNull(limit, "loginRateLimit");
            return this;
        }

        /** Selects the SDK's stateless mode instead of Streamable HTTP sessions. */
        public Builder stateless(boolean stateless) {
            this.stateless = stateless;
            return this;
        }

        /** The largest MCP request body; positive. */
        public Builder mcpMaxBodyBytes(long bytes) {
            this.mcpMaxBodyBytes = bytes;
            return this;
        }

        /** The largest OAuth request body; positive. */
        public Builder oauthMaxBodyBytes(long bytes) {
            this.oauthMaxBodyBytes = bytes;
            return this;
        }

        /**
         * Replaces the allowed origins, each {@code scheme://host[:port]} or {@value #HOSTED_CLIENTS};
         * given, even empty, they replace the default (see {@link TransportSettings#originsExplicit()}).
         */
        public Builder allowedOrigins(Set<String> origins) {
            allowedOrigins.clear();
            originsExplicit = true;
            origins.forEach(this::addAllowedOrigin);
            return this;
        }

        /**
         * Adds an allowed origin, e.g. {@code http://localhost:6274}, or {@value #HOSTED_CLIENTS} for
         * {@link #hostedClientOrigins()}; the origins given replace the default.
         */
        public Builder addAllowedOrigin(String origin) {
            originsExplicit = true;
            String normalized = OriginPolicy.normalize(Objects.requireNonNull(origin, "origin"));
            if (normalized.equals(HOSTED_CLIENTS)) {
                allowedOrigins.addAll(HOSTED_CLIENT_ORIGINS);
            } else {
                allowedOrigins.add(normalized);
            }
            return this;
        }

        /** The SSE keep-alive interval; zero disables keep-alive comments. */
        public Builder keepAliveInterval(Duration interval) {
            this.keepAliveInterval = Objects.requireNonNull(interval, "keepAliveInterval");
            return this;
        }

        /** The idle-session timeout; zero disables eviction. */
        public Builder sessionIdleTimeout(Duration timeout) {
            this.sessionIdleTimeout = Objects.requireNonNull(timeout, "sessionIdleTimeout");
            return this;
        }

        /** Replaces the trusted proxy addresses (IP literals). */
        public Builder trustedProxies(Set<String> addresses) {
            trustedProxies.clear();
            addresses.forEach(this::addTrustedProxy);
            return this;
        }

        /** Adds a trusted proxy address, an IP literal such as {@code 10.0.0.5} or {@code ::1}. */
        public Builder addTrustedProxy(String address) {
            trustedProxies.add(Objects.requireNonNull(address, "address").trim());
            return this;
        }

        /**
         * Checks and builds.
         *
         * @return the settings
         * @throws IllegalArgumentException naming every invalid value
         */
        public TransportSettings build() {
            List<String> problems = new ArrayList<>();
            if (mcpMaxBodyBytes <= 0) {
                problems.add("mcpMaxBodyBytes must be positive, but is " + mcpMaxBodyBytes);
            }
            if (oauthMaxBodyBytes <= 0) {
                problems.add("oauthMaxBodyBytes must be positive, but is " + oauthMaxBodyBytes);
            }
            if (keepAliveInterval.isNegative()) {
                problems.add("keepAliveInterval must not be negative, but is " + keepAliveInterval);
            }
            if (sessionIdleTimeout.isNegative()) {
                problems.add("sessionIdleTimeout must not be negative, but is " + sessionIdleTimeout);
            }
            for (String origin : allowedOrigins) {
                if (!origin.matches("https?://[^/?#@\\s]+")) {
                    problems.add("allowed origins must be scheme://host[:port], but one is '" + origin + "'");
                }
            }
            for (String proxy : trustedProxies) {
                if (!proxy.matches("[0-9A-Fa-f:.]+") || !proxy.contains(".") && !proxy.contains(":")) {
                    problems.add("trusted proxies must be IP addresses, but one is '" + proxy + "'");
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid transport settings: " + String.join("; ", problems));
            }
            return new TransportSettings(this);
        }
    }
}
