package dev.tastebot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tastebot.chat.ChatService;
import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.Outbox;
import dev.tastebot.chat.Reply;
import dev.tastebot.chat.UserLanes;
import dev.tastebot.config.TastebotConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * tastebot on Telegram: checks the token with {@code getMe}, sets the command menu, and long-polls
 * for updates, which go to the {@link ChatService} through each user's lane. Nothing connects
 * before {@link #start()}. As an {@link Outbox} it sends messages of its own, such as the daily
 * ones, as private messages.
 */
public final class TelegramBot implements Outbox, AutoCloseable {
    /** Telegram holds back messages under flood control; a delivery unfinished after this long counts as failed. */
    static final Duration DELIVERY_WAIT = Duration.ofMinutes(5);
    /** Sends, answers and downloads; the long poll has its own timeouts. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    /** How many calls go out at once: Telegram allows about 30 messages a second in all. */
    private static final int CONCURRENT_CALLS = 16;
    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);

    private final String token;
    private final TelegramUrl server;
    private final ChatService chat;
    private final UserLanes lanes;
    private final Clock clock;
    private final OkHttpClient http;
    /** The long poll's own client: cancelling a poll at shutdown cancels nothing else. */
    private final OkHttpClient polling;
    private final PollingHealth health = new PollingHealth();
    private final TelegramApi api;
    private final ReplySender sender;
    private final FileDownloads files;
    private final ExecutorService notices = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("tastebot-telegram-poll").daemon().factory());
    private TelegramBotsLongPollingApplication longPolling;

    /**
     * @param lanes each user's events in order, with the flood limit; shared with the other platforms
     * @param clock times the notices to users who send too much
     * @throws IllegalArgumentException when the configuration has no token
     */
    public TelegramBot(TastebotConfig.Telegram config, ChatService chat, UserLanes lanes, Clock clock) {
        this(config, chat, lanes, clock, Thread::sleep);
    }

    /** @param sleeper waits as Telegram's flood control asks */
    TelegramBot(TastebotConfig.Telegram config, ChatService chat, UserLanes lanes, Clock clock, TelegramApi.Sleeper sleeper) {
        this.token = config.token().orElseThrow(() -> new IllegalArgumentException("no Telegram bot token is configured")).value();
        this.server = telegramUrl(config.apiBaseUrl());
        this.chat = Objects.requireNonNull(chat, "chat");
        this.lanes = Objects.requireNonNull(lanes, "lanes");
        this.clock = clock;
        Dispatcher calls = new Dispatcher();
        calls.setMaxRequestsPerHost(CONCURRENT_CALLS);
        this.http = new OkHttpClient.Builder().dispatcher(calls).connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30)).callTimeout(CALL_TIMEOUT).build();
        // Telegram holds a poll open for its timeout; the read must outlast it.
        this.polling = new OkHttpClient.Builder().dispatcher(new Dispatcher()).connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(UpdatesRequest.TIMEOUT_SECONDS + 15)).addInterceptor(health).build();
        this.api = new TelegramApi(new OkHttpTelegramClient(new ObjectMapper(), http, token, server), sleeper);
        this.sender = new ReplySender(chat, api);
        this.files = new FileDownloads(api, http, config.apiBaseUrl(), token, FileDownloads.MAX_BYTES);
    }

    /**
     * Checks the token, sets the command menu and starts polling; returns once polling runs.
     *
     * @throws IllegalStateException when Telegram refuses the token or cannot be reached, or when already started
     */
    public synchronized void start() {
        if (longPolling != null) {
            throw new IllegalStateException("already started");
        }
        User me;
        try {
            me = api.call(new GetMe());
        } catch (TelegramFailure failure) {
            throw new IllegalStateException("Telegram did not accept the bot token (" + failure.getMessage() + ")", failure);
        }
        setCommandMenu();
        TelegramChat handler = new TelegramChat(chat, sender, api, files, me.getUserName());
        TelegramUpdates updates = new TelegramUpdates(handler, lanes, sender, notices, clock);
        longPolling = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> polling, () -> poller, () -> health);
        try {
            longPolling.registerBot(token, () -> server, new UpdatesRequest(), updates);
        } catch (TelegramApiException e) {
            throw new IllegalStateException("Could not start polling Telegram for updates: " + e.getMessage(), e);
        }
        log.info("tastebot is polling Telegram as @{}", me.getUserName());
    }

    private void setCommandMenu() {
        List<BotCommand> menu = TelegramCommands.MENU.stream()
                .map(entry -> new BotCommand(entry.name(), entry.description())).toList();
        try {
            api.call(SetMyCommands.builder().commands(menu).build());
        } catch (TelegramFailure failure) {
            log.warn("Could not set the command menu: {}", failure.getMessage());
        }
    }

    /** Whether the last poll got an answer: what the health check reports. */
    public synchronized boolean isConnected() {
        return longPolling != null && health.connected();
    }

    @Override
    public String platform() {
        return TelegramUsers.PLATFORM;
    }

    @Override
    public boolean ready() {
        return isConnected();
    }

    /**
     * A private message to the user, sent in their lane (so a press on its songs waits for them to be
     * registered); blocks until Telegram has every message, or {@link #DELIVERY_WAIT} passed.
     */
    @Override
    public Delivery deliver(ChatUser recipient, List<Reply> message) {
        if (!recipient.platform().equals(TelegramUsers.PLATFORM)) {
            return new Delivery.Unreachable(recipient.userId() + " is not a Telegram user");
        }
        long chatId;
        try {
            chatId = Long.parseLong(recipient.platformId());
        } catch (NumberFormatException e) {
            return new Delivery.Unreachable(recipient.userId() + " is not a Telegram user id");
        }
        if (!isConnected()) {
            return new Delivery.Failed("not connected to Telegram", false);
        }
        PrivateDelivery delivery = new PrivateDelivery(recipient, message, ChatTarget.privateChat(chatId));
        lanes.submit(recipient, "daily message for " + recipient.userId(), delivery::send)
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        delivery.dropped(failure);
                    }
                });
        return delivery.await(DELIVERY_WAIT);
    }

    /** Stops polling at once, cancelling a poll in flight; what was received goes on in the lanes. */
    public synchronized void stopReceiving() {
        health.stopping();
        if (longPolling != null) {
            try {
                longPolling.close();
            } catch (Exception e) {
                log.warn("Stopping the Telegram long poll: {}", e.toString());
            }
        }
        // The library's close only cancels the next poll: the one Telegram holds open is cancelled here.
        polling.dispatcher().cancelAll();
        poller.shutdownNow();
        try {
            if (!poller.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("The Telegram polling thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops polling, then closes the HTTP clients: replies still being sent may be lost. */
    @Override
    public void close() {
        stopReceiving();
        notices.close();
        for (OkHttpClient client : List.of(http, polling)) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    private static TelegramUrl telegramUrl(URI base) {
        boolean https = base.getScheme().equalsIgnoreCase("https");
        int port = base.getPort() != -1 ? base.getPort() : https ? 443 : 80;
        return new TelegramUrl(base.getScheme().toLowerCase(java.util.Locale.ROOT), base.getHost(), port, false);
    }

    /**
     * One delivery: sent in the recipient's lane, unless it was given up on before its turn came, so
     * that a message that timed out waiting never goes out later.
     */
    private final class PrivateDelivery {
        private enum Stage { WAITING, SENDING, GIVEN_UP }

        private final ChatUser recipient;
        private final List<Reply> message;
        private final ChatTarget target;
        private final AtomicReference<Stage> stage = new AtomicReference<>(Stage.WAITING);
        private final CompletableFuture<Delivery> result = new CompletableFuture<>();

        PrivateDelivery(ChatUser recipient, List<Reply> message, ChatTarget target) {
            this.recipient = recipient;
            this.message = message;
            this.target = target;
        }

        void send() {
            if (!stage.compareAndSet(Stage.WAITING, Stage.SENDING)) {
                return;
            }
            try {
                result.complete(outcome(sender.send(TelegramMessages.render(message, Optional.empty()), recipient, target)));
            } catch (RuntimeException e) {
                log.error("Sending a message to {} failed", recipient.userId(), e);
                result.complete(new Delivery.Failed(e.toString(), true));
            }
        }

        void dropped(Throwable why) {
            if (stage.compareAndSet(Stage.WAITING, Stage.GIVEN_UP)) {
                result.complete(new Delivery.Failed("not sent: " + why.getMessage(), false));
            }
        }

        Delivery await(Duration wait) {
            try {
                return result.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                boolean started = !stage.compareAndSet(Stage.WAITING, Stage.GIVEN_UP);
                return new Delivery.Failed("Telegram did not take it within " + wait.toSeconds() + " s", started);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                boolean started = !stage.compareAndSet(Stage.WAITING, Stage.GIVEN_UP);
                return new Delivery.Failed("interrupted while sending", started);
            } catch (ExecutionException e) {
                return new Delivery.Failed(e.getCause().toString(), true);
            }
        }

        private static Delivery outcome(ReplySender.Sent sent) {
            if (sent.failure().isEmpty()) {
                return new Delivery.Delivered();
            }
            TelegramFailure failure = sent.failure().get();
            if (failure.kind() == TelegramFailure.Kind.FORBIDDEN) {
                return new Delivery.Unreachable("they blocked tastebot or never started a chat with it");
            }
            return new Delivery.Failed(failure.getMessage(), sent.messages() > 0 || failure.maybeDone());
        }
    }
}
