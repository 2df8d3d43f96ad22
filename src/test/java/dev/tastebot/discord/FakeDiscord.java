package dev.tastebot.discord;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.tastebot.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.MessageReaction;
import net.dv8tion.jda.api.entities.SelfMember;
import net.dv8tion.jda.api.entities.SelfUser;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.entities.emoji.EmojiUnion;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionRemoveEvent;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.MissingAccessException;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.restaction.CacheRestAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;

/**
 * Discord as the listener tests see it, made of Mockito mocks that behave as JDA 6.5 does (read from
 * its source): one JDA whose own user is {@link #SELF_ID}; a direct-message channel; a text channel
 * and a public thread in it, in the server {@link #SERVER_ID}; the user's DMs as the bot opens them;
 * and one interaction hook. Every message sent lands in {@link #messages}.
 * <ul>
 *   <li>A reaction added in a server carries the Member and the User (Discord sends the member with
 *       it); in DMs the User, when JDA has them cached. A removed reaction carries only ids: Discord
 *       sends no member, and tastebot's light cache holds no users.</li>
 *   <li>tastebot's permissions in the server are {@link #permissions}; a thread has those of its
 *       parent. Sending or reacting without them throws before any request, as JDA checks.</li>
 *   <li>A button press carries the message the button is under, as Discord's payload has it: its
 *       ephemeral flag and its interaction metadata, which names who used the command it answered.</li>
 *   <li>The hook expires 15 minutes after its interaction was created, on {@link #clock}.</li>
 *   <li>After {@link #shutDown()}, JDA refuses every request.</li>
 * </ul>
 */
final class FakeDiscord {
    static final long SELF_ID = 1L;
    static final String SERVER_ID = "5550001";
    static final long DM_CHANNEL_ID = 6001L;
    static final long SERVER_CHANNEL_ID = 6002L;
    static final long THREAD_ID = 6003L;
    static final long OPENED_DM_ID = 6004L;
    /** How long Discord takes an interaction's answers. */
    static final Duration INTERACTION_LIFETIME = Duration.ofMinutes(15);

    final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T12:00:00Z"));
    final FakeMessages messages = new FakeMessages();
    final InteractionHook hook = mock(InteractionHook.class);
    /** A direct-message channel, as JDA makes one for a reaction in a DM it had not cached: it knows no user. */
    final MessageChannelUnion channel = mock(MessageChannelUnion.class);
    /** A text channel of the server {@link #SERVER_ID}. */
    final MessageChannelUnion serverChannel = mock(MessageChannelUnion.class, withSettings().extraInterfaces(GuildChannel.class));
    /** A public thread in {@link #serverChannel}. */
    final MessageChannelUnion thread = mock(MessageChannelUnion.class, withSettings().extraInterfaces(ThreadChannel.class));
    /** The DMs with any user, as {@code openPrivateChannelById} opens them. */
    final PrivateChannel dm = mock(PrivateChannel.class);
    final Guild server = mock(Guild.class);
    final SelfMember self = mock(SelfMember.class);
    final JDA jda = mock(JDA.class);
    /** tastebot's permissions in the server's text channel (and its thread): all it asks for, unless a test takes some away. */
    final EnumSet<Permission> permissions = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_SEND_IN_THREADS, Permission.MESSAGE_ADD_REACTION, Permission.MESSAGE_HISTORY,
            Permission.MESSAGE_EMBED_LINKS);
    @SuppressWarnings("unchecked")
    final RestAction<Void> deletion = mock(RestAction.class);
    /** Told whether each slash command is deferred privately, at the moment it is deferred. */
    private Consumer<Boolean> onDefer = ephemeral -> { };
    /** Whether the next message through the hook follows a deferReply(true), and so is ephemeral. */
    private final java.util.concurrent.atomic.AtomicBoolean firstFollowUpEphemeral = new java.util.concurrent.atomic.AtomicBoolean();
    /** Whether Discord confirms deferrals only when the test says so, rather than at once. */
    private boolean holdingAcknowledgements;
    /** The callbacks of the deferrals Discord has not confirmed yet: success, failure. */
    private final List<Map.Entry<Consumer<InteractionHook>, Consumer<Throwable>>> heldAcknowledgements = new ArrayList<>();
    private volatile JDA.Status status = JDA.Status.CONNECTED;
    private volatile Instant interactionCreated = clock.instant();
    private volatile FakeMessages.Place interactionPlace;
    private final Map<MessageChannelUnion, FakeMessages.Place> places = new ConcurrentHashMap<>();

    FakeDiscord() {
        SelfUser selfUser = mock(SelfUser.class);
        when(selfUser.getIdLong()).thenReturn(SELF_ID);
        when(jda.getSelfUser()).thenReturn(selfUser);
        when(jda.getStatus()).thenAnswer(call -> status);
        when(jda.getShardInfo()).thenReturn(new JDA.ShardInfo(0, 1));
        try {
            when(jda.awaitShutdown(anyLong(), any())).thenAnswer(call -> status == JDA.Status.SHUTDOWN);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        when(server.getId()).thenReturn(SERVER_ID);
        when(server.getIdLong()).thenReturn(Long.parseLong(SERVER_ID));
        when(server.getSelfMember()).thenReturn(self);
        when(self.getPermissions(any(GuildChannel.class))).thenAnswer(call -> EnumSet.copyOf(permissions));

        when(channel.getType()).thenReturn(ChannelType.PRIVATE);
        PrivateChannel uncached = mock(PrivateChannel.class);
        when(channel.asPrivateChannel()).thenReturn(uncached);
        channel(channel, DM_CHANNEL_ID, "DM channel");
        places.put(channel, new FakeMessages.Place("DM channel", DM_CHANNEL_ID, FakeMessages.Check.NONE, FakeMessages.Check.NONE));
        messages.attachTo(channel, places.get(channel));

        when(serverChannel.getType()).thenReturn(ChannelType.TEXT);
        inServer(serverChannel, SERVER_CHANNEL_ID, "server channel");

        when(thread.getType()).thenReturn(ChannelType.GUILD_PUBLIC_THREAD);
        inServer(thread, THREAD_ID, "thread");

        when(dm.getType()).thenReturn(ChannelType.PRIVATE);
        when(dm.getIdLong()).thenReturn(OPENED_DM_ID);
        messages.attachTo(dm, new FakeMessages.Place("DM", OPENED_DM_ID, FakeMessages.Check.NONE, FakeMessages.Check.NONE));
        when(jda.openPrivateChannelById(anyLong())).thenAnswer(call -> opening());

        interactionPlace = places.get(channel);
        messages.attachTo(hook, () -> clock.instant().isAfter(interactionCreated.plus(INTERACTION_LIFETIME)),
                () -> interactionPlace, () -> firstFollowUpEphemeral.getAndSet(false));
        when(hook.isExpired()).thenAnswer(call -> clock.instant().isAfter(interactionCreated.plus(INTERACTION_LIFETIME)));
        when(hook.getExpirationTimestamp()).thenAnswer(call -> interactionCreated.plus(INTERACTION_LIFETIME).toEpochMilli());
        when(hook.getJDA()).thenReturn(jda);
        when(hook.deleteOriginal()).thenReturn(deletion);
    }

    private void channel(MessageChannelUnion in, long id, String name) {
        when(in.getIdLong()).thenReturn(id);
        when(in.getId()).thenReturn(Long.toUnsignedString(id));
        when(in.getJDA()).thenReturn(jda);
        when(in.getAsMention()).thenReturn("<#" + id + ">");
    }

    /** A channel of the server, where JDA checks tastebot's permissions before sending and reacting. */
    private void inServer(MessageChannelUnion in, long id, String name) {
        channel(in, id, name);
        GuildChannel guildChannel = (GuildChannel) in;
        when(guildChannel.getGuild()).thenReturn(server);
        boolean isThread = in.getType().isThread();
        FakeMessages.Check sendCheck = () -> {
            requirePermission(guildChannel, Permission.VIEW_CHANNEL);
            requirePermission(guildChannel, isThread ? Permission.MESSAGE_SEND_IN_THREADS : Permission.MESSAGE_SEND);
        };
        FakeMessages.Check reactionCheck = () -> {
            requirePermission(guildChannel, Permission.VIEW_CHANNEL);
            requirePermission(guildChannel, Permission.MESSAGE_ADD_REACTION);
            requirePermission(guildChannel, Permission.MESSAGE_HISTORY);
        };
        FakeMessages.Place place = new FakeMessages.Place(name, id, sendCheck, reactionCheck);
        places.put(in, place);
        messages.attachTo(in, place);
    }

    /** As JDA's {@code checkCanAccess} and {@code checkPermission}: a channel it cannot see is a missing access. */
    private void requirePermission(GuildChannel in, Permission permission) {
        if (permissions.contains(permission)) {
            return;
        }
        throw permission == Permission.VIEW_CHANNEL ? new MissingAccessException(in, permission)
                : new InsufficientPermissionException(in, permission);
    }

    /** Takes these permissions away from tastebot in the server's channel and its thread. */
    FakeDiscord denying(Permission... denied) {
        permissions.removeAll(List.of(denied));
        return this;
    }

    @SuppressWarnings("unchecked")
    private CacheRestAction<PrivateChannel> opening() {
        CacheRestAction<PrivateChannel> opening = mock(CacheRestAction.class);
        doAnswer(call -> {
            Consumer<PrivateChannel> success = call.getArgument(0);
            messages.queued(() -> success.accept(dm));
            return null;
        }).when(opening).queue(any(), any());
        return opening;
    }

    /** JDA shuts down: it refuses every request from now on. */
    void shutDown() {
        messages.shutDown = true;
        status = JDA.Status.SHUTDOWN;
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
        when(user.getId()).thenReturn(Long.toUnsignedString(id));
        when(user.getEffectiveName()).thenReturn(name);
        return user;
    }

    /** {@code user} as a member of the server, with the same name there. */
    Member member(User user) {
        long id = user.getIdLong();
        String name = user.getEffectiveName();
        Member member = mock(Member.class);
        when(member.getUser()).thenReturn(user);
        when(member.getIdLong()).thenReturn(id);
        when(member.getEffectiveName()).thenReturn(name);
        when(member.getGuild()).thenReturn(server);
        return member;
    }

    /**
     * {@code user} uses the slash command {@code name} in a DM with tastebot; deferring it succeeds at
     * once (unless {@link #holdingAcknowledgements held}) and hands over {@link #hook}, whose 15 minutes start now.
     */
    SlashCommandInteractionEvent slash(User user, String name, OptionMapping... options) {
        return slashIn(channel, user, name, options);
    }

    /** {@code user} uses the slash command {@code name} in the text channel of the server {@link #SERVER_ID}. */
    SlashCommandInteractionEvent slashInServer(User user, String name, OptionMapping... options) {
        return slashIn(serverChannel, user, name, options);
    }

    /** {@code user} uses the slash command {@code name} in the server's public thread. */
    SlashCommandInteractionEvent slashInThread(User user, String name, OptionMapping... options) {
        return slashIn(thread, user, name, options);
    }

    private SlashCommandInteractionEvent slashIn(MessageChannelUnion in, User user, String name, OptionMapping... options) {
        SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class);
        Options.stub(event, name, options);
        when(event.getChannel()).thenReturn(in);
        interaction(event, in, user);
        return event;
    }

    /**
     * {@code user} presses the button {@code customId} under tastebot's answer to
     * {@code asker}'s slash command in the server's text channel, as JDA hands it over: with the message
     * from Discord's payload, its ephemeral flag and its interaction metadata (who used the command).
     * Deferring works as for a slash command.
     */
    ButtonInteractionEvent pressInServer(User user, String customId, User asker, boolean ephemeral) {
        return pressIn(serverChannel, user, customId, asker, ephemeral);
    }

    /** The same in a DM with tastebot, where only the asker sees the list. */
    ButtonInteractionEvent press(User user, String customId, User asker) {
        return pressIn(channel, user, customId, asker, false);
    }

    private ButtonInteractionEvent pressIn(MessageChannelUnion in, User user, String customId, User asker, boolean ephemeral) {
        ButtonInteractionEvent event = mock(ButtonInteractionEvent.class);
        when(event.getComponentId()).thenReturn(customId);
        when(event.getChannel()).thenReturn(in);
        Message list = mock(Message.class);
        when(list.isEphemeral()).thenReturn(ephemeral);
        Message.InteractionMetadata asked = mock(Message.InteractionMetadata.class);
        when(asked.getUser()).thenReturn(asker);
        when(list.getInteractionMetadata()).thenReturn(asked);
        when(event.getMessage()).thenReturn(list);
        interaction(event, in, user);
        return event;
    }

    /**
     * An interaction by {@code user} in {@code in}: in the server with their Member. Deferring it
     * succeeds at once (unless held) and hands over {@link #hook}, whose 15 minutes start now.
     */
    private void interaction(IReplyCallback event, MessageChannelUnion in, User user) {
        when(event.getUser()).thenReturn(user);
        when(event.getJDA()).thenReturn(jda);
        if (in != channel) {
            when(event.isFromGuild()).thenReturn(true);
            when(event.getGuild()).thenReturn(server);
            Member member = member(user);
            when(event.getMember()).thenReturn(member);
        }
        ReplyCallbackAction defer = mock(ReplyCallbackAction.class, RETURNS_SELF);
        when(event.deferReply(anyBoolean())).thenAnswer(call -> {
            onDefer.accept(call.getArgument(0));
            firstFollowUpEphemeral.set(call.getArgument(0));
            return defer;
        });
        doAnswer(call -> {
            interactionCreated = clock.instant();
            interactionPlace = places.get(in);
            Consumer<InteractionHook> success = call.getArgument(0);
            if (holdingAcknowledgements) {
                heldAcknowledgements.add(Map.entry(success, call.getArgument(1)));
            } else {
                messages.queued(() -> success.accept(hook));
            }
            return null;
        }).when(defer).queue(any(), any());
    }

    /** {@code user} adds {@code emoji} under message {@code messageId}, which tastebot posted in the server's text channel. */
    MessageReactionAddEvent addedInServer(User user, long messageId, EmojiUnion emoji) {
        return addedWithMember(serverChannel, user, messageId, emoji);
    }

    /** {@code user} adds {@code emoji} under message {@code messageId}, which tastebot posted in the server's thread. */
    MessageReactionAddEvent addedInThread(User user, long messageId, EmojiUnion emoji) {
        return addedWithMember(thread, user, messageId, emoji);
    }

    private MessageReactionAddEvent addedWithMember(MessageChannelUnion in, User user, long messageId, EmojiUnion emoji) {
        return new MessageReactionAddEvent(jda, 0, user, member(user), reaction(in, messageId, emoji), user.getIdLong(),
                SELF_ID);
    }

    /** {@code user}, whom JDA has cached, adds {@code emoji} under message {@code messageId}, which tastebot posted in a DM. */
    MessageReactionAddEvent added(User user, long messageId, EmojiUnion emoji) {
        return addedUnder(user, messageId, SELF_ID, emoji);
    }

    /** {@code user} adds {@code emoji} in a DM under message {@code messageId}, written by {@code authorId}. */
    MessageReactionAddEvent addedUnder(User user, long messageId, long authorId, EmojiUnion emoji) {
        return new MessageReactionAddEvent(jda, 0, user, null, reaction(channel, messageId, emoji), user.getIdLong(), authorId);
    }

    /** The user {@code userId}, whom JDA has not cached, adds {@code emoji} in a DM: the event has only their id. */
    MessageReactionAddEvent addedByUncachedUser(long userId, long messageId, EmojiUnion emoji) {
        return new MessageReactionAddEvent(jda, 0, null, null, reaction(channel, messageId, emoji), userId, SELF_ID);
    }

    /**
     * {@code user} removes {@code emoji} from message {@code messageId} in a DM: Discord says neither
     * whose message it is nor more than the user's id.
     */
    MessageReactionRemoveEvent removed(User user, long messageId, EmojiUnion emoji) {
        return new MessageReactionRemoveEvent(jda, 0, null, null, reaction(channel, messageId, emoji), user.getIdLong());
    }

    /** The same in the server's text channel: no member either, tastebot caches none. */
    MessageReactionRemoveEvent removedInServer(User user, long messageId, EmojiUnion emoji) {
        return new MessageReactionRemoveEvent(jda, 0, null, null, reaction(serverChannel, messageId, emoji), user.getIdLong());
    }

    /** As JDA makes it for an event: counts unknown. */
    private MessageReaction reaction(MessageChannelUnion in, long messageId, EmojiUnion emoji) {
        return new MessageReaction(jda, in, emoji, in.getIdLong(), messageId, new boolean[] {false, false}, null);
    }

    /** Every channel a test may look at: to say which were never sent to. */
    Collection<MessageChannelUnion> channels() {
        return List.of(channel, serverChannel, thread);
    }
}
