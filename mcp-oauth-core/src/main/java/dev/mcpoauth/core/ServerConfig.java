package dev.mcpoauth.core;

import dev.mcpoauth.core.internal.LocalHosts;
import dev.mcpoauth.spi.ProviderSettings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of a server: where it listens, which URL it is known by, its scopes and the
 * lifetimes of everything it issues. The original library's {@code ServerConfig}, extended.
 *
 * <h2>Scopes</h2>
 * {@link #supportedScopes()} (default {@code [mcp]}) are all the scopes a client may ask for; an
 * empty set means the server issues tokens without scopes. {@link #requiredScopes()} (default
 * empty, must be a subset of the supported ones) are the scopes every access token needs at the MCP
 * endpoint. A client that registers without {@code scope} may ask for every supported scope; a
 * client that asks no scope at {@code /authorize} gets the required scopes, or, when none are
 * required, every scope it registered for. The challenges of the MCP endpoint name the required
 * scopes, or every supported scope when none is required.
 *
 * <p>{@code offline_access} (OpenID Connect Core §11) is always accepted besides these: a client may
 * register it and ask for it, and is granted it when it registered the {@code refresh_token} grant; it
 * changes nothing else (refresh tokens go to every client of that grant, with it or without it). The
 * authorization server metadata lists it; the protected resource metadata and the challenges never
 * do (MCP 2026-07-28, "Refresh Tokens"), and it cannot be required.
 *
 * <h2>URLs</h2>
 * The {@link #issuer()} is {@link #publicBaseUrl()} when set, else {@code http://{host}:{port}}
 * (a wildcard bind address such as {@code 0.0.0.0} is shown as {@code localhost}). Behind a proxy or
 * with port 0, set the public base URL, so that the issuer is the URL clients really use.
 *
 * <h2>Hardening</h2>
 * Every defence is on by default: {@link #loginThrottling()} slows password guessing per username
 * and per address; {@link #maxClients()} caps dynamic registrations, evicting never-used ones
 * first, and {@link #unusedClientLifetime()} deletes registrations that never completed a flow;
 * {@link #allowedRedirectHosts()} optionally limits where codes may be sent;
 * {@link #clientMetadataDocuments()} accepts Client ID Metadata Documents, fetched with SSRF
 * protection. Rate limits per client address are the transport's (see its settings).
 *
 * <p>Immutable and thread safe. Create with {@link #builder()}; {@link Builder#build()} reports
 * every problem at once.
 */
public final class ServerConfig {

    private final String host;
    private final int port;
    private final Path dbPath;
    private final Set<String> supportedScopes;
    private final Set<String> requiredScopes;
    private final boolean debug;
    private final Optional<URI> publicBaseUrl;
    private final String mcpPath;
    private final Duration accessTokenLifetime;
    private final Duration authorizationCodeLifetime;
    private final Duration pendingLoginLifetime;
    private final Duration refreshTokenLifetime;
    private final Duration grantLifetime;
    private final Duration signingKeyRotation;
    private final LoginThrottling loginThrottling;
    private final int maxClients;
    private final Duration unusedClientLifetime;
    private final Duration revocationCheckInterval;
    private final Set<String> allowedRedirectHosts;
    private final boolean clientMetadataDocuments;
    private final Map<String, String> settings;
    private final boolean dbPathExplicit;
    private final String issuer;

    private ServerConfig(Builder b) {
        host = b.host;
        port = b.port;
        dbPath = b.dbPath;
        supportedScopes = ServerConfigCheck.orderedCopy(b.supportedScopes);
        requiredScopes = ServerConfigCheck.orderedCopy(b.requiredScopes);
        debug = b.debug;
        publicBaseUrl = b.publicBaseUrl;
        mcpPath = b.mcpPath;
        accessTokenLifetime = b.accessTokenLifetime;
        authorizationCodeLifetime = b.authorizationCodeLifetime;
        pendingLoginLifetime = b.pendingLoginLifetime;
        refreshTokenLifetime = b.refreshTokenLifetime;
        grantLifetime = b.grantLifetime;
        signingKeyRotation = b.signingKeyRotation;
        loginThrottling = b.loginThrottling;
        maxClients = b.maxClients;
        unusedClientLifetime = b.unusedClientLifetime;
        revocationCheckInterval = b.revocationCheckInterval;
        allowedRedirectHosts = ServerConfigCheck.orderedCopy(RedirectHostPresets.expand(b.allowedRedirectHosts));
        clientMetadataDocuments = b.clientMetadataDocuments;
        settings = Map.copyOf(b.settings);
        dbPathExplicit = b.dbPathExplicit;
        issuer = ServerConfigCheck.issuer(host, port, publicBaseUrl);
    }

    /** A builder with every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The configuration with every default: {@code http://localhost:3000}, scope {@code mcp}. */
    public static ServerConfig defaults() {
        return builder().build();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The host name or address to listen on; default {@code localhost}. */
    public String host() {
        return host;
    }

    /** The port to listen on, 0 for any free port; default 3000. */
    public int port() {
        return port;
    }

    /** The database file of the SQLite store; default {@code auth.db}. */
    public Path dbPath() {
        return dbPath;
    }

    /** The scopes clients may ask for, in configured order; default {@code [mcp]}. */
    public Set<String> supportedScopes() {
        return supportedScopes;
    }

    /** The scopes every access token needs at the MCP endpoint; default empty. */
    public Set<String> requiredScopes() {
        return requiredScopes;
    }

    /** Whether to log and show more detail while developing; default false. */
    public boolean debug() {
        return debug;
    }

    /** The URL clients use to reach this server, when it differs from {@code http://{host}:{port}}. */
    public Optional<URI> publicBaseUrl() {
        return publicBaseUrl;
    }

    /** The path of the protected MCP endpoint; default {@code /mcp}. */
    public String mcpPath() {
        return mcpPath;
    }

    /** How long an access token is valid; default 1 hour. */
    public Duration accessTokenLifetime() {
        return accessTokenLifetime;
    }

    /** How long an authorization code may be redeemed; default 5 minutes, at most 10. */
    public Duration authorizationCodeLifetime() {
        return authorizationCodeLifetime;
    }

    /** How long a user has to log in after {@code /authorize}; default 10 minutes. */
    public Duration pendingLoginLifetime() {
        return pendingLoginLifetime;
    }

    /** How long a refresh token is valid after it is issued; default 30 days. */
    public Duration refreshTokenLifetime() {
        return refreshTokenLifetime;
    }

    /** The absolute lifetime of a grant, after which no refresh works and the user logs in again; default 90 days. */
    public Duration grantLifetime() {
        return grantLifetime;
    }

    /** How long a signing key signs new tokens before a new one replaces it; default 30 days. */
    public Duration signingKeyRotation() {
        return signingKeyRotation;
    }

    /** How failed logins are throttled per username and per address; default {@link LoginThrottling#defaults()}. */
    public LoginThrottling loginThrottling() {
        return loginThrottling;
    }

    /**
     * The most clients dynamic registration keeps; default 10,000. At the cap a registration evicts
     * the oldest client that never completed a flow, and is refused with 503
     * {@code temporarily_unavailable} when every client has been used.
     */
    public int maxClients() {
        return maxClients;
    }

    /**
     * How long a registered client that never completed a flow is kept; default 24 hours. Clients
     * re-register when their id is refused, so deleting unused registrations costs nobody anything.
     */
    public Duration unusedClientLifetime() {
        return unusedClientLifetime;
    }

    /**
     * How long an access token found active in the store is accepted again without asking the store;
     * default 1 second, {@link Duration#ZERO} to ask on every request. Revocations made by this
     * process (revocation endpoint, refresh-token reuse, code replay) apply at once whatever the
     * interval; those made by another process sharing the store apply within it.
     */
    public Duration revocationCheckInterval() {
        return revocationCheckInterval;
    }

    /**
     * The hosts codes may be sent to; default empty, meaning any host the redirect URI rules allow.
     * When set, every redirect URI (registered or in a metadata document) must match an entry:
     * {@code example.com} (that host), {@code *.example.com} (its subdomains), {@code localhost}
     * (every loopback redirect URI) or {@code cursor:} (a private-use scheme). The builder also takes
     * the preset names of {@link RedirectHostPresets} ({@code hosted-clients}, {@code desktop-clients}),
     * which this set holds expanded.
     */
    public Set<String> allowedRedirectHosts() {
        return allowedRedirectHosts;
    }

    /**
     * Whether a {@code client_id} that is an https URL is accepted as a Client ID Metadata Document
     * (MCP 2025-11-25), fetched with SSRF protection and cached; default true.
     */
    public boolean clientMetadataDocuments() {
        return clientMetadataDocuments;
    }

    /** Extra provider settings, e.g. {@code redis.uri}, given with {@link Builder#setting}. */
    public Map<String, String> settings() {
        return settings;
    }

    /** The issuer identifier and base of every endpoint URL, without a trailing slash, e.g. {@code http://localhost:3000}. */
    public String issuer() {
        return issuer;
    }

    /**
     * Whether the issuer's host names the user's machine or a private network: a loopback or private
     * address, {@code localhost}, a single-label name or a {@code .local}, {@code .internal}, {@code .lan}
     * or {@code .home.arpa} name (nothing is resolved). Such a server is what DNS rebinding attacks, so
     * transports protect it more strictly by default (the Helidon transport's browser origins).
     */
    public boolean localDeployment() {
        return LocalHosts.isLocal(URI.create(issuer).getHost());
    }

    /** The canonical URL of the MCP endpoint, the audience of every access token, e.g. {@code http://localhost:3000/mcp}. */
    public String resource() {
        return issuer + mcpPath;
    }

    /** The URL of the protected resource metadata (RFC 9728 §3.1, path-inserted), sent in every challenge. */
    public String protectedResourceMetadataUrl() {
        return issuer + "/.well-known/oauth-protected-resource" + mcpPath;
    }

    /** The settings handed to providers, merged with {@link System#getProperties()} and {@link System#getenv()}. */
    public ProviderSettings providerSettings() {
        Map<String, String> properties = new LinkedHashMap<>();
        System.getProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
        return providerSettings(properties, System.getenv());
    }

    /**
     * The settings handed to providers. Keys the engine must agree with the transport on
     * ({@code host}, {@code port}, {@code public.base.url}, {@code mcp.path}, {@code issuer},
     * {@code resource}, {@code debug}) always come from this configuration. Every other key, such as
     * {@code db.path} or {@code redis.uri}, comes from the first of: a value set on the builder, the
     * system property {@code mcpoauth.<key>}, the environment variable {@code MCPOAUTH_<KEY>} (dots
     * as underscores), the default.
     *
     * @param systemProperties the system properties to consult
     * @param environment      the environment variables to consult
     * @return the settings
     */
    public ProviderSettings providerSettings(Map<String, String> systemProperties, Map<String, String> environment) {
        return ServerConfigCheck.providerSettings(this, dbPathExplicit, systemProperties, environment);
    }

    @Override
    public String toString() {
        return "ServerConfig[issuer=" + issuer + ", host=" + host + ", port=" + port + ", mcpPath=" + mcpPath
                + ", dbPath=" + dbPath + ", supportedScopes=" + supportedScopes + ", requiredScopes="
                + requiredScopes + ", accessTokenLifetime=" + accessTokenLifetime + ", debug=" + debug
                + ", loginThrottling=" + loginThrottling + ", maxClients=" + maxClients + ", unusedClientLifetime="
                + unusedClientLifetime + ", revocationCheckInterval=" + revocationCheckInterval
                + ", allowedRedirectHosts=" + allowedRedirectHosts + ", clientMetadataDocuments="
                + clientMetadataDocuments + "]";
    }

    /**
     * Builds a {@link ServerConfig}. Setters accept anything; {@link #build()} checks everything.
     * Not thread safe.
     */
    public static final class Builder {

        String host = "localhost";
        int port = 3000;
        Path dbPath = Path.of("auth.db");
        List<String> supportedScopes = List.of("mcp");
        List<String> requiredScopes = List.of();
        boolean debug;
        Optional<URI> publicBaseUrl = Optional.empty();
        String mcpPath = "/mcp";
        Duration accessTokenLifetime = Duration.ofHours(1);
        Duration authorizationCodeLifetime = Duration.ofMinutes(5);
        Duration pendingLoginLifetime = Duration.ofMinutes(10);
        Duration refreshTokenLifetime = Duration.ofDays(30);
        Duration grantLifetime = Duration.ofDays(90);
        Duration signingKeyRotation = Duration.ofDays(30);
        LoginThrottling loginThrottling = LoginThrottling.defaults();
        int maxClients = 10_000;
        Duration unusedClientLifetime = Duration.ofHours(24);
        Duration revocationCheckInterval = Duration.ofSeconds(1);
        List<String> allowedRedirectHosts = List.of();
        boolean clientMetadataDocuments = true;
        Map<String, String> settings = new LinkedHashMap<>();
        boolean dbPathExplicit;

        private Builder() {
        }

        private Builder(ServerConfig c) {
            host = c.host;
            port = c.port;
            dbPath = c.dbPath;
            supportedScopes = List.copyOf(c.supportedScopes);
            requiredScopes = List.copyOf(c.requiredScopes);
            debug = c.debug;
            publicBaseUrl = c.publicBaseUrl;
            mcpPath = c.mcpPath;
            accessTokenLifetime = c.accessTokenLifetime;
            authorizationCodeLifetime = c.authorizationCodeLifetime;
            pendingLoginLifetime = c.pendingLoginLifetime;
            refreshTokenLifetime = c.refreshTokenLifetime;
            grantLifetime = c.grantLifetime;
            signingKeyRotation = c.signingKeyRotation;
            loginThrottling = c.loginThrottling;
            maxClients = c.maxClients;
            unusedClientLifetime = c.unusedClientLifetime;
            revocationCheckInterval = c.revocationCheckInterval;
            allowedRedirectHosts = List.copyOf(c.allowedRedirectHosts);
            clientMetadataDocuments = c.clientMetadataDocuments;
            settings = new LinkedHashMap<>(c.settings);
            dbPathExplicit = c.dbPathExplicit;
        }

        /** Sets the host to listen on; a wildcard address is shown as {@code localhost} in URLs. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Sets the port, 0 to 65535 (0: any free port; set {@link #publicBaseUrl} then). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Sets the SQLite database file. */
        public Builder dbPath(Path dbPath) {
            this.dbPath = Objects.requireNonNull(dbPath, "dbPath");
            this.dbPathExplicit = true;
            return this;
        }

        /** Sets the scopes clients may ask for; each a valid RFC 6749 scope token. */
        public Builder supportedScopes(Set<String> scopes) {
            this.supportedScopes = List.copyOf(scopes);
            return this;
        }

        /** Sets the scopes clients may ask for. */
        public Builder supportedScopes(String... scopes) {
            return supportedScopes(new LinkedHashSet<>(List.of(scopes)));
        }

        /** Sets the scopes every access token needs at the MCP endpoint; a subset of the supported ones. */
        public Builder requiredScopes(Set<String> scopes) {
            this.requiredScopes = List.copyOf(scopes);
            return this;
        }

        /** Sets the scopes every access token needs at the MCP endpoint. */
        public Builder requiredScopes(String... scopes) {
            return requiredScopes(new LinkedHashSet<>(List.of(scopes)));
        }

        /** Turns debug output on or off. */
        public Builder debug(boolean debug) {
            this.debug = debug;
            return this;
        }

        /** Sets the URL clients use, e.g. {@code https://mcp.example.com}: absolute http(s), no query or fragment. */
        public Builder publicBaseUrl(URI url) {
            this.publicBaseUrl = Optional.of(url);
            return this;
        }

        /** Sets the public base URL from a string. */
        public Builder publicBaseUrl(String url) {
            return publicBaseUrl(URI.create(url));
        }

        /** Forgets the public base URL, so that the issuer is derived from host and port again. */
        public Builder clearPublicBaseUrl() {
            this.publicBaseUrl = Optional.empty();
            return this;
        }

        /** Sets the path of the MCP endpoint: starts with {@code /}, no trailing slash. */
        public Builder mcpPath(String path) {
            this.mcpPath = Objects.requireNonNull(path, "mcpPath");
            return this;
        }

        /** Sets the access token lifetime; positive, at most one day. */
        public Builder accessTokenLifetime(Duration lifetime) {
            this.accessTokenLifetime = Objects.requireNonNull(lifetime, "accessTokenLifetime");
            return this;
        }

        /** Sets the authorization code lifetime; positive, at most 10 minutes. */
        public Builder authorizationCodeLifetime(Duration lifetime) {
            this.authorizationCodeLifetime = Objects.requireNonNull(lifetime, "authorizationCodeLifetime");
            return this;
        }

        /** Sets how long a user has to log in; positive, at most one hour. */
        public Builder pendingLoginLifetime(Duration lifetime) {
            this.pendingLoginLifetime = Objects.requireNonNull(lifetime, "pendingLoginLifetime");
            return this;
        }

        /** Sets the refresh token lifetime; positive. */
        public Builder refreshTokenLifetime(Duration lifetime) {
            this.refreshTokenLifetime = Objects.requireNonNull(lifetime, "refreshTokenLifetime");
            return this;
        }

        /** Sets the absolute grant lifetime; positive. */
        public Builder grantLifetime(Duration lifetime) {
            this.grantLifetime = Objects.requireNonNull(lifetime, "grantLifetime");
            return this;
        }

        /** Sets how long a signing key signs before it is replaced; positive. */
        public Builder signingKeyRotation(Duration period) {
            this.signingKeyRotation = Objects.requireNonNull(period, "signingKeyRotation");
            return this;
        }

        /** Sets how failed logins are throttled; {@link LoginThrottling#off()} turns throttling off. */
        public Builder loginThrottling(LoginThrottling throttling) {
            this.loginThrottling = Objects.requireNonNull(throttling, "loginThrottling");
            return this;
        }

        /** Sets the most registered clients kept; positive. */
        public Builder maxClients(int maxClients) {
            this.maxClients = maxClients;
            return this;
        }

        /** Sets how long a client that never completed a flow is kept; between 1 minute and 3650 days. */
        public Builder unusedClientLifetime(Duration lifetime) {
            this.unusedClientLifetime = Objects.requireNonNull(lifetime, "unusedClientLifetime");
            return this;
        }

        /**
         * Sets how long an access token found active is accepted again without asking the store;
         * zero (ask on every request) to at most one minute. See {@link ServerConfig#revocationCheckInterval()}.
         */
        public Builder revocationCheckInterval(Duration interval) {
            this.revocationCheckInterval = Objects.requireNonNull(interval, "revocationCheckInterval");
            return this;
        }

        /** Sets the hosts codes may be sent to (see {@link ServerConfig#allowedRedirectHosts()}); empty allows any. */
        public Builder allowedRedirectHosts(Set<String> hosts) {
            this.allowedRedirectHosts = List.copyOf(hosts);
            return this;
        }

        /** Sets the hosts codes may be sent to. */
        public Builder allowedRedirectHosts(String... hosts) {
            return allowedRedirectHosts(new LinkedHashSet<>(List.of(hosts)));
        }

        /** Turns Client ID Metadata Documents on or off. */
        public Builder clientMetadataDocuments(boolean enabled) {
            this.clientMetadataDocuments = enabled;
            return this;
        }

        /** Adds a provider setting, e.g. {@code redis.uri}; wins over system properties and the environment. */
        public Builder setting(String key, String value) {
            settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Checks every setting and builds the configuration.
         *
         * @return the configuration
         * @throws InvalidConfigurationException listing every problem found
         */
        public ServerConfig build() {
            List<String> problems = ServerConfigCheck.problems(this);
            if (!problems.isEmpty()) {
                throw new InvalidConfigurationException(problems);
            }
            return new ServerConfig(this);
        }
    }
}
