package dev.mcpoauth.core;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Named lists of entries for {@link ServerConfig.Builder#allowedRedirectHosts}: where the MCP clients
 * people run send their users back after the login (their OAuth callbacks, as of 2026). Without an
 * allow-list every redirect URI the rules allow is accepted and these clients work anyway; a
 * deployment that wants to send codes only to clients it knows starts from these:
 *
 * <pre>{@code
 * ServerConfig.builder().allowedRedirectHosts(RedirectHostPresets.hostedClients())
 * ServerConfig.builder().allowedRedirectHosts("hosted-clients", "desktop-clients", "tools.example.com")
 * }</pre>
 *
 * <p>The names {@value #HOSTED_CLIENTS} and {@value #DESKTOP_CLIENTS} may stand in an allow-list for
 * the entries they name. Every method returns an unmodifiable set ({@link #hostedClients()} and
 * {@link #desktopClients()} in a fixed order); thread safe.
 */
public final class RedirectHostPresets {

    /** The name of {@link #hostedClients()} inside an allow-list. */
    public static final String HOSTED_CLIENTS = "hosted-clients";
    /** The name of {@link #desktopClients()} inside an allow-list. */
    public static final String DESKTOP_CLIENTS = "desktop-clients";

    private RedirectHostPresets() {
    }

    /** Claude's connectors: {@code https://claude.ai/api/mcp/auth_callback} and the same on {@code claude.com}. */
    public static Set<String> claude() {
        return Set.of("claude.ai", "claude.com");
    }

    /** ChatGPT's connectors: {@code https://chatgpt.com/connector_platform_oauth_redirect} and {@code /connector/oauth/<id>}. */
    public static Set<String> chatGpt() {
        return Set.of("chatgpt.com");
    }

    /** VS Code for the Web: {@code https://vscode.dev/redirect}; the desktop editor uses a loopback URI. */
    public static Set<String> vsCodeWeb() {
        return Set.of("vscode.dev");
    }

    /** Cursor: its private-use scheme, {@code cursor://anysphere.cursor-mcp/oauth/callback}. */
    public static Set<String> cursor() {
        return Set.of("cursor:");
    }

    /**
     * Every loopback redirect URI ({@code http://127.0.0.1:<port>/...}, {@code localhost}, {@code [::1]}):
     * Claude Code, VS Code on the desktop, the MCP Inspector and the SDK clients.
     */
    public static Set<String> loopback() {
        return Set.of("localhost");
    }

    /** The web-hosted clients: {@link #claude()}, {@link #chatGpt()} and {@link #vsCodeWeb()}. */
    public static Set<String> hostedClients() {
        return ordered(claude(), chatGpt(), vsCodeWeb());
    }

    /** The clients on the user's machine: {@link #loopback()} and {@link #cursor()}. */
    public static Set<String> desktopClients() {
        return ordered(loopback(), cursor());
    }

    /**
     * An allow-list with each preset name replaced by its entries, in order.
     *
     * @param entries host, wildcard, scheme entries and preset names
     * @return the entries without preset names
     */
    static Set<String> expand(Collection<String> entries) {
        Map<String, Set<String>> presets = Map.of(HOSTED_CLIENTS, hostedClients(), DESKTOP_CLIENTS, desktopClients());
        Set<String> result = new LinkedHashSet<>();
        for (String entry : entries) {
            result.addAll(presets.getOrDefault(entry, Set.of(entry)));
        }
        return Collections.unmodifiableSet(result);
    }

    /** The parts in order, each part's entries sorted. */
    @SafeVarargs
    private static Set<String> ordered(Set<String>... parts) {
        Set<String> result = new LinkedHashSet<>();
        for (Set<String> part : parts) {
            result.addAll(part.stream().sorted().toList());
        }
        return Collections.unmodifiableSet(result);
    }
}
