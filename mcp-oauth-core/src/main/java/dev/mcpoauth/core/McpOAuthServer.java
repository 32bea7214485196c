package dev.mcpoauth.core;

import dev.mcpoauth.LoginHandler;
import dev.mcpoauth.TokenStore;
import dev.mcpoauth.Transport;
import dev.mcpoauth.UserChecker;
import dev.mcpoauth.spi.ProviderConfigurationException;
import dev.mcpoauth.spi.ProviderSettings;
import dev.mcpoauth.spi.TransportContext;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * An MCP server protected by its own OAuth 2.1 authorization server, in a few lines: the original
 * library's {@code create_oauth_server(app_name, check_user)}.
 *
 * <pre>{@code
 * McpOAuthServer server = McpOAuthServer.builder("my-app")
 *         .userChecker((username, password) -> users.check(username, password))
 *         .tool(McpTools.text("echo", "Echo back the input message",
 *                 List.of(ToolArg.string("message", "The message to echo")),
 *                 call -> "Echo: " + call.string("message")))
 *         .build();
 * server.start();   // OAuth-protected MCP at http://localhost:3000/mcp
 * }</pre>
 *
 * <p>{@link Builder#build()} chooses the store, the login page and the transport (an instance given
 * to the builder, else a provider id, else the discovered provider with the highest weight; see
 * {@link dev.mcpoauth.spi.ProviderFactory}) and logs each choice. {@link #start()} opens nothing
 * before it is called except the store. Thread safe; start and stop once each.
 */
public final class McpOAuthServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(McpOAuthServer.class.getName());

    private final String appName;
    private final TokenStore store;
    private final boolean ownsStore;
    private final Transport transport;
    private final AtomicReference<AuthorizationServer> authorizationServer;

    private McpOAuthServer(String appName, TokenStore store, boolean ownsStore, Transport transport,
                           AtomicReference<AuthorizationServer> authorizationServer) {
        this.appName = appName;
        this.store = store;
        this.ownsStore = ownsStore;
        this.transport = transport;
        this.authorizationServer = authorizationServer;
    }

    /**
     * Starts building a server.
     *
     * @param appName the server's name: shown on the login page, reported as the MCP server name and
     *                as the protected resource's {@code resource_name}
     * @return the builder
     */
    public static Builder builder(String appName) {
        return new Builder(appName);
    }

    /** Binds the port and serves; returns when requests are accepted. Logs where. */
    public void start() {
        transport.start();
        LOG.log(System.Logger.Level.INFO, "{0}: OAuth-protected MCP endpoint at {1}", appName, mcpUrl());
    }

    /** Stops serving, then closes the engine and, if the server opened it, the store. */
    public void stop() {
        try {
            transport.stop();
        } finally {
            Optional.ofNullable(authorizationServer.get()).ifPresent(AuthorizationServer::close);
            if (ownsStore) {
                store.close();
            }
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** The port bound; only after {@link #start()}. */
    public int port() {
        return transport.port();
    }

    /** The server's base URL, e.g. {@code http://localhost:3000}; only after {@link #start()}. */
    public URI baseUri() {
        return transport.baseUri();
    }

    /** The protected MCP endpoint's canonical URL (the token audience); only after {@link #start()}. */
    public URI mcpUrl() {
        return URI.create(authorizationServer().config().resource());
    }

    /** The engine, for inspection or for custom endpoints; only after {@link #start()}. */
    public AuthorizationServer authorizationServer() {
        return Optional.ofNullable(authorizationServer.get())
                .orElseThrow(() -> new IllegalStateException("the server has not been started"));
    }

    /**
     * Builds a {@link McpOAuthServer}. Only {@link #userChecker(UserChecker)} is required. Not thread
     * safe.
     */
    public static final class Builder {

        private final String appName;
        private ServerConfig config = ServerConfig.defaults();
        private Optional<UserChecker> userChecker = Optional.empty();
        private Optional<TokenStore> store = Optional.empty();
        private Optional<String> storeId = Optional.empty();
        private Optional<LoginHandler> loginHandler = Optional.empty();
        private Optional<String> loginId = Optional.empty();
        private Optional<String> loginTemplate = Optional.empty();
        private Optional<String> transportId = Optional.empty();
        private boolean discovery = true;
        private String version = "1.0.0";
        private Optional<String> instructions = Optional.empty();
        private final List<SyncToolSpecification> tools = new ArrayList<>();
        private final List<SyncResourceSpecification> resources = new ArrayList<>();
        private final List<SyncResourceTemplateSpecification> resourceTemplates = new ArrayList<>();
        private final List<SyncPromptSpecification> prompts = new ArrayList<>();
        private final List<SyncCompletionSpecification> completions = new ArrayList<>();
        private final Map<Class<?>, Object> components = new HashMap<>();

        private Builder(String appName) {
            this.appName = Objects.requireNonNull(appName, "appName");
        }

        /** The configuration: host, port, database, scopes, public URL, lifetimes. */
        public Builder config(ServerConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** The function that checks a username and a password: the one thing a user must supply. */
        public Builder userChecker(UserChecker userChecker) {
            this.userChecker = Optional.of(userChecker);
            return this;
        }

        /** A token store to use instead of choosing a provider; the caller keeps ownership and closes it. */
        public Builder tokenStore(TokenStore store) {
            this.store = Optional.of(store);
            return this;
        }

        /** The id of the store provider to use, e.g. {@code sqlite} or {@code redis}. */
        public Builder tokenStore(String providerId) {
            this.storeId = Optional.of(providerId);
            return this;
        }

        /** A login page to use instead of choosing a provider: the original's {@code login_handler}. */
        public Builder loginHandler(LoginHandler loginHandler) {
            this.loginHandler = Optional.of(loginHandler);
            return this;
        }

        /** The id of the login page provider to use. */
        public Builder loginHandler(String providerId) {
            this.loginId = Optional.of(providerId);
            return this;
        }

        /**
         * The HTML of the default login page: the original's {@code login_template}, with the macros
         * {@code {state}}, {@code {username}}, {@code {app_name}} and {@code {error_message}} (every
         * value HTML-escaped).
         */
        public Builder loginTemplate(String html) {
            this.loginTemplate = Optional.of(html);
            return this;
        }

        /** The id of the transport provider to use, e.g. {@code helidon}. */
        public Builder transport(String providerId) {
            this.transportId = Optional.of(providerId);
            return this;
        }

        /** Whether to discover providers with {@link java.util.ServiceLoader}; on by default. */
        public Builder providerDiscovery(boolean discovery) {
            this.discovery = discovery;
            return this;
        }

        /** The server version reported to MCP clients. */
        public Builder version(String version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** Instructions for the model, reported in {@code initialize}. */
        public Builder instructions(String instructions) {
            this.instructions = Optional.of(instructions);
            return this;
        }

        /** Adds a tool: an SDK specification, or one made with {@link McpTools#text}. */
        public Builder tool(SyncToolSpecification tool) {
            tools.add(Objects.requireNonNull(tool, "tool"));
            return this;
        }

        /** Adds a resource. */
        public Builder resource(SyncResourceSpecification resource) {
            resources.add(Objects.requireNonNull(resource, "resource"));
            return this;
        }

        /** Adds a resource template. */
        public Builder resourceTemplate(SyncResourceTemplateSpecification template) {
            resourceTemplates.add(Objects.requireNonNull(template, "template"));
            return this;
        }

        /** Adds a prompt. */
        public Builder prompt(SyncPromptSpecification prompt) {
            prompts.add(Objects.requireNonNull(prompt, "prompt"));
            return this;
        }

        /** Adds an argument completion. */
        public Builder completion(SyncCompletionSpecification completion) {
            completions.add(Objects.requireNonNull(completion, "completion"));
            return this;
        }

        /**
         * Adds a component for the transport to find through {@link TransportContext#component(Class)},
         * e.g. transport-specific settings.
         */
        public <T> Builder component(Class<T> type, T component) {
            components.put(type, type.cast(component));
            return this;
        }

        /**
         * Chooses the providers, opens the store and creates the transport.
         *
         * @return the server, not started
         * @throws IllegalStateException          when no user checker was given
         * @throws ProviderConfigurationException when a provider cannot be chosen or created
         */
        public McpOAuthServer build() {
            UserChecker checker = userChecker.orElseThrow(() -> new IllegalStateException(
                    "McpOAuthServer needs a user checker: call .userChecker((username, password) -> ...) with a "
                            + "function that returns the user's id for a right pair and Optional.empty() otherwise"));
            ProviderSelector selector = ProviderSelector.fromSystem(discovery);
            ProviderSettings settings = settings();
            TokenStore tokenStore = selector.resolve(ProviderSlot.STORE, store, storeId, p -> p.create(settings));
            try {
                LoginHandler login = selector.resolve(ProviderSlot.LOGIN, loginHandler, loginId,
                        p -> p.create(settings));
                AtomicReference<AuthorizationServer> engine = new AtomicReference<>();
                Function<ServerConfig, AuthorizationServer> engineFactory = boundConfig -> {
                    AuthorizationServer created = AuthorizationServer.builder(appName).config(boundConfig)
                            .store(tokenStore).userChecker(checker).build();
                    if (!engine.compareAndSet(null, created)) {
                        created.close();
                        throw new IllegalStateException("the transport created the authorization server twice");
                    }
                    return created;
                };
                HostedServer hosted = new HostedServer(appName, config, engineFactory, login,
                        new McpServerDefinition(appName, version, instructions, tools, resources,
                                resourceTemplates, prompts, completions));
                Map<Class<?>, Object> all = new HashMap<>(components);
                all.put(HostedServer.class, hosted);
                all.put(ServerConfig.class, config);
                Transport transport = selector.resolve(ProviderSlot.TRANSPORT, Optional.empty(), transportId,
                        p -> p.create(new Context(appName, settings, all)));
                return new McpOAuthServer(appName, tokenStore, store.isEmpty(), transport, engine);
            } catch (RuntimeException e) {
                if (store.isEmpty()) {
                    tokenStore.close();
                }
                throw e;
            }
        }

        private ProviderSettings settings() {
            Map<String, String> values = new HashMap<>(config.providerSettings().values());
            values.put("app.name", appName);
            loginTemplate.ifPresent(html -> values.put("login.template", html));
            return new ProviderSettings(values);
        }
    }

    /** The transport's view of the server. */
    private record Context(String appName, ProviderSettings settings, Map<Class<?>, Object> components)
            implements TransportContext {

        @Override
        public <T> Optional<T> component(Class<T> type) {
            return Optional.ofNullable(components.get(type)).map(type::cast);
        }
    }
}
