package dev.tastebot.discord;

import static dev.tastebot.discord.Options.bool;
import static dev.tastebot.discord.Options.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.tastebot.chat.ChatCommand;
import dev.tastebot.chat.ChatFixture;
import dev.tastebot.chat.ChatService;
import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.Reaction;
import dev.tastebot.chat.Reply;
import dev.tastebot.store.BusyWait;
import dev.tastebot.store.PostedSong;
import dev.tastebot.store.Rating;
import dev.tastebot.store.RatingChange;
import dev.tastebot.store.RatingSession;
import dev.tastebot.store.Track;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.entities.emoji.EmojiUnion;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Discord adapter over the real chat core and a real SQLite file: JDA's events and actions are
 * Mockito mocks as in {@link DiscordListenerTest}, and every test checks both what Discord was asked
 * to send and what ended up in the database.
 */
class DiscordWithRealCoreTest {
    private static final long ANA_ID = 42L;
    private static final long BEN_ID = 43L;
    private final User ANA = FakeDiscord.user(ANA_ID, "Ana");
    private final User BEN = FakeDiscord.user(BEN_ID, "Ben");
    private final User TASTEBOT = FakeDiscord.user(FakeDiscord.SELF_ID, "tastebot");
    private static final String ANA_USER_ID = "discord:42";
    private static final String BEN_USER_ID = "discord:43";
    private static final EmojiUnion LIKE = Emoji.fromFormatted(Reaction.LIKE.emoji());
    private static final EmojiUnion DISLIKE = Emoji.fromFormatted(Reaction.DISLIKE.emoji());
    private static final EmojiUnion STOP = Emoji.fromFormatted(Reaction.STOP.emoji());

    @TempDir
    Path folder;
    private ChatFixture fixture;
    /** Discord: it stays the same when tastebot restarts. */
    private final FakeDiscord discord = new FakeDiscord();
    /** The real core, seen through a Mockito mock that forwards every call, to tell whether it was reached. */
    private ChatService core;
    private DiscordListener listener;

    @BeforeEach
    void setUp() {
        fixture = new ChatFixture(folder, 120);
        startTastebot();
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    /** A listener with the executor of {@link DiscordListenerTest}: the whole effect of an event is there when it returns. */
    private void startTastebot() {
        core = mock(ChatService.class, delegatesTo(fixture.core()));
        listener = new DiscordListener(core, Runnable::run, new AttachmentDownloader(1024));
    }

    /** {@code user} runs /rate; returns the song card tastebot posted (the message it put reactions under). */
    private FakeMessages.Sent rate(User user) {
        listener.onSlashCommandInteraction(discord.slash(user, "rate"));
        return lastCard();
    }

    private FakeMessages.Sent lastCard() {
        return discord.messages.sent.reversed().stream().filter(m -> !m.reactions.isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("no song card among " + discord.messages.contents()));
    }

    private static long idOf(FakeMessages.Sent message) {
        return Long.parseLong(message.id);
    }

    /** What the database says was posted as this Discord message. */
    private Optional<PostedSong> postedAs(FakeMessages.Sent message) {
        return fixture.posted().find("discord:" + message.id);
    }

    private String trackOf(FakeMessages.Sent card) {
        return postedAs(card).orElseThrow(() -> new AssertionError("message " + card.id + " is not stored as a song")).trackId();
    }

    private Optional<Rating> rating(String userId, String trackId) {
        return fixture.ratings().current(userId, trackId);
    }

    private Optional<String> awaitedMessage(String userId) {
        return fixture.sessions().current(userId).flatMap(RatingSession::currentMessageId);
    }

    // --- 1. /rate ---

    @Test
    void rateIsDeferredThenPostsASongCardWithItsReactionsAndStoresTheCard() {
        // GIVEN a way to see what was stored at the moment Discord is asked to acknowledge
        List<Boolean> sessionWhenDeferred = new ArrayList<>();
        discord.whenDeferred(ephemeral -> sessionWhenDeferred.add(fixture.sessions().current(ANA_USER_ID).isPresent()));
        SlashCommandInteractionEvent event = discord.slash(ANA, "rate");

        // WHEN Ana uses /rate
        listener.onSlashCommandInteraction(event);

        // THEN the interaction was acknowledged publicly (reactions need a public message) before the core ran
        verify(event).deferReply(false);
        assertThat(sessionWhenDeferred).containsExactly(false);
        // AND the introduction and a song card went out through the interaction, the card with 👍 👎 ⏹️
        assertThat(discord.messages.contents()).hasSize(2).first().asString().startsWith("Rating session started");
        FakeMessages.Sent card = discord.messages.sent.get(1);
        assertThat(card.reactions).containsExactly("👍", "👎", "⏹️");
        verify(discord.hook, times(2)).sendMessage(any(MessageCreateData.class));
        verify(discord.channel, never()).sendMessage(any(MessageCreateData.class));
        // AND the database knows that message as Ana's song, awaited by her session
        PostedSong posted = postedAs(card).orElseThrow();
        assertThat(posted.userId()).isEqualTo(ANA_USER_ID);
        assertThat(posted.purpose()).isEqualTo(PostedSong.SESSION);
        assertThat(awaitedMessage(ANA_USER_ID)).contains("discord:" + card.id);
        // AND the card shows that very song
        Track track = fixture.tracks().find(posted.trackId()).orElseThrow();
        assertThat(card.content()).contains(track.title()).contains(track.artists());
        assertThat(fixture.ratings().all(ANA_USER_ID)).isEmpty();
    }

    // --- 2. the owner's reaction ---

    @Test
    void theOwnersThumbsUpIsStoredAsALikeBeforeTheNextCardIsSentToTheSameChannel() {
        // GIVEN Ana's first card, and a look at her rating of it whenever a message is sent
        FakeMessages.Sent first = rate(ANA);
        String firstTrack = trackOf(first);
        List<Optional<Rating>> ratingWhenSending = new ArrayList<>();
        discord.messages.onSend = data -> ratingWhenSending.add(rating(ANA_USER_ID, firstTrack));

        // WHEN Ana reacts 👍 under it
        listener.onMessageReactionAdd(discord.added(ANA, idOf(first), LIKE));

        // THEN the like was already stored, from the chat, when the next card was sent
        assertThat(ratingWhenSending).singleElement().satisfies(stored -> assertThat(stored).hasValueSatisfying(r -> {
            assertThat(r.liked()).isTrue();
            assertThat(r.source()).isEqualTo("chat");
        }));
        assertThat(rating(ANA_USER_ID, firstTrack)).map(Rating::liked).contains(true);
        // AND the next card went to the channel of the reaction, with its reactions, for another song
        verify(discord.channel, times(1)).sendMessage(any(MessageCreateData.class));
        FakeMessages.Sent next = discord.messages.sent.getLast();
        assertThat(next.reactions).containsExactly("👍", "👎", "⏹️");
        assertThat(trackOf(next)).isNotEqualTo(firstTrack);
        assertThat(awaitedMessage(ANA_USER_ID)).contains("discord:" + next.id);
    }

    // --- 3. somebody else's reaction ---

    @Test
    void anotherUsersThumbsDownOnTheOwnersCardStoresNothingAndSendsNothing() {
        // GIVEN Ana's card
        FakeMessages.Sent card = rate(ANA);
        String track = trackOf(card);
        int sentBefore = discord.messages.sent.size();

        // WHEN Ben reacts 👎 under it
        listener.onMessageReactionAdd(discord.added(BEN, idOf(card), DISLIKE));

        // THEN the core heard it and ignored it: no rating for Ben nor for Ana, and Ben is not even a user
        verify(core).reacted(DiscordUsers.PLATFORM, card.id, new ChatUser("discord", "43", "Ben"), Reaction.DISLIKE, true);
        assertThat(rating(BEN_USER_ID, track)).isEmpty();
        assertThat(rating(ANA_USER_ID, track)).isEmpty();
        assertThat(fixture.ratings().history(ANA_USER_ID, track)).isEmpty();
        assertThat(fixture.users().exists(BEN_USER_ID)).isFalse();
        // AND nothing was sent; Ana's session still waits for her
        assertThat(discord.messages.sent).hasSize(sentBefore);
        verify(discord.channel, never()).sendMessage(any(MessageCreateData.class));
        assertThat(awaitedMessage(ANA_USER_ID)).contains("discord:" + card.id);
    }

    // --- 4. tastebot's own reactions ---

    @Test
    void tastebotsOwnReactionsNeverReachTheCoreAndStoreNothing() {
        // GIVEN Ana's card
        FakeMessages.Sent card = rate(ANA);
        String track = trackOf(card);
        int sentBefore = discord.messages.sent.size();

        // WHEN Discord reports the reactions tastebot put under it itself
        listener.onMessageReactionAdd(discord.added(TASTEBOT, idOf(card), LIKE));
        listener.onMessageReactionAdd(discord.added(TASTEBOT, idOf(card), DISLIKE));
        listener.onMessageReactionAdd(discord.added(TASTEBOT, idOf(card), STOP));

        // THEN the core was not called, nothing is stored and nothing sent; the session goes on
        verify(core, never()).reacted(anyString(), anyString(), any(), any(), anyBoolean());
        assertThat(rating(ANA_USER_ID, track)).isEmpty();
        assertThat(fixture.ratings().all("discord:" + FakeDiscord.SELF_ID)).isEmpty();
        assertThat(discord.messages.sent).hasSize(sentBefore);
        assertThat(awaitedMessage(ANA_USER_ID)).contains("discord:" + card.id);
    }

    // --- 5. switching and taking back ---

    @Test
    void switchingToThumbsDownStoresADislikeAndRemovingItTakesTheRatingBack() {
        // GIVEN Ana liked her first song (and got the next one)
        FakeMessages.Sent card = rate(ANA);
        String track = trackOf(card);
        listener.onMessageReactionAdd(discord.added(ANA, idOf(card), LIKE));
        int sentAfterLike = discord.messages.sent.size();

        // WHEN she adds 👎 while 👍 is still there, then removes 👍, as Discord orders a switch
        listener.onMessageReactionAdd(discord.added(ANA, idOf(card), DISLIKE));
        listener.onMessageReactionRemove(discord.removed(ANA, idOf(card), LIKE));

        // THEN her rating is a dislike from the chat, and no further card was sent
        assertThat(rating(ANA_USER_ID, track)).hasValueSatisfying(r -> {
            assertThat(r.liked()).isFalse();
            assertThat(r.source()).isEqualTo("chat");
        });
        assertThat(discord.messages.sent).hasSize(sentAfterLike);

        // AND WHEN she removes 👎 too
        listener.onMessageReactionRemove(discord.removed(ANA, idOf(card), DISLIKE));

        // THEN she has no rating of that song, the history keeps like, dislike and the withdrawal, and nothing was sent
        assertThat(rating(ANA_USER_ID, track)).isEmpty();
        assertThat(fixture.ratings().history(ANA_USER_ID, track)).extracting(RatingChange::liked)
                .containsExactly(Optional.of(true), Optional.of(false), Optional.empty());
        assertThat(discord.messages.sent).hasSize(sentAfterLike);
    }

    // --- 6. restart ---

    @Test
    void aReactionOnACardPostedBeforeARestartIsStoredAndTheSessionGoesOn() {
        // GIVEN a card posted by tastebot before it restarts with a new core and listener over the same file
        FakeMessages.Sent card = rate(ANA);
        String track = trackOf(card);
        fixture.reopen();
        startTastebot();

        // WHEN Ana reacts 👎 under the old message
        listener.onMessageReactionAdd(discord.added(ANA, idOf(card), DISLIKE));

        // THEN the dislike is stored and the next card is posted in the channel and stored in its turn
        assertThat(rating(ANA_USER_ID, track)).map(Rating::liked).contains(false);
        verify(discord.channel, times(1)).sendMessage(any(MessageCreateData.class));
        FakeMessages.Sent next = lastCard();
        assertThat(next.id).isNotEqualTo(card.id);
        assertThat(next.reactions).containsExactly("👍", "👎", "⏹️");
        assertThat(trackOf(next)).isNotEqualTo(track);
        assertThat(awaitedMessage(ANA_USER_ID)).contains("discord:" + next.id);
    }

    // --- 7. /will-i-like ---

    @Test
    void willILikeWithACatalogueTrackAnswersWithAChanceThroughTheInteraction() {
        // GIVEN a track id from the catalogue, as Discord's autocompletion sends it
        List<String> songs = List.copyOf(fixture.wouldLike().keySet());
        String trackId = songs.get(0);
        fixture.users().ensure(ANA_USER_ID, ChatFixture.NOW);
        fixture.ratings().rate(ANA_USER_ID, songs.get(1), false, "rate", ChatFixture.NOW);
        SlashCommandInteractionEvent event = discord.slash(ANA, "will-i-like", string("track", trackId));

        // WHEN Ana asks about it
        listener.onSlashCommandInteraction(event);

        // THEN the answer is one card through the interaction hook, with 👍 and 👎 under it to rate the song there
        verify(event).deferReply(false);
        FakeMessages.Sent answer = discord.messages.only();
        assertThat(answer.content()).containsPattern("\\d+% chance you'll like it")
                .contains(fixture.tracks().find(trackId).orElseThrow().title());
        assertThat(answer.reactions).containsExactly("👍", "👎");
        verify(discord.hook).sendMessage(any(MessageCreateData.class));
        verify(discord.channel, never()).sendMessage(any(MessageCreateData.class));
        // AND asking stores no rating (only her earlier one is there); the card is hers, as the song she asked about
        assertThat(fixture.ratings().all(ANA_USER_ID)).extracting(Rating::trackId).containsExactly(songs.get(1));
        assertThat(postedAs(answer)).map(PostedSong::purpose).contains(PostedSong.ASKED);

        // WHEN she gives it a 👍
        listener.onMessageReactionAdd(discord.added(ANA, idOf(answer), LIKE));

        // THEN it is her like, and no song to rate follows (she is in no session)
        assertThat(fixture.ratings().current(ANA_USER_ID, trackId)).map(Rating::liked).contains(true);
        assertThat(discord.messages.sent).hasSize(1);
    }

    @Test
    void willILikeWithAnAlbumLinkSaysItIsAnAlbum() {
        listener.onSlashCommandInteraction(discord.slash(ANA, "will-i-like",
                string("track", "https://open.spotify.com/album/2noRn2Aes5aoNVsU6iWThc?si=x")));

        assertThat(discord.messages.only().content()).isEqualTo("That's an album link; send a track link instead.");
        verify(discord.hook).sendMessage(any(MessageCreateData.class));
        assertThat(fixture.ratings().all(ANA_USER_ID)).isEmpty();
    }

    // --- 8. /forget-me ---

    @Test
    void forgetMeConfirmedDeletesTheUsersRowsAndKeepsEveryoneElses() {
        // GIVEN Ana and Ben each liked the first song of their session
        FakeMessages.Sent anasCard = rate(ANA);
        listener.onMessageReactionAdd(discord.added(ANA, idOf(anasCard), LIKE));
        FakeMessages.Sent anasNext = lastCard();
        FakeMessages.Sent bensCard = rate(BEN);
        listener.onMessageReactionAdd(discord.added(BEN, idOf(bensCard), LIKE));
        String anasTrack = trackOf(anasCard);
        String bensTrack = trackOf(bensCard);
        SlashCommandInteractionEvent event = discord.slash(ANA, "forget-me", bool("confirm", true));
        int sentBefore = discord.messages.sent.size();

        // WHEN Ana confirms /forget-me
        listener.onSlashCommandInteraction(event);

        // THEN she alone is told, privately, what was deleted
        verify(event).deferReply(true);
        assertThat(discord.messages.sent).hasSize(sentBefore + 1);
        assertThat(discord.messages.sent.getLast().content()).startsWith("Done: deleted 1 ratings, 1 history entries");
        // AND nothing of Ana is left: ratings, history, posted songs, session, user
        assertThat(fixture.ratings().all(ANA_USER_ID)).isEmpty();
        assertThat(fixture.ratings().history(ANA_USER_ID, anasTrack)).isEmpty();
        assertThat(postedAs(anasCard)).isEmpty();
        assertThat(postedAs(anasNext)).isEmpty();
        assertThat(fixture.sessions().current(ANA_USER_ID)).isEmpty();
        assertThat(fixture.users().exists(ANA_USER_ID)).isFalse();
        // AND Ben's rows remain
        assertThat(fixture.ratings().all(BEN_USER_ID)).extracting(Rating::trackId).containsExactly(bensTrack);
        assertThat(fixture.ratings().history(BEN_USER_ID, bensTrack)).hasSize(1);
        assertThat(postedAs(bensCard)).isPresent();
        assertThat(awaitedMessage(BEN_USER_ID)).isPresent();

        // AND a later 👎 of Ana under her old card stores nothing and sends nothing
        listener.onMessageReactionAdd(discord.added(ANA, idOf(anasCard), DISLIKE));
        assertThat(fixture.ratings().all(ANA_USER_ID)).isEmpty();
        assertThat(fixture.users().exists(ANA_USER_ID)).isFalse();
        assertThat(discord.messages.sent).hasSize(sentBefore + 1);
        verify(core).reacted(eq(DiscordUsers.PLATFORM), eq(anasCard.id), any(), eq(Reaction.DISLIKE), eq(true));
    }

    // --- 9. servers ---

    @Test
    void whatBenLikesInTheirServerReachesAnaAndHerServerGoesWithHerWhenSheIsForgotten() {
        // GIVEN Ben rates a song with 👍 in the server, where Ana starts rating too
        FakeMessages.Sent bensCard = rateInServer(BEN);
        String bensTrack = trackOf(bensCard);
        listener.onMessageReactionAdd(discord.addedInServer(BEN, idOf(bensCard), LIKE));
        rateInServer(ANA);

        // THEN both are recorded as members of that server, and Ben's like is among Ana's candidates
        String server = "discord:" + FakeDiscord.SERVER_ID;
        assertThat(fixture.communities().communitiesOf(ANA_USER_ID)).containsExactly(server);
        assertThat(fixture.communities().communitiesOf(BEN_USER_ID)).containsExactly(server);
        assertThat(fixture.candidatePool().randomLikedInCommunities(ANA_USER_ID, 100)).containsExactly(bensTrack);
        assertThat(fixture.candidatePool().randomLikedInCommunities(BEN_USER_ID, 100)).isEmpty();

        // WHEN Ana confirms /forget-me in the server
        listener.onSlashCommandInteraction(discord.slashInServer(ANA, "forget-me", bool("confirm", true)));

        // THEN her membership is gone and not recorded again; Ben's stays
        assertThat(fixture.communities().communitiesOf(ANA_USER_ID)).isEmpty();
        assertThat(fixture.users().exists(ANA_USER_ID)).isFalse();
        assertThat(fixture.communities().communitiesOf(BEN_USER_ID)).containsExactly(server);
    }

    @Test
    void someoneWhoOnlyReactsInTheServerIsNotRecorded() {
        // GIVEN Ana's song card in the server
        FakeMessages.Sent anasCard = rateInServer(ANA);

        // WHEN Ben, who never used tastebot, puts 👍 under it
        listener.onMessageReactionAdd(discord.addedInServer(BEN, idOf(anasCard), LIKE));

        // THEN tastebot keeps nothing about Ben
        assertThat(fixture.users().exists(BEN_USER_ID)).isFalse();
        assertThat(fixture.communities().communitiesOf(BEN_USER_ID)).isEmpty();
    }

    // --- 10. order, with the core on virtual threads ---

    @Test
    void switchesAsDiscordDeliversThemLeaveTheLastReactionStoredWithTheWorkOnVirtualThreads() {
        // GIVEN songs posted to Ana, and a listener whose work runs on virtual threads
        ChatUser ana = new ChatUser("discord", "42", "Ana");
        List<Long> messageIds = songsPostedTo(ana, 24);
        ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
        DiscordListener concurrent = new DiscordListener(fixture.core(), virtualThreads, new AttachmentDownloader(1024));

        // WHEN under each she gives 👍, then switches to 👎, back to 👍 and to 👎 again, each switch as Discord
        // delivers it (add the new reaction, remove the old one), as fast as the gateway hands them over
        for (long id : messageIds) {
            concurrent.onMessageReactionAdd(discord.added(ANA, id, LIKE));
            concurrent.onMessageReactionAdd(discord.added(ANA, id, DISLIKE));
            concurrent.onMessageReactionRemove(discord.removed(ANA, id, LIKE));
            concurrent.onMessageReactionAdd(discord.added(ANA, id, LIKE));
            concurrent.onMessageReactionRemove(discord.removed(ANA, id, DISLIKE));
            concurrent.onMessageReactionAdd(discord.added(ANA, id, DISLIKE));
            concurrent.onMessageReactionRemove(discord.removed(ANA, id, LIKE));
        }
        virtualThreads.close(); // waits for all of it

        // THEN every one of those songs is stored as a dislike, the reaction Discord shows
        for (long id : messageIds) {
            String track = fixture.posted().find("discord:" + id).orElseThrow().trackId();
            assertThat(rating(ANA_USER_ID, track)).as("song of message %d", id).map(Rating::liked).contains(false);
        }
    }

    // --- 11. a busy database ---

    @Test
    void aThumbsUpTheBusyDatabaseCouldNotSaveIsToldOnceInTheChannel() throws Exception {
        // GIVEN Ana's card, on a bot whose database waits briefly, and another program holding its write lock
        fixture.close();
        fixture = new ChatFixture(folder.resolve("busy"), 40, new BusyWait(Duration.ofMillis(20), () -> { }));
        startTastebot();
        FakeMessages.Sent card = rate(ANA);
        int sentBefore = discord.messages.sent.size();
        try (Connection otherProgram = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("busy/tastebot.db"));
             Statement lock = otherProgram.createStatement()) {
            lock.execute("BEGIN IMMEDIATE");

            // WHEN Ana reacts 👍 under it
            listener.onMessageReactionAdd(discord.added(ANA, idOf(card), LIKE));

            // THEN one message in the reaction's channel tells her it was not saved, and nothing is stored
            assertThat(discord.messages.sent).hasSize(sentBefore + 1);
            assertThat(discord.messages.sent.getLast().content()).startsWith("Your 👍 on")
                    .contains("was not saved: the database is busy");
            verify(discord.channel, times(1)).sendMessage(any(MessageCreateData.class));
            lock.execute("ROLLBACK");
        }
        assertThat(rating(ANA_USER_ID, trackOf(card))).isEmpty();
    }

    // --- 12. threads, skin tones and permissions ---

    @Test
    void aRatingSessionInAThreadTakesAThumbsUpInAnySkinToneAndGoesOnInTheThread() {
        // GIVEN Ana's first card, posted through her /rate in a thread of the server
        listener.onSlashCommandInteraction(discord.slashInThread(ANA, "rate"));
        FakeMessages.Sent card = lastCard();
        String track = trackOf(card);

        // WHEN she reacts 👍🏾 under it, in the thread
        listener.onMessageReactionAdd(discord.addedInThread(ANA, idOf(card), Emoji.fromFormatted("👍🏾")));

        // THEN it is stored as a like, and the next card went into the thread and awaits her rating
        assertThat(rating(ANA_USER_ID, track)).map(Rating::liked).contains(true);
        FakeMessages.Sent next = lastCard();
        assertThat(next.where).isEqualTo("thread");
        assertThat(next.reactions).containsExactly("👍", "👎", "⏹️");
        assertThat(awaitedMessage(ANA_USER_ID)).contains("discord:" + next.id);
        assertThat(fixture.communities().communitiesOf(ANA_USER_ID)).containsExactly("discord:" + FakeDiscord.SERVER_ID);
    }

    @Test
    void rateWhereTastebotCannotAddReactionsStartsNoSession() {
        // GIVEN a server channel where tastebot may post but not add reactions
        discord.denying(Permission.MESSAGE_ADD_REACTION);
        SlashCommandInteractionEvent event = discord.slashInServer(ANA, "rate");

        // WHEN Ana uses /rate there
        listener.onSlashCommandInteraction(event);

        // THEN she alone is told what is missing, and no session was started nor song posted
        verify(event).deferReply(true);
        assertThat(discord.messages.only().content()).contains("missing the Add Reactions permission");
        assertThat(fixture.sessions().current(ANA_USER_ID)).isEmpty();
        verify(core, never()).handle(any(), any());
    }

    /**
     * {@code count} songs of a session posted to the user as Discord messages 7001, 7002..., none of
     * them rated: each is liked and taken back through the core, which moves the session on.
     */
    private List<Long> songsPostedTo(ChatUser user, int count) {
        List<Long> ids = new ArrayList<>();
        List<Reply> replies = fixture.core().handle(user, new ChatCommand.Rate());
        for (int i = 1; i <= count; i++) {
            Reply.SongCard card = replies.stream().filter(Reply.SongCard.class::isInstance).map(Reply.SongCard.class::cast)
                    .findFirst().orElseThrow();
            long id = 7000 + i;
            fixture.core().posted(user, String.valueOf(id), card);
            replies = fixture.core().reacted(DiscordUsers.PLATFORM, String.valueOf(id), user, Reaction.LIKE, true);
            fixture.core().reacted(DiscordUsers.PLATFORM, String.valueOf(id), user, Reaction.LIKE, false);
            ids.add(id);
        }
        return ids;
    }

    private FakeMessages.Sent rateInServer(User user) {
        listener.onSlashCommandInteraction(discord.slashInServer(user, "rate"));
        return lastCard();
    }

    // --- choosing among matches ---

    @Test
    void aPressedChoiceAnswersAboutThatSongAndAnIdNoLongerKnownSaysSo() {
        // GIVEN two songs that "nitro" matches, and Ana's question listing them with buttons
        fixture.addTrack("nitro-1", "Nitro One", List.of("Amber"), Optional.empty());
        fixture.addTrack("nitro-2", "Nitro Two", List.of("Basalt"), Optional.empty());
        listener.onSlashCommandInteraction(discord.slashInServer(ANA, "will-i-like", string("track", "nitro")));
        FakeMessages.Sent question = discord.messages.only();
        assertThat(question.data.getComponents()).isNotEmpty();

        // WHEN Ben presses the button of "Nitro Two", then one whose track is gone from the catalogue
        listener.onButtonInteraction(discord.pressInServer(BEN, "pick:nitro-2", ANA, false));
        listener.onButtonInteraction(discord.pressInServer(BEN, "pick:4cOdK2wGLETKBW3PvgPWqT", ANA, false));

        // THEN the core was asked for Ben, about each track, and the gone one is explained
        verify(core).handle(new ChatUser("discord", "43", "Ben"), new ChatCommand.WillILike("nitro-2"));
        assertThat(discord.messages.sent).hasSize(3);
        assertThat(discord.messages.sent.get(2).content()).startsWith("I don't know that track yet");
        // AND Ben's answer, which only he sees, is the song's card without reactions (Discord takes none
        // on an ephemeral message), so it is not registered as a song to rate
        FakeMessages.Sent bensAnswer = discord.messages.sent.get(1);
        assertThat(bensAnswer.ephemeral).isTrue();
        assertThat(bensAnswer.content()).contains("Nitro Two");
        assertThat(bensAnswer.reactions).isEmpty();
        assertThat(postedAs(bensAnswer)).isEmpty();
    }
}
