package dev.mcpoauth.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Where the benchmarks keep SQLite files: {@code benchmarks/target/bench-db}, found from the
 * location of the benchmark jar (or classes folder), so that every JMH fork agrees whatever its
 * working directory.
 */
final class BenchFiles {

    private BenchFiles() {
    }

    /** The folder for database files, created if missing. */
    static Path dbDir() {
        try {
            Path code = Path.of(BenchFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/benchmarks.jar or target/classes: either way its parent is target/.
            Path dir = code.toAbsolutePath().getParent().resolve("bench-db");
            Files.createDirectories(dir);
            return dir;
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot create the benchmark database folder", e);
        }
    }

    /** A fresh, unused file name for a database that lives for one trial. */
    static Path scratchDb(String prefix) {
        return dbDir().resolve(prefix + "-" + UUID.randomUUID() + ".db");
    }

    /** Deletes a database file with its WAL and shared-memory files. */
    static void deleteDb(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + file + suffix, e);
            }
        }
    }
}
