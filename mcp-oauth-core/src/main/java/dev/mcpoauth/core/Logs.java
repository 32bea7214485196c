package dev.mcpoauth.core;

/** Makes values a client chose safe to put in a log line. */
final class Logs {

    private static final int MAX = 120;

    private Logs() {
    }

    /**
     * A client-chosen value for a log message: control characters (which could forge log lines) are
     * replaced with {@code ?}, and the value is cut to {@value #MAX} characters.
     *
     * @param value any text
     * @return the text, quoted
     */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX) + 3).append('\'');
        for (int i = 0; i < value.length() && i < MAX; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR ? '?' : c);
        }
        return out.append(value.length() > MAX ? "...'" : "'").toString();
    }
}
