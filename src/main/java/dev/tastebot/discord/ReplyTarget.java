package dev.tastebot.discord;

import java.util.Optional;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** Where the answers to one event go: an interaction's hook, or the channel of a reaction. */
interface ReplyTarget {

    /** May throw (JDA checks some permissions before sending); callers treat that as a failed send. */
    RestAction<Message> send(MessageCreateData message);

    /** A notice about tastebot itself, shown to the asker alone where Discord allows it. */
    RestAction<Message> sendNotice(MessageCreateData message);

    /** What removes the "thinking…" placeholder of a deferred interaction that got no reply. */
    Optional<RestAction<Void>> placeholderRemoval();

    /** The server channel messages are posted in, where tastebot needs permission to post; empty for DMs and interactions. */
    Optional<GuildChannel> serverChannel();

    /** Answers to a deferred slash command. */
    record Interaction(InteractionHook hook) implements ReplyTarget {
        @Override
        public RestAction<Message> send(MessageCreateData message) {
            return hook.sendMessage(message);
        }

        @Override
        public RestAction<Message> sendNotice(MessageCreateData message) {
            // Discord ignores this for the first message after deferReply, which inherits the deferral's visibility.
            return hook.sendMessage(message).setEphemeral(true);
        }

        @Override
        public Optional<RestAction<Void>> placeholderRemoval() {
            return Optional.of(hook.deleteOriginal());
        }

        /** Interaction replies go through the interaction's webhook, which needs no channel permission. */
        @Override
        public Optional<GuildChannel> serverChannel() {
            return Optional.empty();
        }
    }

    /** Answers to a reaction: plain messages in the channel of the reacted message. */
    record Channel(MessageChannel channel) implements ReplyTarget {
        @Override
        public RestAction<Message> send(MessageCreateData message) {
            return channel.sendMessage(message);
        }

        @Override
        public RestAction<Message> sendNotice(MessageCreateData message) {
            return channel.sendMessage(message);
        }

        @Override
        public Optional<RestAction<Void>> placeholderRemoval() {
            return Optional.empty();
        }

        @Override
        public Optional<GuildChannel> serverChannel() {
            return channel instanceof GuildChannel inServer ? Optional.of(inServer) : Optional.empty();
        }
    }
}
