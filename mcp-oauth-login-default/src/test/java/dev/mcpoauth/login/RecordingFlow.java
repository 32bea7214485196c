package dev.mcpoauth.login;

import dev.mcpoauth.LoginException;
import dev.mcpoauth.LoginFlow;
import dev.mcpoauth.LoginPrompt;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The engine's side of the login page, played by the test: known prompts, a fixed outcome, recorded calls. */
final class RecordingFlow implements LoginFlow {

    static final URI REDIRECT = URI.create("https://client.example/callback?code=abc&state=xyz&iss=http%3A%2F%2Flocalhost%3A3000");

    /** One call of {@link #complete}; the address is empty when the three-argument form was called. */
    record Completion(String state, String username, String password, String address) {
    }

    private final Map<String, LoginPrompt> prompts = new ConcurrentHashMap<>();
    private final List<Completion> completions = new ArrayList<>();
    private Optional<RuntimeException> failure = Optional.empty();

    /** A flow that knows one pending request. */
    static RecordingFlow knowing(String state) {
        return new RecordingFlow().with(state, prompt("Example Client", "client.example", false,
                new java.util.LinkedHashSet<>(List.of("read", "write"))));
    }

    static LoginPrompt prompt(String clientName, String host, boolean local, Set<String> scopes) {
        return new LoginPrompt("Demo App", "client-123", Optional.of(clientName), host, local, scopes);
    }

    RecordingFlow with(String state, LoginPrompt prompt) {
        prompts.put(state, prompt);
        return this;
    }

    /** Every completion fails with this reason and message. */
    RecordingFlow failing(LoginException.Reason reason, String message) {
        return failing(new LoginException(reason, message));
    }

    RecordingFlow failing(RuntimeException e) {
        failure = Optional.of(e);
        return this;
    }

    synchronized List<Completion> completions() {
        return List.copyOf(completions);
    }

    @Override
    public Optional<LoginPrompt> prompt(String state) {
        return Optional.ofNullable(prompts.get(state));
    }

    @Override
    public URI complete(String state, String username, String password) {
        return complete(state, username, password, "");
    }

    @Override
    public synchronized URI complete(String state, String username, String password, String address) {
        completions.add(new Completion(state, username, password, address));
        if (failure.isPresent()) {
            throw failure.get();
        }
        if (!prompts.containsKey(state)) {
            throw new LoginException(LoginException.Reason.UNKNOWN_REQUEST, "This sign-in request has expired.");
        }
        return REDIRECT;
    }
}
