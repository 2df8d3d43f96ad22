package dev.tastebot.schedule;

import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.Outbox;
import dev.tastebot.chat.Reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A chat platform for the daily-message tests: records every delivery, in order, and answers as
 * told per user (delivered unless said otherwise). Safe to call from many threads.
 */
class RecordingOutbox implements Outbox {
    record Sent(String userId, List<Reply> message) {
    }

    private final String platform;
    private final List<Sent> sent = new ArrayList<>();
    private final Map<String, Function<List<Reply>, Delivery>> answers = new ConcurrentHashMap<>();
    volatile boolean ready = true;

    RecordingOutbox(String platform) {
        this.platform = platform;
    }

    /** From now on, {@code userId}'s deliveries go as {@code answer} says (it may block or throw). */
    void answer(String userId, Function<List<Reply>, Delivery> answer) {
        answers.put(userId, answer);
    }

    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    List<String> recipients() {
        return sent().stream().map(Sent::userId).toList();
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public Delivery deliver(ChatUser recipient, List<Reply> message) {
        Delivery delivery = answers.getOrDefault(recipient.userId(), m -> new Delivery.Delivered()).apply(message);
        if (delivery instanceof Delivery.Delivered) {
            synchronized (this) {
                sent.add(new Sent(recipient.userId(), message));
            }
        }
        return delivery;
    }
}
