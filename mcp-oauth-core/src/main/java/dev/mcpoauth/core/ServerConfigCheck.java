package dev.mcpoauth.core;

import dev.mcpoauth.spi.ProviderSettings;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks behind {@link ServerConfig.Builder#build()} and the derivation of the issuer URL. */
final class ServerConfigCheck {

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?");
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~!$&()*+,;=:@%-]+)+");
    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]");
    /** Keys the engine and transport must agree on, so they cannot be overridden as free-form settings. */
    private static final Set<String> OWNED_KEYS = Set.of("host", "port", "public.base.url", "mcp.path",
            "issuer", "resource", "debug", "db.path");

    private ServerConfigCheck() {
    }

    /** Every problem of the builder's values; empty when it can be built. */
    static List<String> problems(ServerConfig.Builder b) {
        List<String> problems = new ArrayList<>();
        if (!HOST_NAME.matcher(b.host).matches() && !IPV6.matcher(b.host).matches()) {
            problems.add("host must be a host name or an IP address, but is '" + b.host + "'");
        }
        if (b.port < 0 || b.port > 65535) {
            problems.add("port must be between 0 and 65535, but is " + b.port);
        }
        if (b.dbPath.toString().isBlank()) {
            problems.add("dbPath must not be blank");
        }
        checkScopes(b.supportedScopes, "supportedScopes", problems);
        checkScopes(b.requiredScopes, "requiredScopes", problems);
        List<String> unsupported = b.requiredScopes.stream().filter(s -> !b.supportedScopes.contains(s)).toList();
        if (!unsupported.isEmpty()) {
            problems.add("requiredScopes must be a subset of supportedScopes " + b.supportedScopes
                    + ", but " + unsupported + " are not supported");
        }
        if (b.requiredScopes.contains(Scopes.OFFLINE_ACCESS)) {
            problems.add("requiredScopes must not hold offline_access: it asks for refresh tokens and grants no "
                    + "access to the MCP endpoint (MCP 2026-07-28)");
        }
        b.publicBaseUrl.ifPresent(url -> checkBaseUrl(url, problems));
        if (!PATH.matcher(b.mcpPath).matches()) {
            problems.add("mcpPath must start with '/', have no trailing slash, query or fragment, but is '"
                    + b.mcpPath + "'");
        } else if (isOAuthPath(b.mcpPath)) {
            problems.add("mcpPath must not be a path of the authorization server itself (" + OAUTH_PATHS
                    + ", or under /.well-known/ or /oauth/), but is '" + b.mcpPath + "'");
        }
        problems.addAll(DurationSettings.rangeProblems(b));
        if (b.maxClients < 1) {
            problems.add("maxClients must be positive, but is " + b.maxClients);
        }
        for (String host : b.allowedRedirectHosts) {
            if (!RedirectHosts.isValidEntry(host) && !host.equals(RedirectHostPresets.HOSTED_CLIENTS)
                    && !host.equals(RedirectHostPresets.DESKTOP_CLIENTS)) {
                problems.add("allowedRedirectHosts entries must be a host (example.com), a wildcard (*.example.com), "
                        + "a scheme (cursor:) or a preset (hosted-clients, desktop-clients), but one is '" + host + "'");
            }
        }
        b.settings.keySet().stream().filter(OWNED_KEYS::contains).forEach(key -> problems.add(
                "setting '" + key + "' is set by its own builder method, not with setting(key, value)"));
        b.settings.keySet().stream().filter(String::isBlank).findAny()
                .ifPresent(key -> problems.add("setting keys must not be blank"));
        return problems;
    }

    /** The issuer: the public base URL without trailing slash, else {@code http://host:port}. */
    static String issuer(String host, int port, Optional<URI> publicBaseUrl) {
        if (publicBaseUrl.isPresent()) {
            String url = publicBaseUrl.get().toString();
            while (url.endsWith("/")) {
                url = url.substring(0, url.length() - 1);
            }
            return url;
        }
        String shown = WILDCARDS.contains(host) ? "localhost" : host;
        if (shown.contains(":") && !shown.startsWith("[")) {
            shown = "[" + shown + "]";
        }
        return "http://" + shown.toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** The provider settings of {@link ServerConfig#providerSettings(Map, Map)}: defaults, environment, properties, explicit values, owned keys. */
    static ProviderSettings providerSettings(ServerConfig config, boolean dbPathExplicit,
                                             Map<String, String> systemProperties, Map<String, String> environment) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("db.path", config.dbPath().toString());
        values.putAll(layered(config.settings(), systemProperties, environment));
        if (dbPathExplicit) {
            // The builder's path wins over the environment and system properties (settings() never holds db.path).
            values.put("db.path", config.dbPath().toString());
        }
        // Keys the engine and the transport must agree on always come from the configuration.
        values.put("host", config.host());
        values.put("port", Integer.toString(config.port()));
        config.publicBaseUrl().ifPresentOrElse(url -> values.put("public.base.url", url.toString()),
                () -> values.remove("public.base.url"));
        values.put("mcp.path", config.mcpPath());
        values.put("issuer", config.issuer());
        values.put("resource", config.resource());
        values.put("debug", Boolean.toString(config.debug()));
        return new ProviderSettings(values);
    }

    /**
     * The settings by precedence: {@code settings} (given to the builder) over the system property
     * {@code mcpoauth.<key>} over the environment variable {@code MCPOAUTH_<KEY>} (dots as underscores).
     */
    static Map<String, String> layered(Map<String, String> settings, Map<String, String> systemProperties,
                                       Map<String, String> environment) {
        Map<String, String> values = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("MCPOAUTH_") && name.length() > "MCPOAUTH_".length()) {
                values.put(name.substring("MCPOAUTH_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        systemProperties.forEach((name, value) -> {
            if (name.startsWith("mcpoauth.") && name.length() > "mcpoauth.".length()) {
                values.put(name.substring("mcpoauth.".length()), value);
            }
        });
        values.putAll(settings);
        return values;
    }

    /** A snapshot of {@link System#getProperties()} as strings. */
    static Map<String, String> systemProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        System.getProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
        return properties;
    }

    /** An unmodifiable, ordered, duplicate-free copy. */
    static Set<String> orderedCopy(Collection<String> values) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    private static void checkScopes(List<String> scopes, String name, List<String> problems) {
        for (String scope : scopes) {
            if (!Scopes.isValidToken(scope)) {
                problems.add(name + " must hold RFC 6749 scope tokens (printable ASCII, no space, quote or "
                        + "backslash), but holds '" + scope + "'");
            }
        }
    }

    private static void checkBaseUrl(URI url, List<String> problems) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            problems.add("publicBaseUrl must be an absolute http or https URL with a host, but is '" + url + "'");
        } else if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            problems.add("publicBaseUrl must have no query, fragment or user info, but is '" + url + "'");
        }
    }

    /** The exact paths the authorization server serves; its discovery and login pages live under prefixes. */
    private static final List<String> OAUTH_PATHS = List.of(Metadata.AUTHORIZE, Metadata.TOKEN, Metadata.REGISTER,
            Metadata.REVOKE, Metadata.INTROSPECT, Metadata.JWKS);

    private static boolean isOAuthPath(String path) {
        return OAUTH_PATHS.contains(path) || path.startsWith("/.well-known/") || path.startsWith("/oauth/");
    }
}
