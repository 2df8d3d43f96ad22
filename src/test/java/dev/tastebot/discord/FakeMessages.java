package dev.tastebot.discord;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageCreateAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Discord's side of sending: messages sent through a mocked hook or channel land here with an id
 * each ("1001", "1002", ...), and so do the reactions added under them. Callbacks run at once.
 */
final class FakeMessages {
    static final class Sent {
        final String id;
        final MessageCreateData data;
        final boolean ephemeral;
        final List<String> reactions = new ArrayList<>();

        Sent(String id, MessageCreateData data, boolean ephemeral) {
            this.id = id;
            this.data = data;
            this.ephemeral = ephemeral;
        }

        String content() {
            return data.getContent();
        }
    }

    final List<Sent> sent = new ArrayList<>();
    /** Sends fail with this, when set. */
    Throwable sendFailure;
    /** Adding a reaction fails with this (through the failure callback), when set. */
    Throwable reactionFailure;
    /** Adding a reaction throws this before anything is sent, as JDA does for permissions it can check itself. */
    RuntimeException reactionRefusal;
    /** Runs with every message at the moment it is sent, before Discord has it: to see what was true then. */
    Consumer<MessageCreateData> onSend = data -> { };

    void attachTo(InteractionHook hook) {
        when(hook.sendMessage(any(MessageCreateData.class))).thenAnswer(call -> hookAction(call.getArgument(0)));
    }

    void attachTo(MessageChannel channel) {
        when(channel.sendMessage(any(MessageCreateData.class))).thenAnswer(call -> channelAction(call.getArgument(0)));
    }

    List<String> contents() {
        return sent.stream().map(Sent::content).toList();
    }

    Sent only() {
        if (sent.size() != 1) {
            throw new AssertionError("expected one message, got " + contents());
        }
        return sent.getFirst();
    }

    @SuppressWarnings("unchecked")
    private WebhookMessageCreateAction<Message> hookAction(MessageCreateData data) {
        WebhookMessageCreateAction<Message> action = mock(WebhookMessageCreateAction.class, RETURNS_SELF);
        boolean[] ephemeral = {false};
        when(action.setEphemeral(anyBoolean())).thenAnswer(call -> {
            ephemeral[0] = call.getArgument(0);
            return action;
        });
        doAnswer(call -> deliver(data, ephemeral[0], call.getArgument(0), call.getArgument(1))).when(action).queue(any(), any());
        return action;
    }

    private MessageCreateAction channelAction(MessageCreateData data) {
        MessageCreateAction action = mock(MessageCreateAction.class, RETURNS_SELF);
        doAnswer(call -> deliver(data, false, call.getArgument(0), call.getArgument(1))).when(action).queue(any(), any());
        return action;
    }

    private Void deliver(MessageCreateData data, boolean ephemeral, Consumer<Message> success, Consumer<Throwable> failure) {
        onSend.accept(data);
        if (sendFailure != null) {
            failure.accept(sendFailure);
            return null;
        }
        Sent message = new Sent(String.valueOf(1001 + sent.size()), data, ephemeral);
        sent.add(message);
        success.accept(messageOf(message));
        return null;
    }

    @SuppressWarnings("unchecked")
    private Message messageOf(Sent sentMessage) {
        Message message = mock(Message.class);
        when(message.getId()).thenReturn(sentMessage.id);
        when(message.addReaction(any(Emoji.class))).thenAnswer(call -> {
            if (reactionRefusal != null) {
                throw reactionRefusal;
            }
            Emoji emoji = call.getArgument(0);
            RestAction<Void> action = mock(RestAction.class);
            doAnswer(queue -> {
                if (reactionFailure != null) {
                    queue.<Consumer<Throwable>>getArgument(1).accept(reactionFailure);
                } else {
                    sentMessage.reactions.add(emoji.getName());
                    queue.<Consumer<Void>>getArgument(0).accept(null);
                }
                return null;
            }).when(action).queue(any(), any());
            return action;
        });
        return message;
    }
}
