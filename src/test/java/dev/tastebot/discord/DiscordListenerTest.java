package dev.tastebot.discord;

import java.time.Instant;
import java.time.Duration;
import dev.tastebot.fairuse.Limit;
import dev.tastebot.chat.UserLanes;
import dev.tastebot.MovableClock;
import static dev.tastebot.discord.Options.attachment;
import static dev.tastebot.discord.Options.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.tastebot.chat.ChatCommand;
import dev.tastebot.chat.ChatCommands;
import dev.tastebot.chat.ChatService;
import dev.tastebot.chat.CommandDeclaration;
import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.Reaction;
import dev.tastebot.chat.Reply;
import dev.tastebot.discord.RecordingChatService.Handled;
import dev.tastebot.discord.RecordingChatService.Posted;
import dev.tastebot.discord.RecordingChatService.Reacted;
import dev.tastebot.discord.RecordingChatService.Seen;
import dev.tastebot.discord.RecordingChatService.Suggested;
import dev.tastebot.text.RichText;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.entities.emoji.EmojiUnion;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionRemoveEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.interactions.AutoCompleteQuery;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.Response;
import net.dv8tion.jda.api.requests.restaction.interactions.AutoCompleteCallbackAction;
import net.dv8tion.jda.api.utils.NamedAttachmentProxy;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DiscordListenerTest {
    private static final long SELF_ID = FakeDiscord.SELF_ID;
    private static final long ANA_ID = 42L;
    private static final long BEN_ID = 43L;
    private static final long CARD_MESSAGE_ID = 900L;
    private static final ChatUser ANA = new ChatUser("discord", "42", "Ana");
    private static final ChatUser BEN = new ChatUser("discord", "43", "Ben");
    /** Ana as a removed reaction names her: by her id alone. */
    private static final ChatUser ANA_BY_ID = new ChatUser("discord", "42", "42");
    private static final Reply.SongCard CARD = new Reply.SongCard("4uLU6hMCjMI75M1A2tKUQC", "Never Gonna Give You Up",
            List.of("Rick Astley"), "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC", "You liked 3 songs by Rick Astley", Reply.Purpose.SESSION);

    /** Marks in the core's call list when the interaction was acknowledged. */
    record Deferred(boolean ephemeral) {
    }

    private final RecordingChatService chat = new RecordingChatService();
    private final FakeDiscord fake = new FakeDiscord().whenDeferred(ephemeral -> chat.calls.add(new Deferred(ephemeral)));
    private final FakeMessages discord = fake.messages;
    /** Same thread: every test sees the whole effect of an event when the listener returns. */
    private final DiscordListener listener = new DiscordListener(chat, Runnable::run, new AttachmentDownloader(1024));

    /** Ana uses a slash command; deferring it succeeds at once and is recorded in the core's call list. */
    private SlashCommandInteractionEvent slash(String name, OptionMapping... options) {
        return fake.slash(FakeDiscord.user(ANA_ID, "Ana"), name, options);
    }

    private MessageReactionAddEvent added(long userId, String name, EmojiUnion emoji) {
        return fake.added(FakeDiscord.user(userId, name), CARD_MESSAGE_ID, emoji);
    }

    private MessageReactionRemoveEvent removed(long userId, String name, EmojiUnion emoji) {
        return fake.removed(FakeDiscord.user(userId, name), CARD_MESSAGE_ID, emoji);
    }

    private static ErrorResponseException discordError(ErrorResponse error) {
        return ErrorResponseException.create(error, new Response(null, 403, "Forbidden", -1, Set.of()));
    }

    // --- slash commands ---

    @Test
    void theInteractionIsAcknowledgedBeforeTheCoreIsCalled() {
        // GIVEN a core that answers with a text
        chat.answering(new Reply.Text("Rating session started"));

        // WHEN Ana uses /rate
        listener.onSlashCommandInteraction(slash("rate"));

        // THEN the reply was deferred (publicly: songs to rate follow) before the core ran
        assertThat(chat.calls).containsExactly(new Deferred(false), new Handled(ANA, new ChatCommand.Rate()));
    }

    @Test
    void theCoreRunsOnTheExecutorNotOnJdasThread() {
        // GIVEN an executor that only collects its tasks
        List<Runnable> tasks = new ArrayList<>();
        DiscordListener queued = new DiscordListener(chat, tasks::add, new AttachmentDownloader(1024));

        // WHEN a slash command and a reaction arrive
        queued.onSlashCommandInteraction(slash("rate"));
        queued.onMessageReactionAdd(added(ANA_ID, "Ana", Emoji.fromFormatted("👍")));

        // THEN only the acknowledgement has happened; the core waits for the executor
        assertThat(chat.calls).containsExactly(new Deferred(false));
        tasks.forEach(Runnable::run);
        assertThat(chat.calls).containsExactly(new Deferred(false), new Handled(ANA, new ChatCommand.Rate()),
                new Reacted("discord", "900", ANA, Reaction.LIKE, true));
    }

    @Test
    void personalCommandsAreAcknowledgedPrivately() {
        listener.onSlashCommandInteraction(slash("stats"));

        assertThat(chat.calls).startsWith(new Deferred(true));
    }

    @Test
    void retrainIsAcknowledgedPrivatelyAndNamesTheUserToTheCore() {
        listener.onSlashCommandInteraction(slash("retrain", Options.user("user", 200L)));

        assertThat(chat.calls).containsExactly(new Deferred(true),
                new Handled(ANA, new ChatCommand.Retrain(Optional.of("discord:200"))));
    }

    @Test
    void optionsReachTheCore() {
        listener.onSlashCommandInteraction(slash("will-i-like", string("track", "spotify:track:abc")));

        assertThat(chat.callsOf(Handled.class)).containsExactly(new Handled(ANA, new ChatCommand.WillILike("spotify:track:abc")));
    }

    @Test
    void textRepliesAreSentThroughTheInteraction() {
        chat.answering(new Reply.Text(RichText.builder().words("You rated ").strong("12").words(" songs.").build()),
                new Reply.Text("Link Spotify with /link."));

        listener.onSlashCommandInteraction(slash("stats"));

        assertThat(discord.contents()).containsExactly("You rated **12** songs.", "Link Spotify with /link.");
    }

    @Test
    void aSongCardIsPostedThenGetsItsReactionsThenIsRegisteredUnderItsMessageId() {
        // GIVEN a core that starts a session with a song card after a text
        chat.answering(new Reply.Text("Here we go:"), CARD);

        // WHEN Ana uses /rate
        listener.onSlashCommandInteraction(slash("rate"));

        // THEN the card is a message with its link on the last line and the session's three reactions
        assertThat(discord.sent).hasSize(2);
        FakeMessages.Sent card = discord.sent.get(1);
        assertThat(card.content()).contains("Never Gonna Give You Up", "Rick Astley", "You liked 3 songs by Rick Astley")
                .endsWith("\nhttps://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC");
        assertThat(card.reactions).containsExactly("👍", "👎", "⏹️");
        assertThat(discord.sent.getFirst().reactions).isEmpty();
        // AND it is registered for Ana with the id Discord gave that message
        assertThat(chat.callsOf(Posted.class)).containsExactly(new Posted(ANA, card.id, CARD));
    }

    @Test
    void aCardThatCouldNotBeSentIsNotRegistered() {
        chat.answering(CARD);
        discord.sendFailure = discordError(ErrorResponse.UNKNOWN_WEBHOOK);

        listener.onSlashCommandInteraction(slash("rate"));

        assertThat(chat.callsOf(Posted.class)).isEmpty();
    }

    @Test
    void aFailingCoreGivesTheUserAFriendlyMessageAndNoStackTrace() {
        chat.failingWith(new IllegalStateException("database is locked"));

        listener.onSlashCommandInteraction(slash("stats"));

        assertThat(discord.contents()).containsExactly("Something went wrong on my side; it has been logged.");
    }

    @Test
    void missingReactionPermissionIsExplainedToTheUserOnce() {
        // GIVEN a channel where Discord refuses tastebot's reactions
        chat.answering(CARD);
        discord.reactionFailure = discordError(ErrorResponse.MISSING_PERMISSIONS);

        // WHEN a card is posted
        listener.onSlashCommandInteraction(slash("rate"));

        // THEN the user alone is told what permission to give, once, and the card still counts
        assertThat(discord.sent).hasSize(2);
        FakeMessages.Sent notice = discord.sent.get(1);
        assertThat(notice.content()).startsWith("I can't add reactions in this channel: give me the Add Reactions");
        assertThat(notice.ephemeral).isTrue();
        assertThat(chat.callsOf(Posted.class)).hasSize(1);
    }

    @Test
    void aPermissionJdaRefusesBeforeSendingIsExplainedToo() {
        chat.answering(CARD);
        discord.reactionRefusal = new InsufficientPermissionException(mock(Guild.class), Permission.MESSAGE_ADD_REACTION);

        listener.onSlashCommandInteraction(slash("rate"));

        assertThat(discord.contents()).last().asString().startsWith("I can't add reactions in this channel");
    }

    @Test
    void aDeletedCardIsOnlyLogged() {
        chat.answering(CARD);
        discord.reactionFailure = discordError(ErrorResponse.UNKNOWN_MESSAGE);

        listener.onSlashCommandInteraction(slash("rate"));

        assertThat(discord.sent).hasSize(1);
    }

    @Test
    void noReplyRemovesTheThinkingPlaceholder() {
        listener.onSlashCommandInteraction(slash("unlink"));

        verify(fake.deletion).queue(any(), any());
        assertThat(discord.sent).isEmpty();
    }

    @Test
    void closedDmsStopTheRepliesWithoutCrashing() {
        chat.answering(new Reply.Text("one"), CARD);
        discord.sendFailure = discordError(ErrorResponse.CANNOT_SEND_TO_USER);

        listener.onSlashCommandInteraction(slash("rate"));

        assertThat(discord.sent).isEmpty();
        assertThat(chat.callsOf(Posted.class)).isEmpty();
    }

    @Test
    void importHandsTheDownloadedFileToTheCore() {
        byte[] library = "{\"tracks\":[]}".getBytes(StandardCharsets.UTF_8);
        Message.Attachment file = attachmentOf("YourLibrary.json", library);

        listener.onSlashCommandInteraction(slash("import", attachment("file", file)));

        Handled handled = chat.callsOf(Handled.class).getFirst();
        assertThat(handled.command()).isInstanceOfSatisfying(ChatCommand.Import.class, command -> {
            assertThat(command.fileName()).isEqualTo("YourLibrary.json");
            assertThat(command.content()).isEqualTo(library);
        });
    }

    @Test
    void aTooLargeImportIsRefusedWithoutCallingTheCore() {
        Message.Attachment file = attachmentOf("YourLibrary.json", new byte[2048]);

        listener.onSlashCommandInteraction(slash("import", attachment("file", file)));

        assertThat(chat.callsOf(Handled.class)).isEmpty();
        assertThat(discord.only().content()).startsWith("That file is").contains("I can import files up to");
    }

    @Test
    void anImportTheCoreWouldRefuseIsNotEvenDownloaded() {
        // GIVEN a user over their import limit
        chat.refusingImports("You can import again in 40 minutes.");
        Message.Attachment file = attachmentOf("YourLibrary.json", "{\"tracks\":[]}".getBytes(StandardCharsets.UTF_8));

        // WHEN they upload a file
        listener.onSlashCommandInteraction(slash("import", attachment("file", file)));

        // THEN they are told when they can, and the file was not fetched nor handed to the core
        assertThat(discord.only().content()).isEqualTo("You can import again in 40 minutes.");
        verify(file, never()).getProxy();
        assertThat(chat.callsOf(Handled.class)).isEmpty();
    }

    private static Message.Attachment attachmentOf(String name, byte[] content) {
        Message.Attachment file = mock(Message.Attachment.class);
        NamedAttachmentProxy proxy = mock(NamedAttachmentProxy.class);
        when(file.getFileName()).thenReturn(name);
        when(file.getSize()).thenReturn(content.length);
        when(file.getProxy()).thenReturn(proxy);
        when(proxy.download()).thenReturn(CompletableFuture.completedFuture(new ByteArrayInputStream(content)));
        return file;
    }

    // --- reactions ---

    @Test
    void aThumbsUpReachesTheCoreAsAnAddedLike() {
        listener.onMessageReactionAdd(added(ANA_ID, "Ana", Emoji.fromFormatted("👍")));

        assertThat(chat.calls).containsExactly(new Reacted("discord", "900", ANA, Reaction.LIKE, true));
    }

    @Test
    void removingAReactionReachesTheCoreAsRemovedWithTheUserKnownByIdAlone() {
        listener.onMessageReactionRemove(removed(ANA_ID, "Ana", Emoji.fromFormatted("👎")));

        assertThat(chat.calls).containsExactly(new Reacted("discord", "900", ANA_BY_ID, Reaction.DISLIKE, false));
    }

    @Test
    void theStopEmojiIsUnderstoodWithOrWithoutItsVariationSelector() {
        listener.onMessageReactionAdd(added(ANA_ID, "Ana", Emoji.fromFormatted("⏹")));

        assertThat(chat.callsOf(Reacted.class)).extracting(Reacted::reaction).containsExactly(Reaction.STOP);
    }

    @Test
    void tastebotsOwnReactionsAreIgnored() {
        listener.onMessageReactionAdd(added(SELF_ID, "tastebot", Emoji.fromFormatted("👍")));

        assertThat(chat.calls).isEmpty();
    }

    @Test
    void otherEmojiAreIgnored() {
        listener.onMessageReactionAdd(added(ANA_ID, "Ana", Emoji.fromFormatted("🎉")));
        listener.onMessageReactionAdd(added(ANA_ID, "Ana", Emoji.fromFormatted("<:stop:123456789>")));

        assertThat(chat.calls).isEmpty();
    }

    @Test
    void reactionsByOtherUsersReachTheCoreWhichDecidesWhoseSongItIs() {
        listener.onMessageReactionAdd(added(BEN_ID, "Ben", Emoji.fromFormatted("👍")));

        assertThat(chat.calls).containsExactly(new Reacted("discord", "900", BEN, Reaction.LIKE, true));
    }

    @Test
    void theNextSongOfASessionIsPostedInTheSameChannelAndRegistered() {
        chat.answering(CARD);

        listener.onMessageReactionAdd(added(ANA_ID, "Ana", Emoji.fromFormatted("👍")));

        FakeMessages.Sent next = discord.only();
        assertThat(next.reactions).containsExactly("👍", "👎", "⏹️");
        assertThat(chat.callsOf(Posted.class)).containsExactly(new Posted(ANA, next.id, CARD));
        verify(fake.hook, never()).sendMessage(any(MessageCreateData.class));
    }

    @Test
    void aFailingCoreIsReportedUnderTastebotsOwnMessage() {
        chat.failingWith(new IllegalStateException("database is locked"));

        listener.onMessageReactionAdd(added(ANA_ID, "Ana", Emoji.fromFormatted("👍")));

        assertThat(discord.contents()).containsExactly("Something went wrong on my side; it has been logged.");
    }

    @Test
    void aFailingCoreStaysSilentUnderSomebodyElsesMessage() {
        chat.failingWith(new IllegalStateException("database is locked"));
        long someoneElse = 77L;
        MessageReactionAddEvent event = fake.addedUnder(FakeDiscord.user(ANA_ID, "Ana"), CARD_MESSAGE_ID, someoneElse,
                Emoji.fromFormatted("👍"));

        listener.onMessageReactionAdd(event);

        assertThat(discord.sent).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"👍🏻", "👍🏼", "👍🏽", "👍🏾", "👍🏿"})
    void aThumbsUpInAnySkinToneIsALike(String emoji) {
        listener.onMessageReactionAdd(added(ANA_ID, "Ana", Emoji.fromFormatted(emoji)));

        assertThat(chat.calls).containsExactly(new Reacted("discord", "900", ANA, Reaction.LIKE, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"👎🏻", "👎🏼", "👎🏽", "👎🏾", "👎🏿"})
    void takingBackAThumbsDownInAnySkinToneReachesTheCore(String emoji) {
        listener.onMessageReactionRemove(removed(ANA_ID, "Ana", Emoji.fromFormatted(emoji)));

        assertThat(chat.calls).containsExactly(new Reacted("discord", "900", ANA_BY_ID, Reaction.DISLIKE, false));
    }

    @Test
    void aReactionByAUserJdaHasNotCachedReachesTheCoreByTheirId() {
        listener.onMessageReactionAdd(fake.addedByUncachedUser(ANA_ID, CARD_MESSAGE_ID, Emoji.fromFormatted("👍")));

        assertThat(chat.calls).containsExactly(new Reacted("discord", "900", ANA_BY_ID, Reaction.LIKE, true));
    }

    // --- permissions in servers ---

    private SlashCommandInteractionEvent slashInServer(String name, OptionMapping... options) {
        return fake.slashInServer(FakeDiscord.user(ANA_ID, "Ana"), name, options);
    }

    /** The commands whose declaration says they post songs to rate: /rate and /playlist today. */
    static List<String> commandsThatPostSongs() {
        return ChatCommands.ALL.stream().filter(CommandDeclaration::postsSongs).map(CommandDeclaration::name).toList();
    }

    @ParameterizedTest
    @MethodSource("commandsThatPostSongs")
    void aCommandThatPostsSongsWhereTastebotMayNotPostIsAnsweredPrivatelyNamingWhatIsMissing(String command) {
        // GIVEN a server channel where tastebot may neither send messages nor add reactions
        fake.denying(Permission.MESSAGE_SEND, Permission.MESSAGE_ADD_REACTION);
        chat.answering(CARD);

        // WHEN Ana uses the command there
        listener.onSlashCommandInteraction(slashInServer(command));

        // THEN she alone is told which permissions are missing and how to go on in DMs, and nothing ran
        assertThat(chat.calls).startsWith(new Deferred(true));
        assertThat(chat.callsOf(Handled.class)).isEmpty();
        FakeMessages.Sent answer = discord.only();
        assertThat(answer.where).isEqualTo("interaction");
        assertThat(answer.content()).contains("missing the Send Messages and Add Reactions permissions")
                .contains("/" + command + " in a direct message with me")
                .doesNotContain("View Channel", "Read Message History");
    }

    @Test
    void rateIsRefusedForASingleMissingPermissionToo() {
        fake.denying(Permission.MESSAGE_HISTORY);

        listener.onSlashCommandInteraction(slashInServer("rate"));

        assertThat(chat.callsOf(Handled.class)).isEmpty();
        assertThat(discord.only().content()).contains("missing the Read Message History permission here");
    }

    @Test
    void rateWhereTastebotHasWhatItNeedsStartsThePublicSession() {
        chat.answering(CARD);

        listener.onSlashCommandInteraction(slashInServer("rate"));

        assertThat(chat.calls).startsWith(new Deferred(false), new Handled(ANA, new ChatCommand.Rate()));
        assertThat(discord.only().reactions).containsExactly("👍", "👎", "⏹️");
    }

    @Test
    void stoppingASessionPostsNoSongAndWorksWhereTastebotMayNotPost() {
        fake.denying(Permission.MESSAGE_SEND);

        listener.onSlashCommandInteraction(slashInServer("rate", Options.bool("stop", true)));

        assertThat(chat.callsOf(Handled.class)).containsExactly(new Handled(ANA, new ChatCommand.StopRating()));
    }

    @Test
    void aCommandThatPostsNoSongsRunsWhereTastebotMayNotPost() {
        // GIVEN a channel where tastebot may not send messages: answers to a command go through its interaction
        fake.denying(Permission.MESSAGE_SEND, Permission.MESSAGE_ADD_REACTION);
        chat.answering(new Reply.Text("You rated 12 songs."));

        listener.onSlashCommandInteraction(slashInServer("stats"));

        assertThat(chat.callsOf(Handled.class)).containsExactly(new Handled(ANA, new ChatCommand.Stats()));
        assertThat(discord.only().content()).isEqualTo("You rated 12 songs.");
    }

    @Test
    void whenTastebotMayNoLongerPostTheNextSongTheUserIsToldOnceADayByDirectMessage() {
        // GIVEN a server channel where tastebot lost Send Messages during Ana's session
        fake.denying(Permission.MESSAGE_SEND);
        chat.answering(CARD);
        DiscordListener timed = new DiscordListener(chat, new Worker(Runnable::run), new AttachmentDownloader(1024), fake.clock);
        User ana = FakeDiscord.user(ANA_ID, "Ana");

        // WHEN Ana rates twice there, and each time the core answers with the next song
        timed.onMessageReactionAdd(fake.addedInServer(ana, CARD_MESSAGE_ID, LIKE));
        timed.onMessageReactionAdd(fake.addedInServer(ana, CARD_MESSAGE_ID + 1, DISLIKE));

        // THEN JDA refused both cards before sending; her ratings reached the core
        assertThat(discord.sentTo("server channel")).isEmpty();
        assertThat(chat.callsOf(Reacted.class)).hasSize(2);
        assertThat(chat.callsOf(Posted.class)).isEmpty();
        // AND she got one direct message, naming the channel and the missing permission, and how to go on
        assertThat(discord.sent).singleElement().satisfies(dm -> {
            assertThat(dm.where).isEqualTo("DM");
            assertThat(dm.content()).contains("<#" + FakeDiscord.SERVER_CHANNEL_ID + ">")
                    .contains("missing the Send Messages permission").contains("use /rate in this chat");
        });

        // AND a day later she is told again, should it still be so
        fake.clock.advance(ReplyPoster.NOTICE_INTERVAL);
        timed.onMessageReactionAdd(fake.addedInServer(ana, CARD_MESSAGE_ID + 2, LIKE));
        assertThat(discord.sentTo("DM")).hasSize(2);
    }

    @Test
    void missingReactionPermissionIsExplainedOnceNotUnderEveryCard() {
        // GIVEN a server channel where tastebot may post but lost Add Reactions during Ana's session
        fake.denying(Permission.MESSAGE_ADD_REACTION);
        chat.answering(CARD);
        DiscordListener timed = new DiscordListener(chat, new Worker(Runnable::run), new AttachmentDownloader(1024), fake.clock);

        // WHEN she rates three songs, each answered with the next card
        for (int i = 0; i < 3; i++) {
            timed.onMessageReactionAdd(fake.addedInServer(FakeDiscord.user(ANA_ID, "Ana"), CARD_MESSAGE_ID + i, LIKE));
        }

        // THEN three cards went out without reactions, and one notice says why
        assertThat(discord.contents()).filteredOn(UserMessages.CANNOT_REACT::equals).hasSize(1);
        assertThat(discord.sentTo("server channel")).hasSize(4);
        assertThat(chat.callsOf(Posted.class)).hasSize(3);
    }

    @Test
    void reactionsDiscordBlocksAreReportedOnce() {
        // GIVEN Discord blocking tastebot's reactions (code 90001)
        discord.reactionFailure = discordError(ErrorResponse.REACTION_BLOCKED);
        chat.answering(CARD);

        // WHEN two cards are posted in Ana's DMs
        listener.onMessageReactionAdd(added(ANA_ID, "Ana", LIKE));
        listener.onMessageReactionAdd(added(ANA_ID, "Ana", DISLIKE));

        // THEN she is told once that she can react herself, and both cards still count
        assertThat(discord.contents()).filteredOn(UserMessages.REACTIONS_BLOCKED::equals).hasSize(1);
        assertThat(chat.callsOf(Posted.class)).hasSize(2);
    }

    // --- threads ---

    @Test
    void aReactionInAThreadReachesTheCoreAndTheNextSongIsPostedInTheThread() {
        // GIVEN the core answering a rating with the next song
        chat.answering(CARD);

        // WHEN Ben reacts 👍 in a thread of the server
        listener.onMessageReactionAdd(fake.addedInThread(FakeDiscord.user(BEN_ID, "Ben"), CARD_MESSAGE_ID, LIKE));

        // THEN the core heard him, the next song went into the thread with its reactions, and the server is his
        assertThat(chat.calls).containsExactly(new Reacted("discord", "900", BEN, Reaction.LIKE, true),
                new Seen(BEN, FakeDiscord.SERVER_ID), new Posted(BEN, "1001", CARD));
        assertThat(discord.only().where).isEqualTo("thread");
        assertThat(discord.only().reactions).containsExactly("👍", "👎", "⏹️");
    }

    @Test
    void rateInAThreadNeedsSendMessagesInThreadsWhichIsNamedWhenMissing() {
        // GIVEN tastebot may send messages in the channel but not in its threads
        fake.denying(Permission.MESSAGE_SEND_IN_THREADS);

        // WHEN Ana uses /rate in a thread
        listener.onSlashCommandInteraction(fake.slashInThread(FakeDiscord.user(ANA_ID, "Ana"), "rate"));

        // THEN she alone is told that permission is missing, and no session started
        assertThat(chat.calls).startsWith(new Deferred(true));
        assertThat(chat.callsOf(Handled.class)).isEmpty();
        assertThat(discord.only().content()).contains("missing the Send Messages in Threads permission");
    }

    @Test
    void rateInAThreadWithoutSendMessagesInTheChannelRuns() {
        // GIVEN tastebot may send in threads but not in the channel itself: Discord ignores Send Messages in threads
        fake.denying(Permission.MESSAGE_SEND);

        listener.onSlashCommandInteraction(fake.slashInThread(FakeDiscord.user(ANA_ID, "Ana"), "rate"));

        assertThat(chat.callsOf(Handled.class)).containsExactly(new Handled(ANA, new ChatCommand.Rate()));
    }

    @Test
    void rateInAPrivateThreadTastebotIsNotInSaysSo() {
        when(fake.thread.getType()).thenReturn(ChannelType.GUILD_PRIVATE_THREAD);

        listener.onSlashCommandInteraction(fake.slashInThread(FakeDiscord.user(ANA_ID, "Ana"), "rate"));

        assertThat(chat.callsOf(Handled.class)).isEmpty();
        assertThat(discord.only().content()).startsWith("I'm not in this private thread").contains("Add me to the thread");
    }

    @Test
    void rateInALockedThreadSaysOnlyModeratorsMayPostThere() {
        when(((ThreadChannel) fake.thread).isLocked()).thenReturn(true);

        listener.onSlashCommandInteraction(fake.slashInThread(FakeDiscord.user(ANA_ID, "Ana"), "rate"));

        assertThat(chat.callsOf(Handled.class)).isEmpty();
        assertThat(discord.only().content()).startsWith("This thread is locked").contains("Use /rate in a direct message");
    }

    @Test
    void aModeratorBotMayRateInAPrivateThreadItIsNotIn() {
        when(fake.thread.getType()).thenReturn(ChannelType.GUILD_PRIVATE_THREAD);
        fake.permissions.add(Permission.MANAGE_THREADS);

        listener.onSlashCommandInteraction(fake.slashInThread(FakeDiscord.user(ANA_ID, "Ana"), "rate"));

        assertThat(chat.callsOf(Handled.class)).containsExactly(new Handled(ANA, new ChatCommand.Rate()));
    }

    // --- the interaction's 15 minutes ---

    @Test
    void anAnswerReadyAfterTheInteractionsFifteenMinutesGoesToTheUsersDirectMessagesSayingWhy() {
        // GIVEN a core that takes 16 minutes to retrain Ana's model
        chat.whileHandling(() -> fake.clock.advance(Duration.ofMinutes(16)))
                .answering(new Reply.Text("Retrained on 120 ratings."));

        // WHEN Ana uses /retrain
        listener.onSlashCommandInteraction(slash("retrain"));

        // THEN the answer is in her DMs, after a line saying why it is there, and nothing went to the expired hook
        assertThat(discord.sent).extracting(sent -> sent.where).containsOnly("DM");
        assertThat(discord.contents()).containsExactly(UserMessages.lateAnswer("retrain"), "Retrained on 120 ratings.");
        verify(fake.hook, never()).sendMessage(any(MessageCreateData.class));
    }

    @Test
    void anAnswerWithinTheFifteenMinutesGoesThroughTheInteraction() {
        chat.whileHandling(() -> fake.clock.advance(Duration.ofMinutes(14)))
                .answering(new Reply.Text("Retrained on 120 ratings."));

        listener.onSlashCommandInteraction(slash("retrain"));

        assertThat(discord.only().where).isEqualTo("interaction");
    }

    // --- flood ---

    @Test
    void aUserWhoSendsTooMuchHasTheRestRefusedAndIsToldOnceAMinute() {
        // GIVEN lanes that take 2 events of a user in any 10 seconds
        MovableClock clock = new MovableClock(Instant.parse("2026-12-06T12:00:00Z"));
        UserLanes lanes = new UserLanes(Runnable::run, new UserLanes.Flood(new Limit(2, Duration.ofSeconds(10)), 50), clock);
        DiscordListener limited = new DiscordListener(chat, new Worker(Runnable::run, lanes), new AttachmentDownloader(1024), clock);

        // WHEN Ana reacts five times under tastebot's card
        for (int i = 0; i < 5; i++) {
            limited.onMessageReactionAdd(added(ANA_ID, "Ana", Emoji.fromFormatted(i % 2 == 0 ? "👍" : "👎")));
        }

        // THEN two reach the core, and she is told once, not three times, that the rest did not count
        assertThat(chat.calls).filteredOn(Reacted.class::isInstance).hasSize(2);
        assertThat(discord.contents()).containsExactly(UserMessages.SLOW_DOWN);

        // AND a slash command while she is still over the limit is answered with the same notice, never run
        limited.onSlashCommandInteraction(slash("stats"));
        assertThat(chat.calls).noneMatch(Handled.class::isInstance);
        assertThat(discord.contents()).containsExactly(UserMessages.SLOW_DOWN, UserMessages.SLOW_DOWN);

        // AND a minute later she is heard again
        clock.advance(Duration.ofMinutes(1));
        limited.onSlashCommandInteraction(slash("stats"));
        assertThat(chat.calls).last().isEqualTo(new Handled(ANA, new ChatCommand.Stats()));
    }

    // --- order ---

    private static final EmojiUnion LIKE = Emoji.fromFormatted("👍");
    private static final EmojiUnion DISLIKE = Emoji.fromFormatted("👎");

    /** Runs the tasks an executor was given, the last first, as a busy scheduler may start its threads. */
    private static void runLastFirst(List<Runnable> tasks) {
        while (!tasks.isEmpty()) {
            tasks.removeLast().run();
        }
    }

    @Test
    void aUsersReactionsReachTheCoreInTheOrderDiscordDeliveredThemWhicheverTaskRunsFirst() {
        // GIVEN an executor that keeps its tasks until the test runs them
        List<Runnable> tasks = new ArrayList<>();
        DiscordListener queued = new DiscordListener(chat, tasks::add, new AttachmentDownloader(1024));

        // WHEN Ana switches 👍 to 👎 and back as Discord delivers it (add the new one, remove the old one),
        // and the executor runs its tasks the last first
        queued.onMessageReactionAdd(added(ANA_ID, "Ana", DISLIKE));
        queued.onMessageReactionRemove(removed(ANA_ID, "Ana", LIKE));
        queued.onMessageReactionAdd(added(ANA_ID, "Ana", LIKE));
        queued.onMessageReactionRemove(removed(ANA_ID, "Ana", DISLIKE));
        runLastFirst(tasks);

        // THEN the core heard them in Discord's order
        assertThat(chat.calls).containsExactly(new Reacted("discord", "900", ANA, Reaction.DISLIKE, true),
                new Reacted("discord", "900", ANA_BY_ID, Reaction.LIKE, false), new Reacted("discord", "900", ANA, Reaction.LIKE, true),
                new Reacted("discord", "900", ANA_BY_ID, Reaction.DISLIKE, false));
    }

    /** The orders in which an executor may start the threads of its tasks. */
    enum TaskOrder {
        AS_GIVEN, LAST_FIRST
    }

    @ParameterizedTest
    @EnumSource(TaskOrder.class)
    void aReactionRightAfterACommandWaitsForTheCommandWhoseAcknowledgementWasStillOnItsWay(TaskOrder order) {
        // GIVEN Discord confirming acknowledgements only when told, and an executor that keeps its tasks
        fake.holdingAcknowledgements();
        List<Runnable> tasks = new ArrayList<>();
        DiscordListener queued = new DiscordListener(chat, tasks::add, new AttachmentDownloader(1024));

        // WHEN Ana uses /rate and reacts 👍 before Discord confirmed the acknowledgement, which then arrives,
        // and the executor runs its tasks in either order
        queued.onSlashCommandInteraction(slash("rate"));
        queued.onMessageReactionAdd(added(ANA_ID, "Ana", LIKE));
        fake.acknowledgeHeld();
        switch (order) {
            case AS_GIVEN -> tasks.forEach(Runnable::run);
            case LAST_FIRST -> runLastFirst(tasks);
        }

        // THEN the core answered the command before it heard the reaction
        assertThat(chat.calls).containsExactly(new Deferred(false), new Handled(ANA, new ChatCommand.Rate()),
                new Reacted("discord", "900", ANA, Reaction.LIKE, true));
    }

    @Test
    void aCommandDiscordRefusedToAcknowledgeIsNotCarriedOutAndTheUsersNextEventsGoOn() {
        // GIVEN Discord confirming acknowledgements only when told, and an executor that keeps its tasks
        fake.holdingAcknowledgements();
        List<Runnable> tasks = new ArrayList<>();
        DiscordListener queued = new DiscordListener(chat, tasks::add, new AttachmentDownloader(1024));

        // WHEN Ana uses /rate and reacts 👍, and Discord then refuses the acknowledgement
        queued.onSlashCommandInteraction(slash("rate"));
        queued.onMessageReactionAdd(added(ANA_ID, "Ana", LIKE));
        fake.failHeld(discordError(ErrorResponse.UNKNOWN_INTERACTION));
        tasks.forEach(Runnable::run);

        // THEN the command never reached the core, and the reaction did
        assertThat(chat.calls).containsExactly(new Deferred(false), new Reacted("discord", "900", ANA, Reaction.LIKE, true));
        assertThat(discord.sent).isEmpty();
    }

    // --- servers ---

    @Test
    void aCommandInAServerRecordsTheServerAfterTheCoreAnswered() {
        // GIVEN a core that answers with a text
        chat.answering(new Reply.Text(RichText.builder().words("You rated ").strong("12").words(" songs.").build()));

        // WHEN Ana uses /stats in a server
        listener.onSlashCommandInteraction(fake.slashInServer(FakeDiscord.user(ANA_ID, "Ana"), "stats"));

        // THEN the core answered first, then heard where she is, and she got her answer
        assertThat(chat.calls).containsExactly(new Deferred(true), new Handled(ANA, new ChatCommand.Stats()),
                new Seen(ANA, FakeDiscord.SERVER_ID));
        assertThat(discord.contents()).containsExactly("You rated **12** songs.");
    }

    @Test
    void aCommandInADirectMessageRecordsNoServer() {
        listener.onSlashCommandInteraction(slash("stats"));

        assertThat(chat.callsOf(Seen.class)).isEmpty();
    }

    @Test
    void aReactionInAServerRecordsTheServerOfTheReactor() {
        listener.onMessageReactionAdd(fake.addedInServer(FakeDiscord.user(BEN_ID, "Ben"), CARD_MESSAGE_ID,
                Emoji.fromFormatted("👍")));

        assertThat(chat.calls).containsExactly(new Reacted("discord", "900", BEN, Reaction.LIKE, true),
                new Seen(BEN, FakeDiscord.SERVER_ID));
    }

    @Test
    void aReactionInADirectMessageRecordsNoServer() {
        listener.onMessageReactionAdd(added(ANA_ID, "Ana", Emoji.fromFormatted("👍")));

        assertThat(chat.callsOf(Seen.class)).isEmpty();
    }

    @Test
    void otherEmojiInAServerRecordNothing() {
        listener.onMessageReactionAdd(fake.addedInServer(FakeDiscord.user(ANA_ID, "Ana"), CARD_MESSAGE_ID,
                Emoji.fromFormatted("🎉")));

        assertThat(chat.calls).isEmpty();
    }

    @Test
    void failingToRecordTheServerCostsTheUserNothing() {
        // GIVEN a core that answers but cannot record servers
        chat.answering(new Reply.Text("Daily recommendations are off.")).failingToRecordWith(new IllegalStateException("disk full"));

        // WHEN Ana uses a command in a server
        listener.onSlashCommandInteraction(fake.slashInServer(FakeDiscord.user(ANA_ID, "Ana"), "stats"));

        // THEN she got her answer and no error message
        assertThat(discord.contents()).containsExactly("Daily recommendations are off.");
    }

    // --- autocomplete ---

    @Test
    void autocompleteAnswersWithTheCoresSuggestionsWithinDiscordsLimits() {
        // GIVEN a core with a suggestion whose label is too long for Discord
        chat.suggesting(new ChatService.Choice("Never Gonna Give You Up — Rick Astley", "spotify:track:4uLU6hMCjMI75M1A2tKUQC"),
                new ChatService.Choice("x".repeat(130), "spotify:track:other"));
        CommandAutoCompleteInteractionEvent event = autocomplete("will-i-like", "track", "never gon");
        List<Collection<Command.Choice>> answers = answersOf(event);

        // WHEN Ana types in /will-i-like's track
        listener.onCommandAutoCompleteInteraction(event);

        // THEN the core is asked for Discord's maximum of 25, and the answer fits Discord's limits
        assertThat(chat.calls).containsExactly(new Suggested(ANA, "never gon", 25));
        assertThat(answers).singleElement().satisfies(choices -> {
            assertThat(choices).extracting(Command.Choice::getAsString).containsExactly("spotify:track:4uLU6hMCjMI75M1A2tKUQC", "spotify:track:other");
            assertThat(choices).extracting(Command.Choice::getName).allSatisfy(name -> assertThat(name.length()).isLessThanOrEqualTo(100));
        });
    }

    @Test
    void aFailingSuggestionAnswersWithNoChoices() {
        chat.failingWith(new IllegalStateException("search down"));
        CommandAutoCompleteInteractionEvent event = autocomplete("will-i-like", "track", "never");
        List<Collection<Command.Choice>> answers = answersOf(event);

        listener.onCommandAutoCompleteInteraction(event);

        assertThat(answers).singleElement().satisfies(choices -> assertThat(choices).isEmpty());
    }

    @Test
    void autocompleteOfAnotherOptionDoesNotAskTheCore() {
        CommandAutoCompleteInteractionEvent event = autocomplete("daily", "timezone", "Eur");
        List<Collection<Command.Choice>> answers = answersOf(event);

        listener.onCommandAutoCompleteInteraction(event);

        assertThat(chat.calls).isEmpty();
        assertThat(answers).singleElement().satisfies(choices -> assertThat(choices).isEmpty());
    }

    @Test
    void autocompleteRunsBesideTheUsersQueuedWork() {
        // GIVEN an executor that keeps its tasks, and Ana's /retrain queued in her lane
        List<Runnable> tasks = new ArrayList<>();
        DiscordListener queued = new DiscordListener(chat, tasks::add, new AttachmentDownloader(1024));
        queued.onSlashCommandInteraction(slash("retrain"));
        CommandAutoCompleteInteractionEvent event = autocomplete("will-i-like", "track", "never");
        List<Collection<Command.Choice>> answers = answersOf(event);

        // WHEN she types in /will-i-like's track, and only the newest task runs
        queued.onCommandAutoCompleteInteraction(event);
        tasks.getLast().run();

        // THEN her suggestions were answered while the retraining still waits
        assertThat(chat.calls).containsExactly(new Deferred(true), new Suggested(ANA, "never", 25));
        assertThat(answers).hasSize(1);
    }

    private static CommandAutoCompleteInteractionEvent autocomplete(String command, String option, String typed) {
        CommandAutoCompleteInteractionEvent event = mock(CommandAutoCompleteInteractionEvent.class);
        when(event.getName()).thenReturn(command);
        when(event.getFocusedOption()).thenReturn(new AutoCompleteQuery(string(option, typed)));
        User ana = FakeDiscord.user(ANA_ID, "Ana");
        when(event.getUser()).thenReturn(ana);
        return event;
    }

    /** Records every list of choices the event is answered with. */
    private static List<Collection<Command.Choice>> answersOf(CommandAutoCompleteInteractionEvent event) {
        List<Collection<Command.Choice>> answers = new ArrayList<>();
        when(event.replyChoices(anyCollection())).thenAnswer(call -> {
            answers.add(List.copyOf(call.<Collection<Command.Choice>>getArgument(0)));
            return mock(AutoCompleteCallbackAction.class, RETURNS_SELF);
        });
        return answers;
    }

    // --- choosing among matches ---

    private static final String TRACK_ID = "4uLU6hMCjMI75M1A2tKUQC";

    /**
     * The asker's press is answered as their list was; anyone else's privately, since the channel
     * asked for the asker's answers, not one per passer-by. Either way the core answers the presser.
     */
    @ParameterizedTest(name = "pressed by {0}, list private: {1}")
    @CsvSource({"42, false, false", "42, true, true", "43, false, true", "43, true, true"})
    void whoeverPressesAChoiceGetsTheirOwnAnswerAboutThatTrack(long presserId, boolean listPrivate, boolean answerPrivate) {
        // GIVEN Ana's list of matches in the server channel
        User ana = FakeDiscord.user(ANA_ID, "Ana");
        User presser = FakeDiscord.user(presserId, presserId == ANA_ID ? "Ana" : "Ben");

        // WHEN someone presses one of its buttons
        listener.onButtonInteraction(fake.pressInServer(presser, "pick:" + TRACK_ID, ana, listPrivate));

        // THEN it is acknowledged at once, then the core is asked about that track for the presser
        assertThat(chat.calls).startsWith(new Deferred(answerPrivate),
                new Handled(presserId == ANA_ID ? ANA : BEN, new ChatCommand.WillILike(TRACK_ID)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pick:Daft Punk - One More Time", "pick:", "pick:../../etc/passwd", "like", "forget:42",
            "pick:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void aForgedCustomIdIsAcknowledgedAndRefusedPrivatelyWithoutReachingTheCore(String customId) {
        User ana = FakeDiscord.user(ANA_ID, "Ana");

        listener.onButtonInteraction(fake.press(ana, customId, ana));

        assertThat(chat.calls).containsExactly(new Deferred(true));
        assertThat(discord.contents()).containsExactly("That button does nothing any more; ask again with /will-i-like.");
    }

    @Test
    void aPressTheCoreCannotAnswerGetsAFriendlyMessage() {
        chat.failingWith(new IllegalStateException("database is locked"));
        User ana = FakeDiscord.user(ANA_ID, "Ana");

        listener.onButtonInteraction(fake.press(ana, "pick:" + TRACK_ID, ana));

        assertThat(discord.contents()).containsExactly("Something went wrong on my side; it has been logged.");
    }
}
