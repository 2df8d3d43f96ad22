package dev.tastebot.discord;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.MessageReaction;
import net.dv8tion.jda.api.entities.SelfUser;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.entities.emoji.EmojiUnion;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionRemoveEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;

/**
 * Discord as the listener tests see it, made of Mockito mocks: one JDA whose own user is
 * {@link #SELF_ID}, a direct-message channel, a channel in the server {@link #SERVER_ID}, and one
 * interaction hook, whose messages all land in {@link #messages}. Builds the slash command and
 * reaction events that reach the listener.
 */
final class FakeDiscord {
    static final long SELF_ID = 1L;
    static final String SERVER_ID = "5550001";

    final FakeMessages messages = new FakeMessages();
    final InteractionHook hook = mock(InteractionHook.class);
    /** A direct-message channel: reactions there come from no server. */
    final MessageChannelUnion channel = mock(MessageChannelUnion.class);
    /** A text channel of the server {@link #SERVER_ID}. */
    final MessageChannelUnion serverChannel = mock(MessageChannelUnion.class, withSettings().extraInterfaces(GuildChannel.class));
    final Guild server = mock(Guild.class);
    final JDA jda = mock(JDA.class);
    @SuppressWarnings("unchecked")
    final RestAction<Void> deletion = mock(RestAction.class);
    /** Told whether each slash command is deferred privately, at the moment it is deferred. */
    private Consumer<Boolean> onDefer = ephemeral -> { };
    /** Whether Discord confirms deferrals only when the test says so, rather than at once. */
    private boolean holdingAcknowledgements;
    /** The callbacks of the deferrals Discord has not confirmed yet: success, failure. */
    private final List<Map.Entry<Consumer<InteractionHook>, Consumer<Throwable>>> heldAcknowledgements = new ArrayList<>();

    FakeDiscord() {
        SelfUser self = mock(SelfUser.class);
        when(self.getIdLong()).thenReturn(SELF_ID);
        when(jda.getSelfUser()).thenReturn(self);
        messages.attachTo(hook);
        messages.attachTo(channel);
        messages.attachTo(serverChannel);
        when(channel.getType()).thenReturn(ChannelType.PRIVATE);
        when(serverChannel.getType()).thenReturn(ChannelType.TEXT);
        when(server.getId()).thenReturn(SERVER_ID);
        when(((GuildChannel) serverChannel).getGuild()).thenReturn(server);
        when(hook.deleteOriginal()).thenReturn(deletion);
    }

    /** Runs {@code check} with the ephemeral flag each time a slash command is deferred, before its hook is used. */
    FakeDiscord whenDeferred(Consumer<Boolean> check) {
        this.onDefer = check;
        return this;
    }

    /** From now on, Discord confirms a deferral only at {@link #acknowledgeHeld()} or {@link #failHeld}. */
    FakeDiscord holdingAcknowledgements() {
        this.holdingAcknowledgements = true;
        return this;
    }

    /** Discord confirms the deferrals held so far, handing over {@link #hook}, on the caller's thread as JDA's callback thread would. */
    void acknowledgeHeld() {
        heldAcknowledgements.forEach(callbacks -> callbacks.getKey().accept(hook));
        heldAcknowledgements.clear();
    }

    /** Discord refuses the deferrals held so far. */
    void failHeld(Throwable failure) {
        heldAcknowledgements.forEach(callbacks -> callbacks.getValue().accept(failure));
        heldAcknowledgements.clear();
    }

    static User user(long id, String name) {
        User user = mock(User.class);
        when(user.getIdLong()).thenReturn(id);
        when(user.getEffectiveName()).thenReturn(name);
        return user;
    }

    /**
     * {@code user} uses the slash command {@code name}; deferring it succeeds at once (unless
     * {@link #holdingAcknowledgements held}) and hands over {@link #hook}.
     */
    SlashCommandInteractionEvent slash(User user, String name, OptionMapping... options) {
        SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class);
        Options.stub(event, name, options);
        when(event.getUser()).thenReturn(user);
        ReplyCallbackAction defer = mock(ReplyCallbackAction.class, RETURNS_SELF);
        when(event.deferReply(anyBoolean())).thenAnswer(call -> {
            onDefer.accept(call.getArgument(0));
            return defer;
        });
        doAnswer(call -> {
            Consumer<InteractionHook> success = call.getArgument(0);
            if (holdingAcknowledgements) {
                heldAcknowledgements.add(Map.entry(success, call.getArgument(1)));
            } else {
                success.accept(hook);
            }
            return null;
        }).when(defer).queue(any(), any());
        return event;
    }

    /** {@code user} uses the slash command {@code name} in the server {@link #SERVER_ID}. */
    SlashCommandInteractionEvent slashInServer(User user, String name, OptionMapping... options) {
        SlashCommandInteractionEvent event = slash(user, name, options);
        when(event.isFromGuild()).thenReturn(true);
        when(event.getGuild()).thenReturn(server);
        return event;
    }

    /** {@code user} adds {@code emoji} under message {@code messageId}, which tastebot posted in the server. */
    MessageReactionAddEvent addedInServer(User user, long messageId, EmojiUnion emoji) {
        return new MessageReactionAddEvent(jda, 0, user, null, reaction(serverChannel, messageId, emoji), user.getIdLong(),
                SELF_ID);
    }

    /** {@code user} adds {@code emoji} under message {@code messageId}, which tastebot posted. */
    MessageReactionAddEvent added(User user, long messageId, EmojiUnion emoji) {
        return addedUnder(user, messageId, SELF_ID, emoji);
    }

    /** {@code user} adds {@code emoji} under message {@code messageId}, written by {@code authorId}. */
    MessageReactionAddEvent addedUnder(User user, long messageId, long authorId, EmojiUnion emoji) {
        return new MessageReactionAddEvent(jda, 0, user, null, reaction(messageId, emoji), user.getIdLong(), authorId);
    }

    /** {@code user} removes {@code emoji} from message {@code messageId}; Discord does not say whose message it is. */
    MessageReactionRemoveEvent removed(User user, long messageId, EmojiUnion emoji) {
        return new MessageReactionRemoveEvent(jda, 0, user, null, reaction(messageId, emoji), user.getIdLong());
    }

    private MessageReaction reaction(long messageId, EmojiUnion emoji) {
        return reaction(channel, messageId, emoji);
    }

    private MessageReaction reaction(MessageChannelUnion in, long messageId, EmojiUnion emoji) {
        return new MessageReaction(jda, in, emoji, 7L, messageId, new boolean[] {false, false}, new int[] {1, 0});
    }
}
