package dev.tastebot.measure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tastebot.cli.CommandHandler;
import dev.tastebot.cli.ExitCode;
import dev.tastebot.cli.ParsedCommand;
import dev.tastebot.store.Database;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code tastebot bench-load}: the bot under a public server's load. Simulated users (see
 * {@link LoadSimulation}) send commands and reactions through the platform-neutral core and the
 * users' lanes, wired as for a real run, over a fresh database with a synthetic catalogue; in the
 * second half one abusive user floods it. It prints throughput and latency per kind of event, for
 * normal users before and during the flood, then checks that every stored rating is what the
 * events that reached the core make it (no rating lost, none doubled, no one's rating changed by
 * someone else) and that the abusive user was limited. Prints figures, never judges them; the
 * invariants are the exception, and a violation is exit code 1.
 */
public final class BenchLoadCommand implements CommandHandler {
    public static final String USERS = "users";
    public static final String SECONDS = "seconds";
    public static final String RATE = "rate";
    public static final String SEED = "seed";
    public static final String JSON = "json";

    private static final String NAME = "tastebot bench-load";
    /** Enough songs that a thousand users rating for minutes never run out. */
    private static final int CATALOGUE = 5_000;
    /** Well beyond what a person sends: the abusive user, when flooding. */
    private static final double FLOOD_RATE = 100;
    private static final List<LoadSimulation.Phase> MEASURED = List.of(LoadSimulation.Phase.NORMAL, LoadSimulation.Phase.FLOOD);

    private final LoadTarget.Factory bot;
    private final Clock clock;

    public BenchLoadCommand(LoadTarget.Factory bot, Clock clock) {
        this.bot = bot;
        this.clock = clock;
    }

    @Override
    public int run(ParsedCommand command, PrintStream out, PrintStream err) {
        LoadSimulation.Options options = new LoadSimulation.Options(command.wholeNumber(USERS).orElse(1_000),
                Duration.ofSeconds(command.wholeNumber(SECONDS).orElse(60)), command.wholeNumber(RATE).orElse(200),
                FLOOD_RATE, command.wholeNumber(SEED).orElse(42));
        boolean json = command.isSet(JSON);
        Result[] result = new Result[1];
        BenchDatabase.inTemporaryFile("bench-load", file -> result[0] = bench(options, file, err));
        out.print(json ? json(options, result[0]) : table(options, result[0]));
        return result[0].violations().isEmpty() ? ExitCode.OK.code() : ExitCode.FAILURE.code();
    }

    /** What was measured, and what the database said afterwards. */
    record Result(LoadSimulation.Outcome outcome, int ratingsChecked, List<String> violations) {
    }

    private Result bench(LoadSimulation.Options options, Path file, PrintStream err) {
        err.printf(Locale.ROOT, "%s: writing a catalogue of %,d songs...%n", NAME, CATALOGUE);
        List<String> catalogue;
        try (Database database = Database.open(file)) {
            catalogue = SyntheticPopulation.writeCatalogue(database, CATALOGUE, options.seed(), clock.instant());
        }
        LoadTarget target = bot.open(file);
        LoadSimulation.Outcome outcome;
        try {
            err.printf(Locale.ROOT, "%s: %,d users, %.0f events/s for %d s; one user floods at %.0f events/s in the "
                    + "second half%n", NAME, options.users(), options.rate(), options.duration().toSeconds(), options.floodRate());
            outcome = new LoadSimulation(target.chat(), target.lanes(), catalogue, options)
                    .run(seconds -> err.printf(Locale.ROOT, "%s: %d s sent%n", NAME, seconds));
        } finally {
            target.close().run();
        }
        return check(outcome, file);
    }

    /** Every user's stored ratings and history against the replay of the events the core applied. */
    static Result check(LoadSimulation.Outcome outcome, Path file) {
        Map<String, Map<String, Boolean>> stored = new HashMap<>();
        Map<String, Map<String, Integer>> history = new HashMap<>();
        try (Database database = Database.open(file)) {
            database.withConnection(c -> {
                try (PreparedStatement select = c.prepareStatement(
                        "SELECT user_id, track_id, liked FROM ratings WHERE user_id LIKE ?")) {
                    select.setString(1, LoadSimulation.PLATFORM + ":%");
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            stored.computeIfAbsent(rows.getString(1), u -> new HashMap<>()).put(rows.getString(2), rows.getInt(3) == 1);
                        }
                    }
                }
                try (PreparedStatement select = c.prepareStatement(
                        "SELECT user_id, track_id, COUNT(*) FROM rating_history WHERE user_id LIKE ? GROUP BY user_id, track_id")) {
                    select.setString(1, LoadSimulation.PLATFORM + ":%");
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            history.computeIfAbsent(rows.getString(1), u -> new HashMap<>()).put(rows.getString(2), rows.getInt(3));
                        }
                    }
                }
                return null;
            });
        }
        List<String> violations = new ArrayList<>(outcome.problems());
        int checked = 0;
        for (Map.Entry<String, List<RatingReplay.Applied>> user : outcome.applied().entrySet()) {
            RatingReplay replay = new RatingReplay();
            user.getValue().forEach(replay::apply);
            Map<String, Boolean> expected = replay.ratings();
            Map<String, Boolean> actual = stored.getOrDefault(user.getKey(), Map.of());
            checked += expected.size();
            if (!expected.equals(actual)) {
                violations.add(user.getKey() + ": stored ratings differ from the events delivered: " + difference(expected, actual));
            }
            Map<String, Integer> changes = replay.changes();
            Map<String, Integer> entries = history.getOrDefault(user.getKey(), Map.of());
            if (!changes.equals(entries)) {
                violations.add(user.getKey() + ": rating history differs from the changes delivered: " + difference(changes, entries));
            }
        }
        if (outcome.abuserEvents() > 0 && outcome.abuserLimited() == 0) {
            violations.add("the abusive user sent " + outcome.abuserEvents() + " events and was never limited");
        }
        return new Result(outcome, checked, violations);
    }

    private static <V> String difference(Map<String, V> expected, Map<String, V> actual) {
        List<String> lines = new ArrayList<>();
        expected.forEach((key, value) -> {
            if (!value.equals(actual.get(key))) {
                lines.add(key + " expected " + value + " stored " + actual.get(key));
            }
        });
        actual.forEach((key, value) -> {
            if (!expected.containsKey(key)) {
                lines.add(key + " expected nothing, stored " + value);
            }
        });
        return String.join("; ", lines.subList(0, Math.min(3, lines.size())));
    }

    private static String table(LoadSimulation.Options options, Result result) {
        LoadSimulation.Outcome outcome = result.outcome();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s: %,d users, %.0f events/s asked for %d s, seed %d; one user floods at "
                        + "%.0f events/s in the second half%n", NAME, options.users(), options.rate(),
                options.duration().toSeconds(), options.seed(), options.floodRate()));
        text.append(String.format(Locale.ROOT, "events %,d sent, %,d answered, %.1f a second over %.1f s (the drain "
                        + "included); %,d refused or limited (%,d of them the flooder's, who sent %,d); %,d failed%n",
                outcome.events(), outcome.completed(), throughput(outcome), outcome.elapsed().toMillis() / 1e3,
                outcome.limited(), outcome.abuserLimited(), outcome.abuserEvents(), outcome.failed()));
        text.append("latency of normal users' events, from when each was due to when the core had answered; flood: while one user floods:\n");
        text.append(String.format(Locale.ROOT, "%-12s %-7s %8s %9s %9s %9s %9s%n", "event", "phase", "count", "median",
                "p95", "p99", "max"));
        for (LoadSimulation.Kind kind : LoadSimulation.Kind.values()) {
            for (LoadSimulation.Phase phase : MEASURED) {
                row(text, kind.key, phase.name().toLowerCase(Locale.ROOT),
                        new Latencies(outcome.latencyNanos().get(phase).get(kind)));
            }
        }
        text.append(String.format(Locale.ROOT, "(the first %,d events were the warm-up, not counted above)%n",
                outcome.latencyNanos().get(LoadSimulation.Phase.WARM_UP).values().stream().mapToInt(n -> n.length).sum()));
        text.append(String.format(Locale.ROOT, "invariants: %,d ratings of %,d users checked against the events "
                + "delivered: %d violations%n", result.ratingsChecked(), outcome.applied().size(), result.violations().size()));
        result.violations().stream().limit(10).forEach(v -> text.append("  ").append(v).append('\n'));
        return text.toString();
    }

    private static void row(StringBuilder text, String kind, String phase, Latencies latencies) {
        text.append(String.format(Locale.ROOT, "%-12s %-7s %8d %7.1f ms %6.1f ms %6.1f ms %6.1f ms%n", kind, phase,
                latencies.count(), latencies.millis(50), latencies.millis(95), latencies.millis(99), latencies.millis(100)));
    }

    private static double throughput(LoadSimulation.Outcome outcome) {
        return outcome.completed() / (outcome.elapsed().toNanos() / 1e9);
    }

    static String json(LoadSimulation.Options options, Result result) {
        LoadSimulation.Outcome outcome = result.outcome();
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("users", options.users());
        root.put("seconds", options.duration().toSeconds());
        root.put("rate", options.rate());
        root.put("seed", options.seed());
        root.put("events", outcome.events());
        root.put("answered", outcome.completed());
        root.put("throughput_per_s", round(throughput(outcome)));
        Map<LoadSimulation.Kind, long[]> all = new HashMap<>();
        for (LoadSimulation.Kind kind : LoadSimulation.Kind.values()) {
            long[] normal = outcome.latencyNanos().get(LoadSimulation.Phase.NORMAL).get(kind);
            long[] flood = outcome.latencyNanos().get(LoadSimulation.Phase.FLOOD).get(kind);
            long[] both = java.util.Arrays.copyOf(normal, normal.length + flood.length);
            System.arraycopy(flood, 0, both, normal.length, flood.length);
            all.put(kind, both);
        }
        for (int percentile : new int[] {50, 95, 99}) {
            ObjectNode byKind = root.putObject("p" + percentile + "_ms");
            all.forEach((kind, nanos) -> byKind.put(kind.key, round(new Latencies(nanos).millis(percentile))));
        }
        ObjectNode phases = root.putObject("phases");
        for (LoadSimulation.Phase phase : MEASURED) {
            ObjectNode node = phases.putObject(phase.name().toLowerCase(Locale.ROOT));
            for (int percentile : new int[] {50, 95, 99}) {
                ObjectNode byKind = node.putObject("p" + percentile + "_ms");
                outcome.latencyNanos().get(phase).forEach((kind, nanos) ->
                        byKind.put(kind.key, round(new Latencies(nanos).millis(percentile))));
            }
        }
        root.put("failed", outcome.failed());
        root.put("limited_events", outcome.limited());
        root.put("flooder_events", outcome.abuserEvents());
        root.put("flooder_limited", outcome.abuserLimited());
        root.put("ratings_checked", result.ratingsChecked());
        root.put("violations", result.violations().size());
        result.violations().stream().limit(10).forEach(root.putArray("violation_examples")::add);
        return root.toPrettyString() + "\n";
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
