package dev.mcpoauth.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures the records a test expects from one logger (and its children) instead of letting them reach
 * the build log: a passing test prints no SEVERE record and no stack trace, and what it expected is
 * asserted. {@code System.Logger} and Helidon both log through {@code java.util.logging} by default.
 *
 * <pre>{@code
 * try (LogCapture log = LogCapture.of("io.helidon.webserver")) {
 *     ... provoke the failure ...
 *     assertThat(log.warnings()).anyMatch(m -> m.contains("Failed to start listener"));
 * }
 * }</pre>
 *
 * <p>While open, the logger passes nothing to its parents' handlers; closing restores that.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final boolean usedParentHandlers;
    private final Level previousLevel;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(String loggerName) {
        logger = Logger.getLogger(loggerName);
        usedParentHandlers = logger.getUseParentHandlers();
        previousLevel = logger.getLevel();
        handler.setLevel(Level.ALL);
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
        if (previousLevel == null || previousLevel.intValue() > Level.INFO.intValue()) {
            logger.setLevel(Level.INFO);
        }
    }

    /** Starts capturing the records of {@code loggerName} and the loggers below it, at INFO and above. */
    public static LogCapture of(String loggerName) {
        return new LogCapture(loggerName);
    }

    /** The raw messages (patterns, not formatted) of the records at {@code level} or above, in order. */
    public List<String> messages(Level level) {
        return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue())
                .map(LogRecord::getMessage).toList();
    }

    /**
     * The raw messages of the WARNING records and above ({@code System.Logger}'s WARNING and ERROR), in
     * order; callers need not read {@code java.util.logging} themselves.
     */
    public List<String> warnings() {
        return messages(Level.WARNING);
    }

    /** The records captured so far, in order. */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** Stops capturing; the logger logs as before. */
    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(usedParentHandlers);
        logger.setLevel(previousLevel);
    }
}
