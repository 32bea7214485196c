package dev.mcpoauth.core;

import dev.mcpoauth.spi.ProviderSettings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
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
 * with port 0, set the public base URL, so that the issuer is the URL clients really use. It may have
 * a path ({@code https://example.com/tools}) when a proxy forwards that prefix to this server, stripped:
 * the issuer and the resource keep the path, and the well-known documents' public URLs put the
 * well-known segment before it ({@link #authorizationServerMetadataUrl()},
 * {@link #protectedResourceMetadataUrl()}).
 *
 * <h2>Hardening</h2>
 * Every defence is on by default: {@link #loginThrottling()} slows password guessing per username
 * and per address; {@link #maxClients()} caps dynamic registrations, evicting never-used ones
 * first, and {@link #unusedClientLifetime()} deletes registrations that never completed a flow;
 * {@link #allowedRedirectHosts()} optionally limits where codes may be sent;
 * {@link #clientMetadataDocuments()} accepts Client ID Metadata Documents, fetched with SSRF
 * protection. Rate limits per client address are the transport's (see its settings).
 *
 * <h2>Durations from settings</h2>
 * Every duration can be set without code, by setting key: {@code access.token.lifetime},
 * {@code authorization.code.lifetime}, {@code pending.login.lifetime}, {@code refresh.token.lifetime},
 * {@code grant.lifetime}, {@code signing.key.rotation}, {@code unused.client.lifetime} and
 * {@code revocation.check.interval}, each given with {@link Builder#setting(String, String)}, the
 * system property {@code mcpoauth.<key>} or the environment variable {@code MCPOAUTH_<KEY>} (dots as
 * underscores), in that order of precedence, as ISO-8601 ({@code PT15M}), a number with a unit
 * ({@code 15m}, {@code 2h}, {@code 30d}) or seconds. A value given to the builder method wins over
 * every setting, as an instance given to the builder wins over a provider id. A value that is not a
 * duration, or out of range, fails {@link Builder#build()} with every other problem.
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
    private final Duration refreshReuseGrace;
    private final Duration signingKeyRotation;
    private final LoginThrottling loginThrottling;
    private final int maxClients;
    private final Duration unusedClientLifetime;
    private final Duration revocationCheckInterval;
    private final Set<String> allowedRedirectHosts;
    private final boolean redirectHostsExplicit;
    private final boolean clientMetadataDocuments;
    private final Map<String, String> settings;
    private final boolean dbPathExplicit;
    private final Set<String> explicitDurations;
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
        refreshReuseGrace = b.refreshReuseGrace;
        signingKeyRotation = b.signingKeyRotation;
        loginThrottling = b.loginThrottling;
        maxClients = b.maxClients;
        unusedClientLifetime = b.unusedClientLifetime;
        revocationCheckInterval = b.revocationCheckInterval;
        allowedRedirectHosts = ServerConfigCheck.orderedCopy(RedirectHostPresets.expand(b.allowedRedirectHosts));
        redirectHostsExplicit = b.redirectHostsExplicit;
        clientMetadataDocuments = b.clientMetadataDocuments;
        settings = Map.copyOf(b.settings);
        dbPathExplicit = b.dbPathExplicit;
        explicitDurations = Set.copyOf(b.explicitDurations);
        issuer = ServerConfigCheck.issuer(host, port, publicBaseUrl);
    }

    /** The setting key of {@link #allowedRedirectHosts()}: a comma-separated list of hosts and preset names. */
    public static final String ALLOWED_REDIRECT_HOSTS = "allowed.redirect.hosts";

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

    /**
     * How long after a refresh the same, rotated-away refresh token is still answered, with the
     * same successor token, instead of being treated as stolen; default 60 seconds, {@link Duration#ZERO}
     * for strict rotation. Clients that share one credential between processes, refresh from several
     * nodes or retry a refresh whose answer was lost present a token twice within seconds; every
     * caller then ends up with the one successor, which still works. The trade: a thief who replays
     * a stolen refresh token within this window, before the real client's next refresh, is not
     * detected and gets the same successor as the client. A replay after the window, a token more
     * than one rotation old, or one presented by another client still revokes the grant.
     */
    public Duration refreshReuseGrace() {
        return refreshReuseGrace;
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
     * which this set holds expanded. Without code: the setting {@value #ALLOWED_REDIRECT_HOSTS}
     * ({@code MCPOAUTH_ALLOWED_REDIRECT_HOSTS=hosted-clients,desktop-clients}), a comma-separated list;
     * the builder method wins over it.
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

    /**
     * The path of the public base URL, e.g. {@code /tools} for {@code https://example.com/tools}; empty
     * without one or when it has no path. A proxy that forwards {@code /tools/} to this server strips it.
     */
    public String basePath() {
        return URI.create(issuer).getRawPath();
    }

    /**
     * The URL of the protected resource metadata (RFC 9728 §3.1), sent in every challenge: the
     * well-known segment goes between the host and the resource's path, e.g.
     * {@code https://example.com/.well-known/oauth-protected-resource/tools/mcp} for the resource
     * {@code https://example.com/tools/mcp}.
     */
    public String protectedResourceMetadataUrl() {
        return origin() + "/.well-known/oauth-protected-resource" + basePath() + mcpPath;
    }

    /**
     * The URL of the authorization server metadata (RFC 8414 §3.1): the well-known segment between the
     * host and the issuer's path, e.g. {@code https://example.com/.well-known/oauth-authorization-server/tools}.
     */
    public String authorizationServerMetadataUrl() {
        return origin() + "/.well-known/oauth-authorization-server" + basePath();
    }

    private String origin() {
        URI uri = URI.create(issuer);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** The settings handed to providers, merged with {@link System#getProperties()} and {@link System#getenv()}. */
    public ProviderSettings providerSettings() {
        return providerSettings(ServerConfigCheck.systemProperties(), System.getenv());
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
                + ", refreshReuseGrace=" + refreshReuseGrace + ", loginThrottling=" + loginThrottling
                + ", maxClients=" + maxClients + ", unusedClientLifetime="
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
        Duration refreshReuseGrace = Duration.ofSeconds(60);
        Duration signingKeyRotation = Duration.ofDays(30);
        LoginThrottling loginThrottling = LoginThrottling.defaults();
        int maxClients = 10_000;
        Duration unusedClientLifetime = Duration.ofHours(24);
        Duration revocationCheckInterval = Duration.ofSeconds(1);
        List<String> allowedRedirectHosts = List.of();
        boolean redirectHostsExplicit;
        boolean clientMetadataDocuments = true;
        Map<String, String> settings = new LinkedHashMap<>();
        boolean dbPathExplicit;
        /** The setting keys of the durations given to this builder's methods, which settings do not override. */
        Set<String> explicitDurations = new HashSet<>();

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
            refreshReuseGrace = c.refreshReuseGrace;
            signingKeyRotation = c.signingKeyRotation;
            loginThrottling = c.loginThrottling;
            maxClients = c.maxClients;
            unusedClientLifetime = c.unusedClientLifetime;
            revocationCheckInterval = c.revocationCheckInterval;
            allowedRedirectHosts = List.copyOf(c.allowedRedirectHosts);
            redirectHostsExplicit = c.redirectHostsExplicit;
            clientMetadataDocuments = c.clientMetadataDocuments;
            settings = new LinkedHashMap<>(c.settings);
            dbPathExplicit = c.dbPathExplicit;
            explicitDurations = new HashSet<>(c.explicitDurations);
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
            explicitDurations.add(DurationSettings.ACCESS_TOKEN_LIFETIME);
            return this;
        }

        /** Sets the authorization code lifetime; positive, at most 10 minutes. */
        public Builder authorizationCodeLifetime(Duration lifetime) {
            this.authorizationCodeLifetime = Objects.requireNonNull(lifetime, "authorizationCodeLifetime");
            explicitDurations.add(DurationSettings.AUTHORIZATION_CODE_LIFETIME);
            return this;
        }

        /** Sets how long a user has to log in; positive, at most one hour. */
        public Builder pendingLoginLifetime(Duration lifetime) {
            this.pendingLoginLifetime = Objects.requireNonNull(lifetime, "pendingLoginLifetime");
            explicitDurations.add(DurationSettings.PENDING_LOGIN_LIFETIME);
            return this;
        }

        /** Sets the refresh token lifetime; positive. */
        public Builder refreshTokenLifetime(Duration lifetime) {
            this.refreshTokenLifetime = Objects.requireNonNull(lifetime, "refreshTokenLifetime");
            explicitDurations.add(DurationSettings.REFRESH_TOKEN_LIFETIME);
            return this;
        }

        /** Sets the absolute grant lifetime; positive. */
        public Builder grantLifetime(Duration lifetime) {
            this.grantLifetime = Objects.requireNonNull(lifetime, "grantLifetime");
            explicitDurations.add(DurationSettings.GRANT_LIFETIME);
            return this;
        }

        /**
         * Sets the refresh reuse grace (see {@link ServerConfig#refreshReuseGrace()}): zero for strict
         * rotation, at most 1 hour.
         */
        public Builder refreshReuseGrace(Duration grace) {
            this.refreshReuseGrace = Objects.requireNonNull(grace, "refreshReuseGrace");
            explicitDurations.add(DurationSettings.REFRESH_REUSE_GRACE);
            return this;
        }

        /** Sets how long a signing key signs before it is replaced; positive. */
        public Builder signingKeyRotation(Duration period) {
            this.signingKeyRotation = Objects.requireNonNull(period, "signingKeyRotation");
            explicitDurations.add(DurationSettings.SIGNING_KEY_ROTATION);
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
            explicitDurations.add(DurationSettings.UNUSED_CLIENT_LIFETIME);
            return this;
        }

        /**
         * Sets how long an access token found active is accepted again without asking the store;
         * zero (ask on every request) to at most one minute. See {@link ServerConfig#revocationCheckInterval()}.
         */
        public Builder revocationCheckInterval(Duration interval) {
            this.revocationCheckInterval = Objects.requireNonNull(interval, "revocationCheckInterval");
            explicitDurations.add(DurationSettings.REVOCATION_CHECK_INTERVAL);
            return this;
        }

        /** Sets the hosts codes may be sent to (see {@link ServerConfig#allowedRedirectHosts()}); empty allows any. */
        public Builder allowedRedirectHosts(Set<String> hosts) {
            this.allowedRedirectHosts = List.copyOf(hosts);
            this.redirectHostsExplicit = true;
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
         * Checks every setting and builds the configuration. Durations not given to their builder
         * method are read from their setting key (see {@link ServerConfig}), from
         * {@link #setting(String, String)}, {@link System#getProperties()} and {@link System#getenv()}.
         *
         * @return the configuration
         * @throws InvalidConfigurationException listing every problem found
         */
        public ServerConfig build() {
            return build(ServerConfigCheck.systemProperties(), System.getenv());
        }

        /** Builds with these system properties and environment variables instead of the process's. */
        ServerConfig build(Map<String, String> systemProperties, Map<String, String> environment) {
            Map<String, String> values = ServerConfigCheck.layered(settings, systemProperties, environment);
            List<String> problems = new ArrayList<>(DurationSettings.resolve(this, values));
            if (!redirectHostsExplicit && values.containsKey(ALLOWED_REDIRECT_HOSTS)) {
                allowedRedirectHosts = java.util.Arrays.stream(values.get(ALLOWED_REDIRECT_HOSTS).split(","))
                        .map(String::trim).filter(h -> !h.isEmpty()).toList();
            }
            problems.addAll(ServerConfigCheck.problems(this));
            if (!problems.isEmpty()) {
                throw new InvalidConfigurationException(problems);
            }
            return new ServerConfig(this);
        }
    }
}
