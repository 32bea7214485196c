package dev.mcpoauth.core;

import dev.mcpoauth.AuthorizationCode;
import dev.mcpoauth.LoginException;
import dev.mcpoauth.LoginFlow;
import dev.mcpoauth.LoginPrompt;
import dev.mcpoauth.PendingAuthorization;
import dev.mcpoauth.RegisteredClient;
import dev.mcpoauth.UserChecker;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The login step between {@code /authorize} and the client's redirect URI: checks the credentials
 * with the {@link UserChecker}, consumes the pending request (one completion wins) and issues a
 * single-use authorization code bound to everything the token request must match.
 *
 * <p><b>One failure path.</b> A wrong pair, an unknown username, a checker that throws or returns a
 * blank id: each is counted by the {@link LoginThrottle} and answered with the same message, so
 * neither the page nor the throttle tells whether a username exists. A locked username or address is
 * refused before the checker runs, with how long to wait.
 */
final class EngineLoginFlow implements LoginFlow {

    private static final String WRONG_CREDENTIALS = "Wrong username or password.";
    private static final String UNKNOWN = "This sign-in request has expired or was already used. "
            + "Go back to your application and connect again.";
    private static final String THROTTLED = "Too many failed sign-in attempts. Wait %s and try again.";
    private static final System.Logger LOG = System.getLogger(EngineLoginFlow.class.getName());

    private final Engine engine;
    private final ClientDirectory clients;
    private final UserChecker userChecker;
    private final LoginThrottle throttle;

    /** Creates the flow. */
    public EngineLoginFlow(Engine engine, ClientDirectory clients, UserChecker userChecker, LoginThrottle throttle) {
        this.engine = engine;
        this.clients = clients;
        this.userChecker = userChecker;
        this.throttle = throttle;
    }

    @Override
    public Optional<LoginPrompt> prompt(String state) {
        return pending(state).flatMap(p -> client(p.clientId()).map(client ->
                new LoginPrompt(engine.appName(), client.clientId(), client.clientName(),
                        RedirectUris.displayHost(p.redirectUri()), RedirectUris.isLoopback(p.redirectUri()),
                        p.scopes())));
    }

    @Override
    public URI complete(String state, String username, String password) {
        return complete(state, username, password, "");
    }

    @Override
    public URI complete(String state, String username, String password, String clientAddress) {
        PendingAuthorization pending = pending(state)
                .orElseThrow(() -> new LoginException(LoginException.Reason.UNKNOWN_REQUEST, UNKNOWN));
        Instant now = engine.now();
        // Locks are measured on the untruncated clock: a one-second lock must last a second.
        Instant precise = engine.clock().instant();
        Optional<Duration> wait = throttle.waitFor(username, clientAddress, precise);
        if (wait.isPresent()) {
            Duration seconds = Duration.ofSeconds(Math.max(1, (wait.get().toMillis() + 999) / 1000));
            LOG.log(System.Logger.Level.DEBUG, "login refused: the username or the address is locked for {0}", seconds);
            throw new LoginException(LoginException.Reason.THROTTLED, THROTTLED.formatted(humane(seconds)), seconds);
        }
        Optional<String> checked = check(username, password);
        if (checked.isEmpty()) {
            throttle.recordFailure(username, clientAddress, precise);
            LOG.log(System.Logger.Level.DEBUG, "login refused for a submitted username");
            throw new LoginException(LoginException.Reason.INVALID_CREDENTIALS, WRONG_CREDENTIALS);
        }
        String userId = checked.get();
        throttle.recordSuccess(username);
        // Removal is atomic: of several completions racing for one request, exactly one gets a code.
        if (!engine.store().removePendingAuthorization(pending.idHash())) {
            throw new LoginException(LoginException.Reason.UNKNOWN_REQUEST, UNKNOWN);
        }
        RegisteredClient client = client(pending.clientId())
                .orElseThrow(() -> new LoginException(LoginException.Reason.UNKNOWN_REQUEST, UNKNOWN));
        String code = Secrets.newSecret();
        engine.store().saveAuthorizationCode(new AuthorizationCode(Secrets.hash(code), Secrets.newId(),
                client.clientId(), pending.redirectUri(), pending.redirectUriExplicit(), pending.codeChallenge(),
                pending.scopes(), pending.resource(), userId, now,
                now.plus(engine.config().authorizationCodeLifetime())));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        pending.clientState().ifPresent(s -> params.put("state", s));
        params.put("iss", engine.config().issuer());
        return QueryStrings.withParams(pending.redirectUri(), params);
    }

    /** The client of a pending request; empty when it is gone, or its metadata document no longer works. */
    private Optional<RegisteredClient> client(String clientId) {
        try {
            return clients.find(clientId);
        } catch (dev.mcpoauth.OAuthException e) {
            return Optional.empty();
        }
    }

    private Optional<PendingAuthorization> pending(String state) {
        if (state == null || state.isBlank()) {
            return Optional.empty();
        }
        return engine.store().findPendingAuthorization(Secrets.hash(state), engine.now());
    }

    /**
     * The user id for the credentials, or empty for every kind of refusal. A checker that throws is
     * a refusal too, said and counted like a wrong password: a checker that throws only for unknown
     * usernames must not reveal them through a different message or an uncounted attempt.
     */
    private Optional<String> check(String username, String password) {
        Optional<String> userId;
        try {
            userId = userChecker.check(username, password);
        } catch (RuntimeException e) {
            // Only the type: the message of user code may quote what it was given, the password too.
            LOG.log(System.Logger.Level.WARNING, "the UserChecker threw {0}{1}; treating the login as refused",
                    e.getClass().getName(), e.getStackTrace().length == 0 ? "" : " at " + e.getStackTrace()[0]);
            return Optional.empty();
        }
        if (userId == null || userId.isPresent() && userId.get().isBlank()) {
            LOG.log(System.Logger.Level.WARNING, "the UserChecker returned null or a blank user id; "
                    + "it must return Optional.empty() to refuse, or a non-blank id");
            return Optional.empty();
        }
        return userId;
    }

    /** A wait as people say it: "5 seconds", "2 minutes". */
    static String humane(Duration wait) {
        long seconds = wait.toSeconds();
        if (seconds < 90) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }
}
