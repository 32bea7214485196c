package dev.mcpoauth.login.internal;

/**
 * HTML escaping for every value the login pages echo. Written here, not taken from a library: this
 * module depends on the API only (no Helidon, whose {@code HtmlEncoder} the transport's error page
 * uses), and custom templates may put a macro in an unquoted attribute, which needs {@code `} and
 * {@code =} escaped as well.
 */
public final class Html {

    private Html() {
    }

    /**
     * Escapes text so that it is inert both in element content and inside an attribute value,
     * quoted with either quote or (for careless custom templates) not quoted at all.
     *
     * <p>Besides {@code & < > " '}, the backtick (old IE treated it as an attribute quote) and
     * {@code =} (which can start a new attribute in an unquoted value) are escaped too.
     *
     * @param text any text
     * @return the escaped text; never null
     */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            String replacement = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                case '`' -> "&#96;";
                case '=' -> "&#61;";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(text.charAt(i));
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
