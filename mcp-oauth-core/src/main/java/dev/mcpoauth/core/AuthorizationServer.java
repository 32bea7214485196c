package dev.mcpoauth.core;

import dev.mcpoauth.LoginFlow;
import dev.mcpoauth.OAuthErrorCode;
import dev.mcpoauth.OAuthException;
import dev.mcpoauth.RegisteredClient;
import dev.mcpoauth.TokenStore;
import dev.mcpoauth.UserChecker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The OAuth 2.1 authorization server and the bearer check of the MCP endpoint, without HTTP: plain
 * values in, plain values out. A transport maps each endpoint to one method and renders the result;
 * {@link Json} writes the maps.
 *
 * <p>Errors: protocol errors are {@link OAuthException} (render as the RFC 6749 §5.2 JSON error with
 * {@link OAuthErrorCode#httpStatus()}, {@code Cache-Control: no-store}); a failing store throws
 * {@link dev.mcpoauth.StorageException} (render as 503 {@code temporarily_unavailable}). Returned maps
 * never contain null.
 *
 * <p>Thread safe. {@link #close()} stops the periodic purge; it does not close the store, which
 * belongs to whoever created it.
 */
public final class AuthorizationServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AuthorizationServer.class.getName());

    private final Engine engine;
    private final KeyManager keys;
    private final ClientAuthenticator clients;
    private final ClientCap clientCap;
    private final ClientRegistration registration;
    private final AuthorizationRequests authorization;
    private final EngineLoginFlow loginFlow;
    private final GrantHandlers grants;
    private final ClientAuthentications clientAuthentications = ClientAuthentications.standard();
    private final Revocation revocation;
    private final Introspection introspection;
    private final BearerAuthenticator bearer;
    private final LoginThrottle throttle;
    private final ReplayGuard replays = new ReplayGuard();
    private final Purger purger;

    private AuthorizationServer(Engine engine, UserChecker userChecker, Duration purgeInterval,
                                DocumentFetcher documentFetcher) {
        this.engine = engine;
        keys = new KeyManager(engine);
        keys.initialize();
        TokenIssuer issuer = new TokenIssuer(engine, keys);
        AccessTokenVerifier verifier = new AccessTokenVerifier(engine, keys);
        // The grant types of the token endpoint: a new one is a handler class and a line here.
        grants = new GrantHandlers(List.of(
                new CodeExchange(engine, issuer, replays),
                new RefreshGrant(engine, issuer)));
        ClientDirectory directory = new ClientDirectory(engine, engine.config().clientMetadataDocuments()
                ? Optional.of(new ClientMetadataDocuments(documentFetcher, engine.config(), grants, engine::now))
                : Optional.empty());
        clients = new ClientAuthenticator(engine, directory, clientAuthentications);
        clientCap = new ClientCap(engine);
        registration = new ClientRegistration(engine, clientCap, grants, clientAuthentications);
        authorization = new AuthorizationRequests(engine, directory);
        throttle = new LoginThrottle(engine.config().loginThrottling());
        loginFlow = new EngineLoginFlow(engine, directory, userChecker, throttle);
        revocation = new Revocation(engine, verifier);
        introspection = new Introspection(engine, verifier);
        bearer = new BearerAuthenticator(engine, verifier);
        purger = new Purger(this::purgeExpired, purgeInterval);
        ServerConfig c = engine.config();
        // The lifetimes in effect, once: an operator who set them by environment sees they took.
        LOG.log(System.Logger.Level.INFO, "authorization server {0} ready: issuer {1}, resource {2}; lifetimes: "
                        + "access token {3}, refresh token {4}, grant {5}, code {6}, pending login {7}; "
                        + "refresh reuse grace {8}",
                engine.appName(), c.issuer(), c.resource(), c.accessTokenLifetime(), c.refreshTokenLifetime(),
                c.grantLifetime(), c.authorizationCodeLifetime(), c.pendingLoginLifetime(), c.refreshReuseGrace());
    }

    /**
     * Starts building a server.
     *
     * @param appName the server's name, shown on the login page and as {@code resource_name}
     * @return the builder
     */
    public static Builder builder(String appName) {
        return new Builder(appName);
    }

    /** The configuration. */
    public ServerConfig config() {
        return engine.config();
    }

    /** The server's name. */
    public String appName() {
        return engine.appName();
    }

    /** The login step a {@link dev.mcpoauth.LoginHandler} completes: the original's {@code complete_user_checker}. */
    public LoginFlow loginFlow() {
        return loginFlow;
    }

    /** Authorization server metadata (RFC 8414 §2), for {@code GET /.well-known/oauth-authorization-server}. */
    public Map<String, Object> authorizationServerMetadata() {
        return Metadata.authorizationServer(engine.config(), grants, clientAuthentications);
    }

    /** Protected resource metadata (RFC 9728 §2), for {@code GET /.well-known/oauth-protected-resource[/mcp]}. */
    public Map<String, Object> protectedResourceMetadata() {
        return Metadata.protectedResource(engine.config(), engine.appName());
    }

    /** The public signing keys (RFC 7517), for {@code GET /jwks}. */
    public Map<String, Object> jwks() {
        return keys.jwks();
    }

    /**
     * Registers a client (RFC 7591), for {@code POST /register}; answer 201 with the result. An
     * {@code application_type} of {@code web} allows only https redirect URIs on non-loopback hosts,
     * {@code native} or none allows loopback http, private-use schemes and https (OpenID Connect
     * Registration §2, MCP 2026-07-28); the response names the type. {@code scope} may hold
     * {@code offline_access}.
     *
     * @param clientMetadata the parsed JSON request; unknown members are ignored
     * @return the client information, with {@code client_secret} for confidential clients (shown once)
     * @throws OAuthException {@code invalid_redirect_uri} or {@code invalid_client_metadata}
     */
    public Map<String, Object> register(Map<String, Object> clientMetadata) {
        return registration.register(clientMetadata);
    }

    /**
     * Registers a client from the raw JSON body.
     *
     * @param json the request body
     * @return as {@link #register(Map)}
     * @throws OAuthException {@code invalid_client_metadata} when the body is not a JSON object
     */
    public Map<String, Object> register(String json) {
        Map<String, Object> metadata;
        try {
            metadata = Json.parseObject(json);
        } catch (IllegalArgumentException e) {
            throw new OAuthException(OAuthErrorCode.INVALID_CLIENT_METADATA, "the body must be a JSON object");
        }
        return register(metadata);
    }

    /**
     * Validates an authorization request, for {@code GET /authorize}.
     *
     * @param queryParams the query parameters, each with its one value (RFC 6749 §3.1)
     * @return where to redirect the browser
     * @throws OAuthException when the client is unknown or the redirect URI untrusted: show a 400 page,
     *                        never redirect
     */
    public AuthorizeResult authorize(Map<String, String> queryParams) {
        return authorization.authorize(queryParams);
    }

    /**
     * Answers a token request, for {@code POST /token}; send with {@code Cache-Control: no-store}.
     *
     * @param form          the form parameters
     * @param authorization the {@code Authorization} header, if any
     * @return the token response (RFC 6749 §5.1)
     * @throws OAuthException {@code invalid_client} (401), {@code invalid_grant}, {@code invalid_request},
     *                        {@code invalid_scope}, {@code invalid_target}, {@code unauthorized_client} or
     *                        {@code unsupported_grant_type}
     */
    public Map<String, Object> token(Map<String, String> form, Optional<String> authorization) {
        String grantType = Params.required(form, "grant_type");
        RegisteredClient client = clients.authenticate(form, authorization);
        return grants.grant(grantType, client, form);
    }

    /**
     * Revokes a token of the authenticated client (RFC 7009), for {@code POST /revoke}; answer 200
     * with an empty body, also for unknown tokens.
     *
     * @param form          the form parameters, with {@code token}
     * @param authorization the {@code Authorization} header, if any
     * @throws OAuthException {@code invalid_client} or {@code invalid_request}
     */
    public void revoke(Map<String, String> form, Optional<String> authorization) {
        revocation.revoke(clients.authenticate(form, authorization), form);
    }

    /**
     * Introspects a token (RFC 7662), for {@code POST /introspect}; confidential clients only.
     *
     * @param form          the form parameters, with {@code token}
     * @param authorization the {@code Authorization} header, if any
     * @return {@code active} and, when true, the token's details
     * @throws OAuthException {@code invalid_client} or {@code invalid_request}
     */
    public Map<String, Object> introspect(Map<String, String> form, Optional<String> authorization) {
        return introspection.introspect(clients.authenticate(form, authorization), form);
    }

    /**
     * Checks the bearer token of a request to the MCP endpoint.
     *
     * @param authorization the {@code Authorization} header, if any
     * @return the principal, or the challenge to answer with
     */
    public BearerResult authenticate(Optional<String> authorization) {
        return bearer.authenticate(authorization);
    }

    /**
     * Deletes expired records from the store and the engine's own memory, and the client
     * registrations that were never used within {@link ServerConfig#unusedClientLifetime()}. Runs
     * periodically on its own; callable any time.
     *
     * @return how many records the store deleted, unused clients included
     */
    public int purgeExpired() {
        Instant now = engine.now();
        throttle.purge(now);
        replays.purge(now);
        return engine.store().purgeExpired(now) + clientCap.purgeUnused(now);
    }

    /** Stops the periodic purge. Does not close the store. Idempotent. */
    @Override
    public void close() {
        purger.close();
    }

    /**
     * Builds an {@link AuthorizationServer}. A store and a user checker are required; the
     * configuration defaults to {@link ServerConfig#defaults()}, the clock to UTC system time and the
     * purge interval to 10 minutes. Not thread safe.
     */
    public static final class Builder {

        private final String appName;
        private ServerConfig config = ServerConfig.defaults();
        private Optional<TokenStore> store = Optional.empty();
        private Optional<UserChecker> userChecker = Optional.empty();
        private Clock clock = Clock.systemUTC();
        private Duration purgeInterval = Duration.ofMinutes(10);
        private Optional<DocumentFetcher> documentFetcher = Optional.empty();

        private Builder(String appName) {
            this.appName = Objects.requireNonNull(appName, "appName");
        }

        /** Sets the configuration. */
        public Builder config(ServerConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** Sets the store; required. The caller keeps ownership and closes it. */
        public Builder store(TokenStore store) {
            this.store = Optional.of(store);
            return this;
        }

        /** Sets the function that checks usernames and passwords; required. */
        public Builder userChecker(UserChecker userChecker) {
            this.userChecker = Optional.of(userChecker);
            return this;
        }

        /** Sets the clock every expiry is measured with; tests pass a controllable one. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Replaces the fetcher of Client ID Metadata Documents. Package-private on purpose: only this
         * module's tests use it, to fetch from a local TLS server with a loopback-allowing address
         * policy; production code always uses {@link DocumentFetcher#standard()}.
         */
        Builder documentFetcher(DocumentFetcher fetcher) {
            this.documentFetcher = Optional.of(fetcher);
            return this;
        }

        /** Sets how often expired records are purged; {@link Duration#ZERO} turns the periodic purge off. */
        public Builder purgeInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("purgeInterval must not be negative");
            }
            this.purgeInterval = interval;
            return this;
        }

        /**
         * Builds the server: loads or generates the signing key and starts the periodic purge.
         *
         * @return the server
         * @throws IllegalStateException when the store or the user checker is missing, or the name is blank
         * @throws dev.mcpoauth.StorageException when the store cannot be read
         */
        public AuthorizationServer build() {
            if (appName.isBlank()) {
                throw new IllegalStateException("the app name must not be blank");
            }
            TokenStore chosenStore = store.orElseThrow(() -> new IllegalStateException(
                    "a TokenStore is required: pass one with store(...)"));
            UserChecker checker = userChecker.orElseThrow(() -> new IllegalStateException(
                    "a UserChecker is required: pass userChecker((username, password) -> ...) that returns "
                            + "the user's id for right credentials and Optional.empty() otherwise"));
            return new AuthorizationServer(new Engine(config, chosenStore, clock, appName), checker, purgeInterval,
                    documentFetcher.orElseGet(DocumentFetcher::standard));
        }
    }
}
