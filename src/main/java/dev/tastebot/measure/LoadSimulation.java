package dev.tastebot.measure;

import dev.tastebot.chat.ChatCommand;
import dev.tastebot.chat.ChatService;
import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.Reaction;
import dev.tastebot.chat.Reply;
import dev.tastebot.chat.UserLanes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Simulated chat users sending a realistic mix of commands and reactions to the bot, as an adapter
 * hands them over: each event goes into its user's lane from one thread, in the order the user
 * made it, and the core runs it on a virtual thread. The events come on a fixed schedule (open
 * loop), so a slow bot shows as latency instead of slowing the load down; an event's latency runs
 * from when it was due to when the core had answered it.
 *
 * <p>A normal user rates the song in front of them and gets the next, sometimes switches 👍 to 👎
 * the way Discord reports it ("add 👎, remove 👍"), changes their mind back, takes a rating back,
 * has a reaction delivered twice, asks {@code /will-i-like}, {@code /stats}, imports a library
 * export, or asks to {@code /retrain}. In the second half, one abusive user floods the bot with
 * all of that and with reactions under other users' songs. Every event the core applied is
 * remembered in the order it ran, for {@link RatingReplay} to say what the database must hold.
 */
final class LoadSimulation {
    static final String PLATFORM = "load";
    /** How long the events still on their way at the end may take before they count as lost. */
    private static final Duration DRAIN = Duration.ofSeconds(60);
    private static final int RECENT_CARDS = 4;
    private static final int SONGS_PER_IMPORT = 20;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** What an event was, for its latency. */
    enum Kind {
        REACTION("reaction"), RATE("rate"), WILL_I_LIKE("will_i_like"), STATS("stats"), IMPORT("import"),
        RETRAIN("retrain");

        final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    /**
     * The first half has normal users only, its first sixth (at most 10 s) a warm-up while the JVM
     * compiles what the load needs, timed but not counted; the abusive user floods in the second half.
     */
    enum Phase { WARM_UP, NORMAL, FLOOD }

    /**
     * @param users simulated normal users
     * @param duration how long events are sent
     * @param rate normal users' events per second, all together
     * @param floodRate the abusive user's events per second, in the second half
     */
    record Options(int users, Duration duration, double rate, double floodRate, long seed) {
    }

    /** Everything measured, and the events the core applied, per user, in the order they ran. */
    record Outcome(Map<Phase, Map<Kind, long[]>> latencyNanos, Map<Kind, long[]> abuserLatencyNanos, long events,
                   long completed, long lost, long failed, long limited, long abuserEvents, long abuserLimited,
                   Duration elapsed, Map<String, List<RatingReplay.Applied>> applied, List<String> problems) {
    }

    private final ChatService chat;
    private final UserLanes lanes;
    private final List<String> catalogue;
    private final Options options;
    private final SplittableRandom random;
    private final List<SimulatedUser> users = new ArrayList<>();
    private final SimulatedUser abuser;
    private final AtomicLong messageIds = new AtomicLong();
    private final Map<Phase, Map<Kind, ConcurrentLinkedQueue<Long>>> latencies = new EnumMap<>(Phase.class);
    private final Map<Kind, ConcurrentLinkedQueue<Long>> abuserLatencies = new EnumMap<>(Kind.class);
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> pending = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong limited = new AtomicLong();
    private final AtomicLong abuserEvents = new AtomicLong();
    private final AtomicLong abuserLimited = new AtomicLong();

    LoadSimulation(ChatService chat, UserLanes lanes, List<String> catalogue, Options options) {
        this.chat = chat;
        this.lanes = lanes;
        this.catalogue = List.copyOf(catalogue);
        this.options = options;
        this.random = new SplittableRandom(options.seed());
        for (int i = 0; i < options.users(); i++) {
            users.add(new SimulatedUser(new ChatUser(PLATFORM, String.valueOf(1_000_000 + i), "listener " + i)));
        }
        this.abuser = new SimulatedUser(new ChatUser(PLATFORM, "666", "flooder"));
        for (Phase phase : Phase.values()) {
            Map<Kind, ConcurrentLinkedQueue<Long>> byKind = new EnumMap<>(Kind.class);
            for (Kind kind : Kind.values()) {
                byKind.put(kind, new ConcurrentLinkedQueue<>());
            }
            latencies.put(phase, byKind);
        }
        for (Kind kind : Kind.values()) {
            abuserLatencies.put(kind, new ConcurrentLinkedQueue<>());
        }
    }

    /** @param progress hears the seconds sent so far, every ten */
    Outcome run(IntConsumer progress) {
        long start = System.nanoTime();
        long end = start + options.duration().toNanos();
        long floodFrom = start + options.duration().toNanos() / 2;
        long warmUntil = start + Math.min(Duration.ofSeconds(10).toNanos(), options.duration().toNanos() / 6);
        Thread flooder = Thread.ofPlatform().name("bench-load-flooder").start(() -> flood(floodFrom, end));
        long interval = Math.round(1e9 / options.rate());
        long due = start;
        int reported = 0;
        while (due < end) {
            sleepUntil(due);
            Phase phase = due < warmUntil ? Phase.WARM_UP : due < floodFrom ? Phase.NORMAL : Phase.FLOOD;
            due += interval * normalEvent(pickIdleUser(), due, phase);
            int seconds = (int) ((System.nanoTime() - start) / 1_000_000_000L);
            if (seconds / 10 > reported) {
                reported = seconds / 10;
                progress.accept(seconds);
            }
        }
        joinQuietly(flooder);
        long lost = drain();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Map<String, List<RatingReplay.Applied>> applied = new ConcurrentHashMap<>();
        for (SimulatedUser user : allUsers()) {
            applied.put(user.chatUser.userId(), List.copyOf(user.applied));
        }
        long completed = events.get() - lost;
        return new Outcome(snapshot(latencies), flatten(abuserLatencies), events.get(), completed, lost, failed.get(),
                limited.get(), abuserEvents.get(), abuserLimited.get(), elapsed, applied, List.copyOf(problems));
    }

    private List<SimulatedUser> allUsers() {
        List<SimulatedUser> all = new ArrayList<>(users);
        all.add(abuser);
        return all;
    }

    /** A user with nothing on its way, as people wait for an answer before they act again; any user if none. */
    private SimulatedUser pickIdleUser() {
        for (int tries = 0; tries < 20; tries++) {
            SimulatedUser user = users.get(random.nextInt(users.size()));
            if (user.inFlight.get() == 0) {
                return user;
            }
        }
        return users.get(random.nextInt(users.size()));
    }

    /** Sends one action of a normal user; returns how many events it took (a switch is two). */
    private int normalEvent(SimulatedUser user, long due, Phase phase) {
        Optional<Card> card = user.currentCard();
        double roll = random.nextDouble();
        if (card.isEmpty() || roll < 0.08) {
            command(user, Kind.RATE, new ChatCommand.Rate(), due, phase);
            return 1;
        }
        if (roll < 0.68) {
            return reactions(user, pickCard(user), due, phase, random);
        }
        if (roll < 0.83) {
            command(user, Kind.WILL_I_LIKE, new ChatCommand.WillILike(query(random)), due, phase);
        } else if (roll < 0.95) {
            command(user, Kind.STATS, new ChatCommand.Stats(), due, phase);
        } else if (roll < 0.975) {
            importLibrary(user, due, phase, random);
        } else {
            command(user, Kind.RETRAIN, new ChatCommand.Retrain(Optional.empty()), due, phase);
        }
        return 1;
    }

    /** Mostly the song in front of them; now and then one shown a little earlier. */
    private Card pickCard(SimulatedUser user) {
        List<Card> recent = user.recentCards();
        return random.nextDouble() < 0.85 ? recent.getLast() : recent.get(random.nextInt(recent.size()));
    }

    /** What a person does to a song's reactions, as the platform reports it; returns the events sent. */
    private int reactions(SimulatedUser user, Card card, long due, Phase phase, SplittableRandom random) {
        synchronized (card) {
            boolean liked = random.nextDouble() < 0.6;
            if (card.shown.isEmpty()) {
                if (random.nextDouble() < 0.05) { // delivered twice, as gateways sometimes do
                    react(user, card, liked, true, due, phase);
                    react(user, card, liked, true, due, phase);
                    return 2;
                }
                react(user, card, liked, true, due, phase);
                return 1;
            }
            boolean showing = card.shown.getLast();
            double roll = random.nextDouble();
            if (roll < 0.5) { // switch: Discord adds the new one before it removes the old
                react(user, card, !showing, true, due, phase);
                react(user, card, showing, false, due, phase);
                return 2;
            }
            if (roll < 0.75) { // changes their mind back: adds the other, then takes it off again
                react(user, card, !showing, true, due, phase);
                react(user, card, !showing, false, due, phase);
                return 2;
            }
            // takes the rating back right after giving it
            react(user, card, showing, false, due, phase);
            return 1;
        }
    }

    private void react(SimulatedUser user, Card card, boolean liked, boolean added, long due, Phase phase) {
        // The platform's state changes when the person clicks, whatever the bot makes of it.
        card.shown.remove(liked);
        if (added) {
            card.shown.add(liked);
        }
        Reaction reaction = liked ? Reaction.LIKE : Reaction.DISLIKE;
        submit(user, Kind.REACTION, due, phase, () -> {
            List<Reply> replies = chat.reacted(PLATFORM, card.messageId, user.chatUser, reaction, added);
            if (card.owner == user) {
                user.applied.add(new RatingReplay.Reacted(card.qualifiedId(), card.trackId, liked, added));
            }
            register(user, replies);
            notSaved(replies);
        });
    }

    private void command(SimulatedUser user, Kind kind, ChatCommand command, long due, Phase phase) {
        submit(user, kind, due, phase, () -> {
            List<Reply> replies = chat.handle(user.chatUser, command);
            if (isLimited(replies)) {
                countLimited(user);
            }
            register(user, replies);
        });
    }

    private void importLibrary(SimulatedUser user, long due, Phase phase, SplittableRandom random) {
        List<String> trackIds = new ArrayList<>();
        StringBuilder json = new StringBuilder("{\"tracks\": [");
        for (int i = 0; i < SONGS_PER_IMPORT; i++) {
            String id = spotifyId(random);
            trackIds.add(id);
            json.append(i == 0 ? "" : ",").append("{\"artist\": \"Imported artist ").append(random.nextInt(500))
                    .append("\", \"album\": \"An album\", \"track\": \"Imported song ").append(id)
                    .append("\", \"uri\": \"spotify:track:").append(id).append("\"}");
        }
        byte[] file = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        submit(user, Kind.IMPORT, due, phase, () -> {
            List<Reply> replies = chat.handle(user.chatUser, new ChatCommand.Import("YourLibrary.json", file));
            if (text(replies).startsWith("Imported ")) {
                user.applied.add(new RatingReplay.Imported(trackIds));
            } else if (isLimited(replies)) {
                countLimited(user);
            }
        });
    }

    /** The second half's abusive user: everything at once, and reactions under other people's songs. */
    private void flood(long from, long end) {
        sleepUntil(from);
        SplittableRandom own = new SplittableRandom(options.seed() + 1);
        long interval = Math.round(1e9 / options.floodRate());
        long due = from;
        while (due < end) {
            sleepUntil(due);
            double roll = own.nextDouble();
            if (roll < 0.4) {
                SimulatedUser victim = users.get(own.nextInt(users.size()));
                Optional<Card> card = victim.currentCard();
                if (card.isPresent()) {
                    Reaction reaction = own.nextBoolean() ? Reaction.LIKE : Reaction.DISLIKE;
                    boolean added = own.nextDouble() < 0.7;
                    submit(abuser, Kind.REACTION, due, Phase.FLOOD,
                            () -> chat.reacted(PLATFORM, card.get().messageId, abuser.chatUser, reaction, added));
                }
            } else if (roll < 0.55) {
                command(abuser, Kind.RETRAIN, new ChatCommand.Retrain(Optional.empty()), due, Phase.FLOOD);
            } else if (roll < 0.65) {
                importLibrary(abuser, due, Phase.FLOOD, own);
            } else if (roll < 0.8) {
                command(abuser, Kind.WILL_I_LIKE, new ChatCommand.WillILike(query(own)), due, Phase.FLOOD);
            } else if (roll < 0.9) {
                command(abuser, Kind.RATE, new ChatCommand.Rate(), due, Phase.FLOOD);
            } else {
                long now = due;
                abuser.currentCard().ifPresentOrElse(card -> reactions(abuser, card, now, Phase.FLOOD, own),
                        () -> command(abuser, Kind.STATS, new ChatCommand.Stats(), now, Phase.FLOOD));
            }
            due += interval;
        }
    }

    /** Hands the event to the user's lane, on this thread, in the user's order, and times it. */
    private void submit(SimulatedUser user, Kind kind, long due, Phase phase, Runnable task) {
        events.incrementAndGet();
        if (user == abuser) {
            abuserEvents.incrementAndGet();
        }
        user.inFlight.incrementAndGet();
        CompletableFuture<Void> done = lanes.submit(user.chatUser, kind.key + " of " + user.chatUser.userId(), task);
        pending.add(done);
        done.whenComplete((ignored, failure) -> {
            user.inFlight.decrementAndGet();
            long nanos = System.nanoTime() - due;
            if (failure instanceof UserLanes.Refused) {
                countLimited(user);
                return;
            }
            if (failure != null) {
                failed.incrementAndGet();
                problem(kind.key + " of " + user.chatUser.userId() + " failed: " + failure);
                return;
            }
            (user == abuser ? abuserLatencies : latencies.get(phase)).get(kind).add(nanos);
        });
    }

    /** Registers the song cards among the replies, as an adapter does once their messages exist. */
    private void register(SimulatedUser user, List<Reply> replies) {
        for (Reply reply : replies) {
            if (reply instanceof Reply.SongCard card) {
                String messageId = String.valueOf(messageIds.incrementAndGet());
                chat.posted(user.chatUser, messageId, card);
                user.shown(new Card(user, messageId, card.trackId()));
            }
        }
    }

    private void notSaved(List<Reply> replies) {
        String text = text(replies);
        if (text.contains("was not saved")) {
            problem("a reaction was not saved: " + text);
        }
    }

    private void countLimited(SimulatedUser user) {
        limited.incrementAndGet();
        if (user == abuser) {
            abuserLimited.incrementAndGet();
        }
    }

    private static boolean isLimited(List<Reply> replies) {
        String text = text(replies);
        return text.contains(" again in ") || text.contains("still running") || text.contains("being retrained right now");
    }

    private static String text(List<Reply> replies) {
        StringBuilder text = new StringBuilder();
        replies.forEach(reply -> {
            if (reply instanceof Reply.Text t) {
                text.append(t.text()).append('\n');
            }
        });
        return text.toString();
    }

    /** A song of the catalogue, by id or as "artist - title", the two ways people ask. */
    private String query(SplittableRandom random) {
        int track = random.nextInt(catalogue.size());
        return random.nextBoolean() ? catalogue.get(track)
                : "Synthetic artist " + track / SyntheticPopulation.TRACKS_PER_ARTIST + " - Synthetic track " + track;
    }

    private static String spotifyId(SplittableRandom random) {
        StringBuilder id = new StringBuilder(22);
        for (int i = 0; i < 22; i++) {
            id.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return id.toString();
    }

    private void problem(String what) {
        if (problems.size() < 20) {
            problems.add(what);
        }
    }

    /** Waits for every event still on its way; returns how many never finished. */
    private long drain() {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        long lost = 0;
        for (CompletableFuture<Void> done : pending) {
            try {
                done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                lost++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return pending.size();
            } catch (java.util.concurrent.ExecutionException e) {
                // counted where it completed
            }
        }
        if (lost > 0) {
            problem(lost + " events were still not answered " + DRAIN.toSeconds() + " s after the load ended");
        }
        return lost;
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<Phase, Map<Kind, long[]>> snapshot(Map<Phase, Map<Kind, ConcurrentLinkedQueue<Long>>> latencies) {
        Map<Phase, Map<Kind, long[]>> copy = new EnumMap<>(Phase.class);
        latencies.forEach((phase, byKind) -> copy.put(phase, flatten(byKind)));
        return copy;
    }

    private static Map<Kind, long[]> flatten(Map<Kind, ConcurrentLinkedQueue<Long>> byKind) {
        Map<Kind, long[]> copy = new EnumMap<>(Kind.class);
        byKind.forEach((kind, nanos) -> copy.put(kind, nanos.stream().mapToLong(Long::longValue).toArray()));
        return copy;
    }

    /** A song card posted for {@code owner}; {@code shown} is what the platform shows under it, the latest last. */
    private static final class Card {
        final SimulatedUser owner;
        final String messageId;
        final String trackId;
        final LinkedHashSet<Boolean> shown = new LinkedHashSet<>();

        Card(SimulatedUser owner, String messageId, String trackId) {
            this.owner = owner;
            this.messageId = messageId;
            this.trackId = trackId;
        }

        /** The id the core keeps the message under. */
        String qualifiedId() {
            return PLATFORM + ":" + messageId;
        }
    }

    private static final class SimulatedUser {
        final ChatUser chatUser;
        final AtomicInteger inFlight = new AtomicInteger();
        /** Written by the user's lane, one task at a time, in the order the tasks ran. */
        final List<RatingReplay.Applied> applied = Collections.synchronizedList(new ArrayList<>());
        private final List<Card> recent = new ArrayList<>();

        SimulatedUser(ChatUser chatUser) {
            this.chatUser = chatUser;
        }

        synchronized void shown(Card card) {
            recent.add(card);
            if (recent.size() > RECENT_CARDS) {
                recent.removeFirst();
            }
        }

        synchronized Optional<Card> currentCard() {
            return recent.isEmpty() ? Optional.empty() : Optional.of(recent.getLast());
        }

        synchronized List<Card> recentCards() {
            return List.copyOf(recent);
        }
    }
}
