package dev.tastebot;

import dev.tastebot.catalog.DemoCatalog;
import dev.tastebot.chat.ChatUser;
import dev.tastebot.cli.CommandHandler;
import dev.tastebot.cli.ExitCode;
import dev.tastebot.cli.ParsedCommand;
import dev.tastebot.config.TastebotConfig;
import dev.tastebot.console.ConsoleAdapter;
import dev.tastebot.chat.Outbox;
import dev.tastebot.discord.DiscordBot;
import dev.tastebot.telegram.TelegramBot;
import dev.tastebot.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * {@code tastebot run}: the bot on Discord, on Telegram, or on both, as their tokens are configured;
 * with neither, in this terminal with the same core, a local SQLite file and, when no catalogue was
 * imported, the demo catalogue.
 */
final class RunCommand implements CommandHandler {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);
    static final ChatUser CONSOLE_USER = new ChatUser("console", "local", "you");

    private final TastebotConfig config;
    private final Clock clock;
    private final InputStream in;
    private final Path workingDirectory;

    RunCommand(TastebotConfig config, Clock clock, InputStream in, Path workingDirectory) {
        this.config = config;
        this.clock = clock;
        this.in = in;
        this.workingDirectory = workingDirectory;
    }

    @Override
    public int run(ParsedCommand command, PrintStream out, PrintStream err) {
        if (config.discord().token().isPresent() || config.telegram().token().isPresent()) {
            try (Application app = new Application(config, clock)) {
                app.nightly.start();
                return runChatPlatforms(app);
            }
        }
        Path logFile = logFile();
        out.println("tastebot's log: " + logFile);
        // Until the application is closed: its last words would land after the goodbye.
        try (ConsoleLogFile logs = ConsoleLogFile.to(logFile); Application app = new Application(config, clock)) {
            app.nightly.start();
            ensureCatalogue(app, clock, out);
            Optional<WebServer> callback = consoleCallback(app, err);
            try {
                ConsoleAdapter console = new ConsoleAdapter(app.chat, CONSOLE_USER, workingDirectory,
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), out);
                app.daily.start(console);
                console.run();
            } finally {
                app.daily.stop(); // nothing printed after the goodbye
                callback.ifPresent(WebServer::close);
            }
            return ExitCode.OK.code();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the terminal: " + e.getMessage(), e);
        }
    }

    /** Beside the database, as {@code data/tastebot.log} by default: the chat stays free of log lines. */
    private Path logFile() {
        Path parent = config.database().path().toAbsolutePath().getParent();
        return (parent == null ? workingDirectory : parent).resolve("tastebot.log");
    }

    /**
     * With Spotify set up, the console also listens for Spotify's redirect, so /link completes by
     * itself on this machine; if the port is taken, pasting the address into /link still works.
     */
    private Optional<WebServer> consoleCallback(Application app, PrintStream err) {
        if (app.spotifyCallback.isEmpty()) {
            return Optional.empty();
        }
        try {
            WebServer web = new WebServer(config.web().bind(), config.web().port(), () -> true, app.spotifyCallback);
            web.start();
            return Optional.of(web);
        } catch (RuntimeException e) {
            err.println("tastebot: " + e.getMessage() + "; /link then needs the address pasted back");
            return Optional.empty();
        }
    }

    /** A newcomer without data still sees the whole loop: the demo catalogue, clearly labelled. */
    private static void ensureCatalogue(Application app, Clock clock, PrintStream out) {
        if (new DemoCatalog(clock).installIfEmpty(app.stores.tracks(), app.features)) {
            out.println("No catalogue imported yet: loaded the demo catalogue, " + DemoCatalog.TRACKS
                    + " made-up songs marked \"(demo)\". Import a real one with: tastebot import-catalog FILE");
        }
    }

    /**
     * Discord, Telegram or both, in one process over one core and one set of lanes. On SIGTERM:
     * the daily round in progress finishes while the platforms are connected, Telegram stops
     * polling, the users' queued work finishes (within a bound), then the platforms disconnect.
     */
    private int runChatPlatforms(Application app) {
        CountDownLatch stopped = new CountDownLatch(1);
        Optional<TelegramBot> telegram = Optional.empty();
        Optional<DiscordBot> discord = Optional.empty();
        try (ExecutorService events = Executors.newVirtualThreadPerTaskExecutor()) {
            discord = config.discord().token().isPresent()
                    ? Optional.of(new DiscordBot(config.discord(), app.chat, events, app.lanes, clock)) : Optional.empty();
            telegram = config.telegram().token().isPresent()
                    ? Optional.of(new TelegramBot(config.telegram(), app.chat, app.lanes, clock)) : Optional.empty();
            Optional<DiscordBot> onDiscord = discord;
            Optional<TelegramBot> onTelegram = telegram;
            BooleanSupplier connected = () -> onDiscord.map(DiscordBot::isConnected).orElse(true)
                    && onTelegram.map(TelegramBot::isConnected).orElse(true);
            try (WebServer web = new WebServer(config.web().bind(), config.web().port(), connected, app.spotifyCallback)) {
                web.start();
                Thread running = Thread.currentThread();
                // On Ctrl+C or SIGTERM, let this thread close the platforms and the database before the JVM halts.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    stopped.countDown();
                    try {
                        running.join(15_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "tastebot-shutdown"));
                List<Outbox> outboxes = new ArrayList<>();
                discord.ifPresent(bot -> {
                    bot.start();
                    outboxes.add(bot);
                });
                telegram.ifPresent(bot -> {
                    bot.start();
                    outboxes.add(bot);
                });
                app.daily.start(outboxes);
                log.info("tastebot is running on {}; stop it with Ctrl+C or SIGTERM",
                        String.join(" and ", outboxes.stream().map(Outbox::platform).toList()));
                stopped.await();
                // While the platforms are still connected: a round in progress finishes its messages.
                app.daily.stop();
                telegram.ifPresent(TelegramBot::stopReceiving);
                app.lanes.close();
            }
            return ExitCode.OK.code();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.OK.code();
        } finally {
            telegram.ifPresent(TelegramBot::close);
            discord.ifPresent(DiscordBot::close);
        }
    }
}
