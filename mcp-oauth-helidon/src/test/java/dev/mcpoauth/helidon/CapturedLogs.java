package dev.mcpoauth.helidon;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Every log record published anywhere (our {@code System.Logger}s and Helidon's, through
 * java.util.logging) while it is open, at every level; the console keeps showing only what it showed
 * before. Close it to detach.
 */
final class CapturedLogs extends Handler implements AutoCloseable {

    private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
    private final Logger root = Logger.getLogger("");
    private final Level rootLevel = root.getLevel();

    private CapturedLogs() {
        setLevel(Level.ALL);
    }

    /** Starts capturing at {@code level} and above. */
    static CapturedLogs start(Level level) {
        CapturedLogs capture = new CapturedLogs();
        capture.setLevel(level);
        capture.root.addHandler(capture);
        if (level.intValue() < capture.rootLevel.intValue()) {
            // The console handler keeps its own level (INFO), so the build output does not grow.
            capture.root.setLevel(level);
        }
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            records.add(record);
        }
    }

    /** What was captured so far. */
    List<LogRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    /**
     * What an operator would read as a server fault: records at WARNING or above, and records at INFO or
     * above that carry a stack trace. (Helidon traces every closed connection with its cause at FINER,
     * a level nobody runs in production; those are not faults.)
     */
    List<String> faults() {
        return records().stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()
                        || r.getLevel().intValue() >= Level.INFO.intValue() && r.getThrown() != null)
                .map(CapturedLogs::render).toList();
    }

    /**
     * What must never follow a client's request, whatever it sent: SEVERE records, and records at INFO or
     * above with a stack trace. (WARNING alone may be an audit line, e.g. a replayed authorization code.)
     */
    List<String> errors() {
        return records().stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()
                        || r.getLevel().intValue() >= Level.INFO.intValue() && r.getThrown() != null)
                .map(CapturedLogs::render).toList();
    }

    /** A record as the console would print it, with its stack trace if any. */
    static String render(LogRecord record) {
        StringBuilder text = new StringBuilder(new SimpleFormatter().format(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text.append(trace);
        }
        return text.toString();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        root.setLevel(rootLevel);
    }
}
