package dev.tastebot.discord;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.exceptions.InteractionExpiredException;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageCreateAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Discord's side of sending, as JDA 6.5 behaves: messages sent through a mocked hook or channel land
 * here with an id each ("1001", "1002", ...), and so do the reactions added under them.
 * <ul>
 *   <li>A server channel's permission checks run when the action is made, before any request, and
 *       throw (JDA's {@code checkCanSendMessage}, {@code checkCanAddReactions}).</li>
 *   <li>A hook past its 15 minutes fails each request through the failure callback
 *       ({@link InteractionExpiredException}, from JDA's check when the request runs).</li>
 *   <li>Once JDA is shut down, {@code queue} throws {@link RejectedExecutionException}, as JDA's
 *       requester does.</li>
 *   <li>Callbacks run on {@link #callbacks}: at once on the caller's thread unless a test that is
 *       about concurrency gives it a real executor, as JDA runs them on its callback pool.</li>
 * </ul>
 */
final class FakeMessages {
    static final class Sent {
        final String id;
        final MessageCreateData data;
        final boolean ephemeral;
        /** Where it went, as the fake that sent it names it: "interaction", "server channel", "DM"... */
        final String where;
        final List<String> reactions = new CopyOnWriteArrayList<>();

        Sent(String id, MessageCreateData data, boolean ephemeral, String where) {
            this.id = id;
            this.data = data;
            this.ephemeral = ephemeral;
            this.where = where;
        }

        String content() {
            return data.getContent();
        }
    }

    /** What JDA checks before it makes a request in one place; throws when it refuses. */
    interface Check {
        Check NONE = () -> { };

        void run();
    }

    /**
     * A channel messages are sent to.
     *
     * @param where names it in {@link Sent#where}
     * @param sendCheck what JDA checks before sending there
     * @param reactionCheck what JDA checks before adding a reaction there
     */
    record Place(String where, long channelId, Check sendCheck, Check reactionCheck) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    /** Sends fail with this (through the failure callback, as Discord's answer), when set. */
    volatile Throwable sendFailure;
    /** Adding a reaction fails with this (through the failure callback), when set. */
    volatile Throwable reactionFailure;
    /** Adding a reaction throws this before anything is sent, as JDA does for permissions it can check itself. */
    volatile RuntimeException reactionRefusal;
    /** Runs with every message at the moment it is sent, before Discord has it: to see what was true then. */
    volatile Consumer<MessageCreateData> onSend = data -> { };
    /** Whether JDA is shut down: it then refuses every request. */
    volatile boolean shutDown;
    /** Where JDA runs success and failure callbacks. */
    volatile Executor callbacks = Runnable::run;

    /**
     * Messages through the hook need no permission (they go through the interaction's webhook), but
     * reactions under them are added in the channel the interaction came from.
     *
     * @param expired whether the hook's interaction is older than 15 minutes
     * @param interactionChannel the channel of the interaction the hook belongs to
     */
    void attachTo(InteractionHook hook, BooleanSupplier expired, Supplier<Place> interactionChannel,
                  BooleanSupplier inheritsDeferredEphemeral) {
        when(hook.sendMessage(any(MessageCreateData.class)))
                .thenAnswer(call -> hookAction(call.getArgument(0), expired, interactionChannel.get(),
                        inheritsDeferredEphemeral.getAsBoolean()));
    }

    void attachTo(MessageChannel channel, Place place) {
        when(channel.sendMessage(any(MessageCreateData.class))).thenAnswer(call -> {
            place.sendCheck().run();
            return channelAction(call.getArgument(0), place.where(), place.channelId(), place.reactionCheck());
        });
    }

    List<String> contents() {
        return sent.stream().map(Sent::content).toList();
    }

    List<Sent> sentTo(String where) {
        return sent.stream().filter(message -> message.where.equals(where)).toList();
    }

    Sent only() {
        if (sent.size() != 1) {
            throw new AssertionError("expected one message, got " + contents());
        }
        return sent.getFirst();
    }

    @SuppressWarnings("unchecked")
    private WebhookMessageCreateAction<Message> hookAction(MessageCreateData data, BooleanSupplier expired, Place from,
                                                           boolean deferredEphemeral) {
        WebhookMessageCreateAction<Message> action = mock(WebhookMessageCreateAction.class, RETURNS_SELF);
        // The first message after deferReply(true) is ephemeral whatever it asks, as on Discord.
        boolean[] ephemeral = {deferredEphemeral};
        when(action.setEphemeral(anyBoolean())).thenAnswer(call -> {
            ephemeral[0] = call.getArgument(0);
            return action;
        });
        doAnswer(call -> {
            Consumer<Message> success = call.getArgument(0);
            Consumer<Throwable> failure = call.getArgument(1);
            if (expired.getAsBoolean()) {
                queued(() -> failure.accept(new InteractionExpiredException()));
                return null;
            }
            return deliver(data, ephemeral[0], "interaction", from.channelId(), from.reactionCheck(), success, failure);
        }).when(action).queue(any(), any());
        return action;
    }

    private MessageCreateAction channelAction(MessageCreateData data, String where, long channelId, Check reactionCheck) {
        MessageCreateAction action = mock(MessageCreateAction.class, RETURNS_SELF);
        doAnswer(call -> deliver(data, false, where, channelId, reactionCheck, call.getArgument(0), call.getArgument(1)))
                .when(action).queue(any(), any());
        return action;
    }

    /** JDA's {@code queue}: refused at once after shutdown, otherwise answered on the callback executor. */
    void queued(Runnable answer) {
        if (shutDown) {
            throw new RejectedExecutionException("The Requester has been stopped! No new requests can be requested!");
        }
        callbacks.execute(answer);
    }

    private Void deliver(MessageCreateData data, boolean ephemeral, String where, long channelId, Check reactionCheck,
                         Consumer<Message> success, Consumer<Throwable> failure) {
        queued(() -> {
            onSend.accept(data);
            Throwable refused = sendFailure;
            if (refused != null) {
                failure.accept(refused);
                return;
            }
            Sent message;
            synchronized (sent) {
                message = new Sent(String.valueOf(1001 + sent.size()), data, ephemeral, where);
                sent.add(message);
            }
            success.accept(messageOf(message, channelId, reactionCheck));
        });
        return null;
    }

    @SuppressWarnings("unchecked")
    private Message messageOf(Sent sentMessage, long channelId, Check reactionCheck) {
        Message message = mock(Message.class);
        when(message.getId()).thenReturn(sentMessage.id);
        when(message.getIdLong()).thenReturn(Long.parseLong(sentMessage.id));
        when(message.getChannelIdLong()).thenReturn(channelId);
        when(message.getChannelId()).thenReturn(Long.toUnsignedString(channelId));
        when(message.isEphemeral()).thenReturn(sentMessage.ephemeral);
        when(message.addReaction(any(Emoji.class))).thenAnswer(call -> {
            if (sentMessage.ephemeral) {
                // JDA checks this before any request
                throw new IllegalStateException("Cannot add reactions to ephemeral messages!");
            }
            RuntimeException refusal = reactionRefusal;
            if (refusal != null) {
                throw refusal;
            }
            reactionCheck.run();
            Emoji emoji = call.getArgument(0);
            RestAction<Void> action = mock(RestAction.class);
            doAnswer(queue -> {
                queued(() -> {
                    Throwable failed = reactionFailure;
                    if (failed != null) {
                        queue.<Consumer<Throwable>>getArgument(1).accept(failed);
                    } else {
                        sentMessage.reactions.add(emoji.getName());
                        queue.<Consumer<Void>>getArgument(0).accept(null);
                    }
                });
                return null;
            }).when(action).queue(any(), any());
            return action;
        });
        return message;
    }
}
