package dev.mcpoauth.store.sqlite;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The second JVM of {@link CrossProcessRaceTest}. Arguments: database file, threads, rounds.
 *
 * <p>Protocol on stdin/stdout, per round {@code k}: park the threads, print {@code parked k}, wait
 * for {@code go k}, open the gate, print {@code started k}, and when the threads are done print
 * {@code done k <result>} (see {@link Racer.Result#encode()}).
 */
public final class RaceProcess {

    private RaceProcess() {
    }

    /**
     * Runs the child side of the race.
     *
     * @param args file, threads, rounds
     * @throws Exception on any failure, which the parent sees as a non-zero exit
     */
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[2]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (SqliteTokenStore store = SqliteTokenStore.open(Path.of(args[0]));
             Racer racer = new Racer(store, "child-", Integer.parseInt(args[1]))) {
            for (int k = 0; k < rounds; k++) {
                Racer.Round round = racer.prepare(k);
                say("parked " + k);
                String line = in.readLine();
                if (!("go " + k).equals(line)) {
                    throw new IllegalStateException("expected go " + k + " but read " + line);
                }
                round.release();
                say("started " + k);
                say("done " + k + " " + round.finish().encode());
            }
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
