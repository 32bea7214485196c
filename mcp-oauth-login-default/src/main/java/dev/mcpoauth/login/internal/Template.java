package dev.mcpoauth.login.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTML template with {@code {macro}} placeholders, split once into literal text and macros so that
 * rendering is a single pass: a value is escaped and appended, never scanned again, so a username of
 * {@code {app_name}} stays that text.
 *
 * <p>Only the names in {@code macros} are placeholders; any other brace (CSS, text) is literal.
 * Immutable and thread safe.
 */
public final class Template {

    private static final Pattern STYLE = Pattern.compile("(?is)<style\\b[^>]*>(.*?)</style\\s*>");

    private final List<String> literals;
    private final List<String> names;
    private final List<String> styleHashes;

    private Template(List<String> literals, List<String> names, List<String> styleHashes) {
        this.literals = literals;
        this.names = names;
        this.styleHashes = styleHashes;
    }

    /**
     * Parses a template.
     *
     * @param html   the template text
     * @param macros the macro names (without braces) that are placeholders
     * @return the parsed template
     */
    public static Template parse(String html, Set<String> macros) {
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int literalStart = 0;
        int open = html.indexOf('{');
        while (open >= 0) {
            int close = html.indexOf('}', open + 1);
            if (close < 0) {
                break;
            }
            String name = html.substring(open + 1, close);
            if (macros.contains(name)) {
                literals.add(html.substring(literalStart, open));
                names.add(name);
                literalStart = close + 1;
                open = html.indexOf('{', literalStart);
            } else {
                open = html.indexOf('{', open + 1);
            }
        }
        literals.add(html.substring(literalStart));
        return new Template(List.copyOf(literals), List.copyOf(names), styleHashes(html, macros));
    }

    /**
     * Renders the template, HTML-escaping every value.
     *
     * @param values macro name to raw (unescaped) value; a macro without a value renders as empty text
     * @return the page
     */
    public String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder(literals.get(0).length() * 2);
        for (int i = 0; i < names.size(); i++) {
            out.append(literals.get(i)).append(Html.escape(values.getOrDefault(names.get(i), "")));
        }
        return out.append(literals.get(literals.size() - 1)).toString();
    }

    /**
     * The CSP hash sources ({@code 'sha256-...'}) of the template's inline {@code <style>} elements,
     * so that a custom template's own CSS works under a policy without {@code 'unsafe-inline'}.
     * A style element that contains a macro gets no hash: its text varies, and allowing it would
     * allow whatever a value injects into it.
     */
    public List<String> styleHashes() {
        return styleHashes;
    }

    /**
     * Inserts {@code insertion} right after the opening tag of every {@code <form>} element.
     *
     * @param html      a template
     * @param insertion the markup to insert, typically a hidden input
     * @return the template with the insertions; unchanged when it has no form
     */
    public static String afterEachFormTag(String html, String insertion) {
        StringBuilder out = new StringBuilder(html.length() + insertion.length() * 2);
        String lower = html.toLowerCase(Locale.ROOT);
        int from = 0;
        int start = nextFormTag(lower, 0);
        while (start >= 0) {
            int end = tagEnd(html, start + 5);
            if (end < 0) {
                break;
            }
            out.append(html, from, end + 1).append(insertion);
            from = end + 1;
            start = nextFormTag(lower, from);
        }
        return out.append(html, from, html.length()).toString();
    }

    /** Whether the template has at least one {@code <form>} element. */
    public static boolean hasForm(String html) {
        return nextFormTag(html.toLowerCase(Locale.ROOT), 0) >= 0;
    }

    private static int nextFormTag(String lower, int from) {
        int at = lower.indexOf("<form", from);
        while (at >= 0) {
            int next = at + 5;
            if (next < lower.length() && (Character.isWhitespace(lower.charAt(next))
                    || lower.charAt(next) == '>' || lower.charAt(next) == '/')) {
                return at;
            }
            at = lower.indexOf("<form", next);
        }
        return -1;
    }

    /** The index of the {@code >} closing a tag, skipping any inside quoted attribute values. */
    private static int tagEnd(String html, int from) {
        char quote = 0;
        for (int i = from; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return -1;
    }

    private static List<String> styleHashes(String html, Set<String> macros) {
        List<String> hashes = new ArrayList<>();
        Matcher matcher = STYLE.matcher(html);
        while (matcher.find()) {
            // Browsers hash the element's text after the parser normalised line breaks to LF.
            String css = matcher.group(1).replace("\r\n", "\n").replace('\r', '\n');
            if (macros.stream().noneMatch(m -> css.contains("{" + m + "}"))) {
                hashes.add("'sha256-" + Base64.getEncoder().encodeToString(sha256(css)) + "'");
            }
        }
        return List.copyOf(hashes);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
