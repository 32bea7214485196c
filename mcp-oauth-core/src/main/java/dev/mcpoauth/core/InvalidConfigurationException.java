package dev.mcpoauth.core;

import java.util.List;

/**
 * A {@link ServerConfig} cannot be built: thrown once, listing every problem found, so that a user
 * fixes them all in one go.
 */
public final class InvalidConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The problems; never empty. */
    private final transient List<String> problems;

    /**
     * Creates the exception.
     *
     * @param problems what is wrong, one sentence each; at least one
     */
    public InvalidConfigurationException(List<String> problems) {
        super("invalid server configuration:\n  - " + String.join("\n  - ", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid configuration needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one sentence each, in the order the settings are documented. */
    public List<String> problems() {
        return problems;
    }
}
