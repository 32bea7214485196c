package dev.mcpoauth.core.internal;

import dev.mcpoauth.AuthorizationCode;
import dev.mcpoauth.LoginException;
import dev.mcpoauth.LoginFlow;
import dev.mcpoauth.LoginPrompt;
import dev.mcpoauth.PendingAuthorization;
import dev.mcpoauth.RegisteredClient;
import dev.mcpoauth.UserChecker;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The login step between {@code /authorize} and the client's redirect URI: checks the credentials
 * with the {@link UserChecker}, consumes the pending request (one completion wins) and issues a
 * single-use authorization code bound to everything the token request must match.
 */
public final class EngineLoginFlow implements LoginFlow {

    private static final String WRONG_CREDENTIALS = "Wrong username or password.";
    private static final String CHECK_FAILED = "Sign-in failed. Please try again.";
    private static final String UNKNOWN = "This sign-in request has expired or was already used. "
            + "Go back to your application and connect again.";
    private static final String THROTTLED = "Too many failed attempts. Wait a few minutes and try again.";
    private static final System.Logger LOG = System.getLogger(EngineLoginFlow.class.getName());

    private final Engine engine;
    private final UserChecker userChecker;
    private final LoginThrottle throttle;

    /** Creates the flow. */
    public EngineLoginFlow(Engine engine, UserChecker userChecker, LoginThrottle throttle) {
        this.engine = engine;
        this.userChecker = userChecker;
        this.throttle = throttle;
    }

    @Override
    public Optional<LoginPrompt> prompt(String state) {
        return pending(state).flatMap(p -> engine.store().findClient(p.clientId()).map(client ->
                new LoginPrompt(engine.appName(), client.clientId(), client.clientName(),
                        RedirectUris.displayHost(p.redirectUri()), RedirectUris.isLoopback(p.redirectUri()),
                        p.scopes())));
    }

    @Override
    public URI complete(String state, String username, String password) {
        PendingAuthorization pending = pending(state)
                .orElseThrow(() -> new LoginException(LoginException.Reason.UNKNOWN_REQUEST, UNKNOWN));
        Instant now = engine.now();
        if (throttle.isThrottled(username, now)) {
            throw new LoginException(LoginException.Reason.THROTTLED, THROTTLED);
        }
        String userId = check(username, password);
        throttle.recordSuccess(username);
        // Removal is atomic: of several completions racing for one request, exactly one gets a code.
        if (!engine.store().removePendingAuthorization(pending.idHash())) {
            throw new LoginException(LoginException.Reason.UNKNOWN_REQUEST, UNKNOWN);
        }
        RegisteredClient client = engine.store().findClient(pending.clientId())
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

    private Optional<PendingAuthorization> pending(String state) {
        if (state == null || state.isBlank()) {
            return Optional.empty();
        }
        return engine.store().findPendingAuthorization(Secrets.hash(state), engine.now());
    }

    /** The user id for the credentials, or a {@link LoginException} that does not say which part was wrong. */
    private String check(String username, String password) {
        Optional<String> userId;
        try {
            userId = userChecker.check(username, password);
        } catch (RuntimeException e) {
            // The user's code failed (a database down, a bug): refuse without counting it as a guess.
            LOG.log(System.Logger.Level.WARNING, "the UserChecker threw " + e.getClass().getName()
                    + "; treating the login as refused", e);
            throw new LoginException(LoginException.Reason.INVALID_CREDENTIALS, CHECK_FAILED);
        }
        if (userId == null || userId.filter(id -> !id.isBlank()).isEmpty()) {
            if (userId == null || userId.isPresent()) {
                LOG.log(System.Logger.Level.WARNING, "the UserChecker returned null or a blank user id; "
                        + "it must return Optional.empty() to refuse, or a non-blank id");
            }
            throttle.recordFailure(username, engine.now());
            LOG.log(System.Logger.Level.DEBUG, "login refused for a submitted username");
            throw new LoginException(LoginException.Reason.INVALID_CREDENTIALS, WRONG_CREDENTIALS);
        }
        return userId.get();
    }
}
