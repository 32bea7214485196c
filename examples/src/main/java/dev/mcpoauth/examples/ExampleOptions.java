package dev.mcpoauth.examples;

import dev.mcpoauth.core.ServerConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The deployment settings every example takes, like any server people deploy: from the command line
 * ({@code --port 3000} or {@code --port=3000}), else from the environment, else the original's
 * defaults.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>option</th><th>environment</th><th>default</th></tr>
 *   <tr><td>--host</td><td>HOST</td><td>localhost</td></tr>
 *   <tr><td>--port</td><td>PORT</td><td>3000</td></tr>
 *   <tr><td>--public-url</td><td>PUBLIC_URL</td><td>http://{host}:{port}</td></tr>
 *   <tr><td>--db</td><td>DB_PATH</td><td>auth.db</td></tr>
 *   <tr><td>--store</td><td>MCPOAUTH_STORE</td><td>the discovered default (sqlite)</td></tr>
 *   <tr><td>--users</td><td>USERS_FILE</td><td>users.txt</td></tr>
 * </table>
 *
 * @param values the options given, by name without dashes
 */
record ExampleOptions(Map<String, String> values) {

    private static final List<String> KNOWN = List.of("host", "port", "public-url", "db", "store", "users");

    /** Reads the command line and the environment; fails with a usage message on an unknown option. */
    static ExampleOptions parse(String[] args, Map<String, String> environment) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : KNOWN) {
            String env = name.equals("store") ? "MCPOAUTH_STORE"
                    : name.equals("db") ? "DB_PATH"
                    : name.equals("users") ? "USERS_FILE"
                    : name.replace('-', '_').toUpperCase(Locale.ROOT);
            Optional.ofNullable(environment.get(env)).filter(v -> !v.isBlank()).ifPresent(v -> values.put(name, v));
        }
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String arg = rest.removeFirst();
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new IllegalArgumentException(usage());
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'\n" + usage());
            }
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(2, eq) : arg.substring(2);
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "\n" + usage());
            }
            if (eq < 0 && rest.isEmpty()) {
                throw new IllegalArgumentException("option --" + name + " needs a value\n" + usage());
            }
            values.put(name, eq > 0 ? arg.substring(eq + 1) : rest.removeFirst());
        }
        return new ExampleOptions(Map.copyOf(values));
    }

    static String usage() {
        return "options: --host HOST (env HOST, default localhost), --port PORT (env PORT, default 3000), "
                + "--public-url URL (env PUBLIC_URL), --db FILE (env DB_PATH, default auth.db), "
                + "--store ID (env MCPOAUTH_STORE: sqlite, redis, memory), --users FILE (env USERS_FILE, default users.txt)";
    }

    /** Applies host, port, public URL and database path to a configuration builder. */
    ServerConfig.Builder applyTo(ServerConfig.Builder builder) {
        Optional.ofNullable(values.get("host")).ifPresent(builder::host);
        Optional.ofNullable(values.get("port")).ifPresent(port -> builder.port(parsePort(port)));
        Optional.ofNullable(values.get("public-url")).ifPresent(builder::publicBaseUrl);
        Optional.ofNullable(values.get("db")).ifPresent(db -> builder.dbPath(Path.of(db)));
        return builder;
    }

    /** The store provider id asked for, if any. */
    Optional<String> store() {
        return Optional.ofNullable(values.get("store"));
    }

    /** The users file. */
    Path usersFile() {
        return Path.of(values.getOrDefault("users", "users.txt"));
    }

    private static int parsePort(String port) {
        try {
            return Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be a number, got '" + port + "'");
        }
    }
}
