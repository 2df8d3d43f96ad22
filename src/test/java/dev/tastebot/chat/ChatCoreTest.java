package dev.tastebot.chat;

import dev.tastebot.store.DailyDeliveryStore;
import dev.tastebot.store.DailySetting;
import dev.tastebot.store.PostedSong;
import dev.tastebot.store.LastRetraining;
import dev.tastebot.store.Rating;
import dev.tastebot.store.RatingChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import dev.tastebot.features.FeatureValues;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class ChatCoreTest {
    private static final ChatUser ANA = new ChatUser("discord", "100", "Ana");
    private static final ChatUser BEN = new ChatUser("discord", "200", "Ben");

    @TempDir
    Path folder;
    private ChatFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ChatFixture(folder, 120);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private List<Reply> handle(ChatUser user, ChatCommand command) {
        return fixture.core().handle(user, command);
    }

    /** Posts the card as an adapter would, under the given message id. */
    private Reply.SongCard post(ChatUser user, List<Reply> replies, String messageId) {
        Reply.SongCard card = replies.stream().filter(Reply.SongCard.class::isInstance).map(Reply.SongCard.class::cast)
                .findFirst().orElseThrow();
        fixture.core().posted(user, messageId, card);
        return card;
    }

    /** What the replies say: a text's words, and a /will-i-like card's heading, details and answer. */
    private static String text(List<Reply> replies) {
        return String.join("\n", replies.stream().map(reply -> switch (reply) {
            case Reply.Text t -> t.text();
            case Reply.SongCard card when card.purpose() == Reply.Purpose.ASKED ->
                    card.heading(" by ").plain() + "\n" + card.about().plain() + "\n" + card.why().plain();
            default -> null;
        }).filter(java.util.Objects::nonNull).toList());
    }

    @Test
    void aPostedCardTellsWhoseItIsAndTheRatingStoredForIt() {
        // GIVEN a song posted for Ana
        post(ANA, handle(ANA, new ChatCommand.Rate()), "m1");

        // WHEN nobody rated it yet, then Ana rates it 👎
        Optional<ChatService.PostedCard> before = fixture.core().postedCard("discord", "m1");
        fixture.core().reacted("discord", "m1", ANA, Reaction.DISLIKE, true);
        Optional<ChatService.PostedCard> after = fixture.core().postedCard("discord", "m1");

        // THEN the card is Ana's, first unrated, then with her 👎; another platform's message of that id is no card
        assertThat(before).contains(new ChatService.PostedCard(ANA.userId(), Optional.empty()));
        assertThat(after).contains(new ChatService.PostedCard(ANA.userId(), Optional.of(Reaction.DISLIKE)));
        assertThat(fixture.core().postedCard("telegram", "m1")).isEmpty();
    }

    @Test
    void rateStartsASessionWithAnIntroAndASongToRate() {
        List<Reply> replies = handle(ANA, new ChatCommand.Rate());

        assertThat(text(replies)).startsWith("Rating session started");
        Reply.SongCard card = (Reply.SongCard) replies.get(1);
        assertThat(card.inSession()).isTrue();
        assertThat(card.reactions()).containsExactly(Reaction.LIKE, Reaction.DISLIKE, Reaction.STOP);
        assertThat(card.why().plain()).isNotBlank();
        // AND the card names the song's genre and sketches its sound from its stored features
        FeatureValues stored = new dev.tastebot.store.TrainingDataStore(fixture.database()).track(card.trackId(), ChatFixture.SOURCES).orElseThrow().features();
        String genre = fixture.tracks().find(card.trackId()).orElseThrow().genre().orElseThrow();
        String sketch = SongDetails.sketch(stored);
        assertThat(card.about().plain()).isEqualTo(sketch.isEmpty() ? genre : genre + "\n" + sketch);
        // AND asking again continues without a second introduction
        assertThat(handle(ANA, new ChatCommand.Rate())).singleElement().isInstanceOf(Reply.SongCard.class);
    }

    @Test
    void aReactionByTheOwnerIsStoredBeforeTheNextSongIsOffered() {
        Reply.SongCard first = post(ANA, handle(ANA, new ChatCommand.Rate()), "m1");

        List<Reply> next = fixture.core().reacted("discord", "m1", ANA, Reaction.LIKE, true);

        assertThat(fixture.ratings().current(ANA.userId(), first.trackId())).map(Rating::liked).contains(true);
        assertThat(fixture.ratings().current(ANA.userId(), first.trackId())).map(Rating::source).contains("chat");
        Reply.SongCard second = (Reply.SongCard) next.getFirst();
        assertThat(second.trackId()).isNotEqualTo(first.trackId());
    }

    @Test
    void otherPeoplesReactionsAreIgnoredAndNotStoredAsTheirs() {
        Reply.SongCard card = post(ANA, handle(ANA, new ChatCommand.Rate()), "m1");

        assertThat(fixture.core().reacted("discord", "m1", BEN, Reaction.DISLIKE, true)).isEmpty();

        assertThat(fixture.ratings().current(BEN.userId(), card.trackId())).isEmpty();
        assertThat(fixture.ratings().current(ANA.userId(), card.trackId())).isEmpty();
    }

    @Test
    void reactionsOnMessagesTastebotDidNotPostAreIgnored() {
        assertThat(fixture.core().reacted("discord", "unknown", ANA, Reaction.LIKE, true)).isEmpty();
        // AND the same id on another platform is another message
        post(ANA, handle(ANA, new ChatCommand.Rate()), "m1");
        assertThat(fixture.core().reacted("console", "m1", new ChatUser("console", "100", "Ana"), Reaction.LIKE, true)).isEmpty();
    }

    @Test
    void theSameReactionTwiceIsOneRatingAndOneNextSong() {
        Reply.SongCard card = post(ANA, handle(ANA, new ChatCommand.Rate()), "m1");
        assertThat(fixture.core().reacted("discord", "m1", ANA, Reaction.LIKE, true)).hasSize(1);

        assertThat(fixture.core().reacted("discord", "m1", ANA, Reaction.LIKE, true)).isEmpty();

        assertThat(fixture.ratings().history(ANA.userId(), card.trackId())).hasSize(1);
    }

    @Test
    void switchingReplacesTheRatingAndRemovingTheMatchingReactionTakesItBack() {
        Reply.SongCard card = post(ANA, handle(ANA, new ChatCommand.Rate()), "m1");
        fixture.core().reacted("discord", "m1", ANA, Reaction.LIKE, true);

        // WHEN 👎 is added while 👍 is still there, then 👍 removed
        assertThat(fixture.core().reacted("discord", "m1", ANA, Reaction.DISLIKE, true)).isEmpty();
        fixture.core().reacted("discord", "m1", ANA, Reaction.LIKE, false);

        // THEN the rating is a dislike
        assertThat(fixture.ratings().current(ANA.userId(), card.trackId())).map(Rating::liked).contains(false);

        // AND removing 👎 takes the rating back, keeping the history
        fixture.core().reacted("discord", "m1", ANA, Reaction.DISLIKE, false);
        assertThat(fixture.ratings().current(ANA.userId(), card.trackId())).isEmpty();
        assertThat(fixture.ratings().history(ANA.userId(), card.trackId())).hasSize(3);
    }

    @Test
    void takingBackOneOfTwoReactionsLeavesTheRatingOfTheOneStillShown() {
        // GIVEN Ana put 👍 and then 👎 under a song, so both show and the rating is 👎
        Reply.SongCard card = post(ANA, handle(ANA, new ChatCommand.Rate()), "m1");
        fixture.core().reacted("discord", "m1", ANA, Reaction.LIKE, true);
        fixture.core().reacted("discord", "m1", ANA, Reaction.DISLIKE, true);

        // WHEN she takes the 👎 back
        fixture.core().reacted("discord", "m1", ANA, Reaction.DISLIKE, false);

        // THEN the 👍 she still sees counts, also after a restart, and taking it back too leaves nothing
        assertThat(fixture.ratings().current(ANA.userId(), card.trackId())).map(Rating::liked).contains(true);
        fixture.reopen();
        fixture.core().reacted("discord", "m1", ANA, Reaction.LIKE, false);
        assertThat(fixture.ratings().current(ANA.userId(), card.trackId())).isEmpty();
        assertThat(fixture.ratings().history(ANA.userId(), card.trackId())).extracting(RatingChange::liked)
                .containsExactly(Optional.of(true), Optional.of(false), Optional.of(true), Optional.empty());
    }

    @Test
    void aSongPostedBeforeARestartCanStillBeRatedAndTheSessionGoesOn() {
        Reply.SongCard card = post(ANA, handle(ANA, new ChatCommand.Rate()), "m1");

        fixture.reopen();
        List<Reply> next = fixture.core().reacted("discord", "m1", ANA, Reaction.DISLIKE, true);

        assertThat(fixture.ratings().current(ANA.userId(), card.trackId())).map(Rating::liked).contains(false);
        assertThat(next).singleElement().isInstanceOf(Reply.SongCard.class);
    }

    @Test
    void ratingAnOlderSongDoesNotPostAnotherOne() {
        post(ANA, handle(ANA, new ChatCommand.Rate()), "m1");
        post(ANA, fixture.core().reacted("discord", "m1", ANA, Reaction.LIKE, true), "m2");
        // m2 is now the song waiting; m1 is rated again the other way
        assertThat(fixture.core().reacted("discord", "m1", ANA, Reaction.DISLIKE, true)).isEmpty();
    }

    @Test
    void theStopReactionEndsTheSessionAndCountsItsRatings() {
        post(ANA, handle(ANA, new ChatCommand.Rate()), "m1");
        post(ANA, fixture.core().reacted("discord", "m1", ANA, Reaction.LIKE, true), "m2");
        post(ANA, fixture.core().reacted("discord", "m2", ANA, Reaction.DISLIKE, true), "m3");

        List<Reply> replies = fixture.core().reacted("discord", "m3", ANA, Reaction.STOP, true);

        assertThat(text(replies)).startsWith("Rating session stopped: 2 songs rated");
        assertThat(text(handle(ANA, new ChatCommand.StopRating()))).startsWith("No rating session is open");
        // AND a reaction on the last song still counts, without a new song
        assertThat(fixture.core().reacted("discord", "m3", ANA, Reaction.LIKE, true)).isEmpty();
        assertThat(fixture.ratings().all(ANA.userId())).hasSize(3);
    }

    /** The user rates {@code count} songs of a session the way the synthetic listener would. */
    private void rateLikeTheListener(ChatUser user, int count) {
        String message = user.platformId() + "-m0";
        List<Reply> replies = handle(user, new ChatCommand.Rate());
        for (int i = 1; i <= count; i++) {
            Reply.SongCard card = post(user, replies, message);
            replies = fixture.core().reacted("discord", message, user,
                    fixture.wouldLike().get(card.trackId()) ? Reaction.LIKE : Reaction.DISLIKE, true);
            message = user.platformId() + "-m" + i;
        }
    }

    @Test
    void afterEnoughRatingsAModelIsTrainedAndStatsReportIt() {
        // GIVEN Ana rates 30 songs the way the synthetic listener would
        rateLikeTheListener(ANA, 30);

        String stats = text(handle(ANA, new ChatCommand.Stats()));

        assertThat(fixture.ratings().all(ANA.userId())).hasSize(30);
        assertThat(stats).contains("Your ratings: ").contains("• chat: ");
        assertThat(stats).containsPattern("\nModel: .+, trained 2026-11-29 12:00 UTC on \\d\\d ratings");
        assertThat(stats).contains("ROC-AUC").contains("balanced accuracy").contains("\nArtists you like most: ");
    }

    @Test
    void statsSayWhenTheLastRetrainingKeptTheOldModelAndWhy() {
        // GIVEN Ana's model, and a retraining that kept it
        rateLikeTheListener(ANA, 30);
        fixture.models().recordRetraining(new LastRetraining(ANA.userId(), ChatFixture.NOW, LastRetraining.Result.KEPT_OLD,
                true, OptionalDouble.of(0.85), OptionalDouble.of(0.93), OptionalInt.of(14), Optional.empty()));

        // WHEN she asks for her stats
        String stats = text(handle(ANA, new ChatCommand.Stats()));

        // THEN they say so, with the figures that decided it
        assertThat(stats).contains("\nLast retraining (2026-11-29 12:00 UTC) kept your previous model: the old model "
                + "scored ROC-AUC 0.93 on the 14 ratings given since it was trained; the new one only 0.85 cross-validated.");
    }

    @Test
    void statsSayNothingOfARetrainingThatReplacedTheModel() {
        rateLikeTheListener(ANA, 30);

        assertThat(fixture.models().lastRetraining(ANA.userId()).orElseThrow().result()).isEqualTo(LastRetraining.Result.REPLACED);
        assertThat(text(handle(ANA, new ChatCommand.Stats()))).doesNotContain("Last retraining");
    }

    @Test
    void retrainRetrainsYourOwnModelNowAndSaysWhatItBecame() {
        // GIVEN Ana with 30 ratings and a model
        rateLikeTheListener(ANA, 30);
        int models = fixture.models().history(ANA.userId()).size();

        // WHEN she asks for a retraining
        String answer = text(handle(ANA, new ChatCommand.Retrain(Optional.empty())));

        // THEN a model was chosen anew on all her ratings and stored
        assertThat(answer).startsWith("Retrained your model: ").contains("chosen anew on all 30 of your ratings")
                .containsPattern("cross-validated ROC-AUC \\d\\.\\d\\d");
        assertThat(fixture.models().history(ANA.userId())).hasSize(Math.min(3, models + 1));
    }

    @Test
    void retrainTellsANewcomerWhatIsMissing() {
        assertThat(text(handle(ANA, new ChatCommand.Retrain(Optional.empty()))))
                .isEqualTo("You haven't rated anything yet, so there is no model to retrain. Start with /rate.");

        rateLikeTheListener(ANA, 5);

        assertThat(text(handle(ANA, new ChatCommand.Retrain(Optional.empty()))))
                .startsWith("Not enough ratings for a model yet: rate at least 15 more songs");
    }

    @Test
    void someoneWhoIsNotAnAdminCannotRetrainAnotherUsersModel() {
        // GIVEN Ben's model
        rateLikeTheListener(BEN, 30);
        List<Long> before = fixture.models().history(BEN.userId()).stream().map(m -> m.id()).toList();

        // WHEN Ana asks to retrain it
        String answer = text(handle(ANA, new ChatCommand.Retrain(Optional.of(BEN.userId()))));

        // THEN she is refused and Ben's models are untouched
        assertThat(answer).isEqualTo("Only an admin can retrain someone else's model; /retrain on its own retrains yours.");
        assertThat(fixture.models().history(BEN.userId()).stream().map(m -> m.id()).toList()).isEqualTo(before);
    }

    @Test
    void anAdminRetrainsAnotherUsersModel() {
        rateLikeTheListener(BEN, 30);

        String answer = text(handle(ChatFixture.ADMIN, new ChatCommand.Retrain(Optional.of(" " + BEN.userId() + " "))));

        assertThat(answer).startsWith("Retrained discord:200's model: ").contains("chosen anew on all 30 of their ratings");
    }

    @Test
    void anAdminNamingSomeoneUnknownOrNoIdAtAllIsTold() {
        assertThat(text(handle(ChatFixture.ADMIN, new ChatCommand.Retrain(Optional.of("discord:777")))))
                .isEqualTo("I don't know discord:777: nobody with that id has rated anything here.");
        assertThat(text(handle(ChatFixture.ADMIN, new ChatCommand.Retrain(Optional.of("bob")))))
                .isEqualTo("A user id looks like discord:123456789 or console:local.");
        assertThat(text(handle(ChatFixture.ADMIN, new ChatCommand.Retrain(Optional.of("discord:" + "1".repeat(120))))))
                .isEqualTo("A user id looks like discord:123456789 or console:local.");
        assertThat(fixture.users().exists("discord:777")).isFalse();
    }

    @Test
    void willILikeAnswersWithAProbabilityAVerdictAndTheStarterRuleForANewcomer() {
        // GIVEN Ana rated one song
        List<String> songs = List.copyOf(fixture.wouldLike().keySet());
        fixture.users().ensure(ANA.userId(), ChatFixture.NOW);
        fixture.ratings().rate(ANA.userId(), songs.get(1), true, "rate", ChatFixture.NOW);

        String answer = text(handle(ANA, new ChatCommand.WillILike(songs.get(0))));

        assertThat(answer).containsPattern("\\d+% chance you'll like it");
        assertThat(answer).contains("still learning your taste").contains("rate at least 19 more songs");
    }

    @Test
    void willILikeWithNoRatingAtAllSaysItKnowsNothingYetRatherThanGuess() {
        String trackId = fixture.wouldLike().keySet().iterator().next();

        List<Reply> replies = handle(ANA, new ChatCommand.WillILike(trackId));

        assertThat(text(replies)).contains(fixture.tracks().find(trackId).orElseThrow().title())
                .contains("I know nothing about your taste yet, so I can't tell. Rate this one 👍 or 👎, rate a few more with /rate")
                .doesNotContain("%").doesNotContain("Probably");
        // AND the answer is the song's card, so her 👍 there is her first rating: how a song she loves starts her taste
        post(ANA, replies, "m1");
        fixture.core().reacted("discord", "m1", ANA, Reaction.LIKE, true);
        assertThat(fixture.ratings().current(ANA.userId(), trackId)).map(Rating::liked).contains(true);
        assertThat(fixture.posted().find("discord:m1")).map(PostedSong::purpose).contains(PostedSong.ASKED);
    }

    @Test
    void willILikeExplainsBadInput() {
        assertThat(text(handle(ANA, new ChatCommand.WillILike("  ")))).startsWith("Which song?");
        assertThat(text(handle(ANA, new ChatCommand.WillILike("x".repeat(301))))).startsWith("That is too long");
        assertThat(text(handle(ANA, new ChatCommand.WillILike("https://open.spotify.com/album/2noRn2Aes5aoNVsU6iWThc"))))
                .isEqualTo("That's an album link; send a track link instead.");
    }

    @Test
    void severalMatchesAreOfferedAsChoicesWhosePickAsksAboutThatTrack() {
        // GIVEN a query that several songs match
        List<Reply> replies = handle(ANA, new ChatCommand.WillILike("several"));

        // THEN they come as a question with one choice per song, each carrying its track id
        assertThat(replies).singleElement().isInstanceOfSatisfying(Reply.Choices.class, choices -> {
            assertThat(choices.prompt().plain()).isEqualTo("Several songs match; which one do you mean?");
            assertThat(choices.choices()).containsExactly(new ChatService.Choice("A - One", "a1"),
                    new ChatService.Choice("A - Two", "a2"));
        });

        // AND picking a choice asks about its track, and the answer is about that song
        String trackId = fixture.wouldLike().keySet().iterator().next();
        assertThat(Reply.Choices.command(trackId)).contains(new ChatCommand.WillILike(trackId));
        assertThat(text(handle(ANA, Reply.Choices.command(trackId).orElseThrow())))
                .contains(fixture.tracks().find(trackId).orElseThrow().title());
    }

    @Test
    void aPickedValueIsTakenOnlyAsATrackIdAndATrackGoneSinceSaysSo() {
        // GIVEN values a modified client could send back instead of a choice's
        assertThat(Reply.Choices.command("Daft Punk - One More Time")).isEmpty();
        assertThat(Reply.Choices.command("../../etc/passwd")).isEmpty();
        assertThat(Reply.Choices.command("x".repeat(65))).isEmpty();
        assertThat(Reply.Choices.command("")).isEmpty();
        assertThat(Reply.Choices.command(null)).isEmpty();

        // WHEN a well-formed id names a track this bot does not know (any more)
        String answer = text(handle(ANA, Reply.Choices.command("4cOdK2wGLETKBW3PvgPWqT").orElseThrow()));

        // THEN the answer says so
        assertThat(answer).startsWith("I don't know that track yet");
    }

    @Test
    void statsForSomeoneWhoRatedNothing() {
        assertThat(text(handle(ANA, new ChatCommand.Stats()))).startsWith("You haven't rated anything yet");
    }

    @Test
    void dailySettingsAreValidatedAndSaved() {
        // the fixture's clock says 13:00 in Paris
        assertThat(text(handle(ANA, new ChatCommand.Daily(true, OptionalInt.of(7), Optional.of("Europe/Paris")))))
                .startsWith("Daily recommendations are on for 07:00 (Europe/Paris)")
                .endsWith("Today's hour has passed, so today's message comes within a minute.");
        assertThat(text(handle(ANA, new ChatCommand.Daily(true, OptionalInt.of(18), Optional.empty()))))
                .startsWith("Daily recommendations are on for 18:00 (Europe/Paris)")
                .endsWith("The next one comes today at 18:00.");
        assertThat(fixture.settings().daily(ANA.userId())).isEqualTo(new DailySetting(true, 18, ZoneId.of("Europe/Paris")));
        assertThat(text(handle(ANA, new ChatCommand.Daily(true, OptionalInt.of(24), Optional.empty()))))
                .startsWith("The hour must be a whole number from 0 to 23");
        assertThat(text(handle(ANA, new ChatCommand.Daily(true, OptionalInt.empty(), Optional.of("Mars/Olympus")))))
                .startsWith("I don't know the time zone \"Mars/Olympus\"");
        assertThat(text(handle(ANA, new ChatCommand.Daily(false, OptionalInt.empty(), Optional.empty()))))
                .isEqualTo("Daily recommendations are off.");
    }

    @Test
    void aDailyMessagesCardsSketchEachSongFromTheFeaturesItWasPickedBy() {
        fixture.users().ensure(ANA.userId(), ChatFixture.NOW);

        List<Reply> daily = fixture.dailyMessages(3).newRound().prepare(ANA.userId());

        List<Reply.SongCard> cards = daily.stream().filter(Reply.SongCard.class::isInstance).map(Reply.SongCard.class::cast).toList();
        assertThat(cards).hasSize(3).allSatisfy(card -> {
            FeatureValues stored = new dev.tastebot.store.TrainingDataStore(fixture.database())
                    .track(card.trackId(), ChatFixture.SOURCES).orElseThrow().features();
            assertThat(card.about().plain()).endsWith(SongDetails.sketch(stored)).isNotBlank();
        });
    }

    @Test
    void dailyOnItsOwnShowsTheSettingAndZoneNamesIgnoreCase() {
        assertThat(text(handle(ANA, new ChatCommand.ShowDaily()))).startsWith("Daily recommendations are off. /daily on");

        assertThat(text(handle(ANA, new ChatCommand.Daily(true, OptionalInt.of(18), Optional.of("europe/berlin")))))
                .startsWith("Daily recommendations are on for 18:00 (Europe/Berlin)");

        assertThat(fixture.settings().daily(ANA.userId())).isEqualTo(new DailySetting(true, 18, ZoneId.of("Europe/Berlin")));
        assertThat(text(handle(ANA, new ChatCommand.ShowDaily())))
                .isEqualTo("Daily recommendations are on for 18:00 (Europe/Berlin). The next one comes today at 18:00. /daily off stops them.");
    }

    @Test
    void onceTodaysMessageWasSentTheNextComesTomorrow() {
        // GIVEN today's daily message went out to Ana (the 29th in Tokyo too: it is 21:00 there)
        fixture.users().ensure(ANA.userId(), ChatFixture.NOW); // daily messages go only to users tastebot knows
        new DailyDeliveryStore(fixture.database()).claim(ANA.userId(), LocalDate.parse("2026-11-29"), ChatFixture.NOW);

        // WHEN she moves her hour to later today
        String answer = text(handle(ANA, new ChatCommand.Daily(true, OptionalInt.of(22), Optional.of("Asia/Tokyo"))));

        // THEN she is told it comes tomorrow: one message a day
        assertThat(answer).endsWith("The next one comes tomorrow at 22:00.");
    }

    @Test
    void reactionsOnADailyCardAreStoredAsDailyRatingsAndPostNothingNew() {
        // GIVEN a daily message's song card, posted outside any session (to a user tastebot knows: only they get one)
        fixture.users().ensure(ANA.userId(), ChatFixture.NOW);
        String trackId = fixture.wouldLike().keySet().iterator().next();
        Reply.SongCard card = new Reply.SongCard(trackId, "Song", List.of("Artist"), "", "because", Reply.Purpose.DAILY);
        fixture.core().posted(ANA, "d1", card);

        // WHEN Ana reacts 👎, then changes her mind to 👍
        List<Reply> afterDislike = fixture.core().reacted("discord", "d1", ANA, Reaction.DISLIKE, true);
        fixture.core().reacted("discord", "d1", ANA, Reaction.LIKE, true);
        fixture.core().reacted("discord", "d1", ANA, Reaction.DISLIKE, false);

        // THEN the rating counts, with the source daily, and no session song follows
        assertThat(afterDislike).isEmpty();
        assertThat(fixture.ratings().current(ANA.userId(), trackId)).hasValueSatisfying(rating -> {
            assertThat(rating.liked()).isTrue();
            assertThat(rating.source()).isEqualTo("daily");
        });
        assertThat(fixture.posted().find("discord:d1")).map(PostedSong::purpose).contains(PostedSong.DAILY);
    }

    @Test
    void forgetMeAsksFirstThenDeletesOnlyThatUser() {
        post(ANA, handle(ANA, new ChatCommand.Rate()), "a1");
        fixture.core().reacted("discord", "a1", ANA, Reaction.LIKE, true);
        post(BEN, handle(BEN, new ChatCommand.Rate()), "b1");
        fixture.core().reacted("discord", "b1", BEN, Reaction.LIKE, true);

        assertThat(text(handle(ANA, new ChatCommand.ForgetMe(false)))).contains("your 1 ratings").contains("confirm");
        assertThat(fixture.ratings().all(ANA.userId())).hasSize(1);

        assertThat(text(handle(ANA, new ChatCommand.ForgetMe(true)))).startsWith("Done: deleted 1 ratings");
        assertThat(fixture.ratings().all(ANA.userId())).isEmpty();
        assertThat(fixture.ratings().all(BEN.userId())).hasSize(1);
        assertThat(fixture.core().reacted("discord", "a1", ANA, Reaction.DISLIKE, true)).isEmpty();
        assertThat(text(handle(ANA, new ChatCommand.ForgetMe(true)))).startsWith("There was nothing to delete");
    }

    @Test
    void aServerIsKnownByPlatformAndOnlyForUsersTastebotKnows() {
        // GIVEN Ana (Discord) and a console user who both rated a song
        ChatUser local = new ChatUser("console", "local", "me");
        post(ANA, handle(ANA, new ChatCommand.Rate()), "a1");
        fixture.core().reacted("discord", "a1", ANA, Reaction.LIKE, true);
        post(local, handle(local, new ChatCommand.Rate()), "c1");
        fixture.core().reacted("console", "c1", local, Reaction.LIKE, true);

        // WHEN each is seen in a community with the same id, and so is Ben, who never used tastebot
        fixture.core().seenIn(ANA, "77");
        fixture.core().seenIn(local, "77");
        fixture.core().seenIn(BEN, "77");

        // THEN the two communities are different, and Ben is not recorded
        assertThat(fixture.communities().communitiesOf(ANA.userId())).containsExactly("discord:77");
        assertThat(fixture.communities().communitiesOf(local.userId())).containsExactly("console:77");
        assertThat(fixture.communities().communitiesOf(BEN.userId())).isEmpty();
        assertThat(fixture.candidatePool().randomLikedInCommunities(ANA.userId(), 100)).isEmpty();
    }

    @Test
    void importingTheLibraryExportAddsLikesButKeepsOwnRatings() {
        Reply.SongCard card = post(ANA, handle(ANA, new ChatCommand.Rate()), "m1");
        fixture.core().reacted("discord", "m1", ANA, Reaction.DISLIKE, true);
        String json = """
                {"tracks": [
                  {"artist": "Daft Punk", "album": "Discovery", "track": "One More Time", "uri": "spotify:track:0DiWol3AO6WpXZgp0goxAV"},
                  {"artist": "Someone", "album": "A", "track": "Local file", "uri": "spotify:local:xyz"},
                  {"artist": "Already", "album": "B", "track": "Rated", "uri": "spotify:track:%s"}
                ]}""".formatted("0DiWol3AO6WpXZgp0goxAW");

        String answer = text(handle(ANA, new ChatCommand.Import("YourLibrary.json", json.getBytes(StandardCharsets.UTF_8))));

        assertThat(answer).startsWith("Imported 2 saved songs as likes").contains("1 entry was skipped");
        assertThat(fixture.ratings().current(ANA.userId(), "0DiWol3AO6WpXZgp0goxAV")).map(Rating::source).contains("library-export");
        assertThat(fixture.ratings().current(ANA.userId(), card.trackId())).map(Rating::liked).contains(false);
    }

    @Test
    void aBrokenOrWrongFileIsExplainedAndStoresNothing() {
        assertThat(text(handle(ANA, new ChatCommand.Import("YourLibrary.json", "{\"tracks\": [".getBytes(StandardCharsets.UTF_8)))))
                .startsWith("YourLibrary.json isn't valid JSON");
        assertThat(text(handle(ANA, new ChatCommand.Import("Playlist1.json", "{\"playlists\": []}".getBytes(StandardCharsets.UTF_8)))))
                .startsWith("Playlist1.json doesn't look like Spotify's YourLibrary.json");
        assertThat(text(handle(ANA, new ChatCommand.Import("empty.json", new byte[0])))).isEqualTo("empty.json is empty.");
        assertThat(fixture.ratings().all(ANA.userId())).isEmpty();
    }

    @Test
    void whenEverySongIsRatedTheSessionEndsWithAClearNote() {
        try (ChatFixture tiny = new ChatFixture(folder.resolve("tiny"), 2)) {
            List<Reply> replies = tiny.core().handle(ANA, new ChatCommand.Rate());
            for (String id : List.of("t1", "t2")) {
                Reply.SongCard card = (Reply.SongCard) replies.getLast();
                tiny.core().posted(ANA, id, card);
                replies = tiny.core().reacted("discord", id, ANA, Reaction.LIKE, true);
            }
            assertThat(((Reply.Text) replies.getFirst()).text()).startsWith("You have rated every song in my catalogue");
        }
    }

    @Test
    void withoutSpotifySetUpLinkingSaysSoAndPointsToImport() {
        assertThat(text(handle(ANA, new ChatCommand.Link(java.util.Optional.empty())))).startsWith("This bot isn't set up for Spotify linking");
        assertThat(text(handle(ANA, new ChatCommand.Help(CommandNaming.HYPHENS)))).contains("/rate").contains("/will-i-like").contains("/forget-me");
    }

    @Test
    void withoutSpotifySetUpAPlaylistIsRefusedAndNoSongIsPicked() {
        List<Reply> replies = handle(ANA, new ChatCommand.Playlist());

        assertThat(replies).singleElement().isEqualTo(new Reply.Text("This bot isn't set up for Spotify (its operator has "
                + "not set spotify.client-id), so it can't keep a playlist for you. Rate songs right here with /rate."));
        assertThat(fixture.posted().recent(ANA.userId(), 10)).isEmpty();
        assertThat(text(handle(ANA, new ChatCommand.Help(CommandNaming.HYPHENS)))).contains("/playlist");
    }
}
