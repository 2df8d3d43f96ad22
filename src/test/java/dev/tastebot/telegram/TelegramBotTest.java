package dev.tastebot.telegram;

import static dev.tastebot.telegram.FakeTelegram.privateChat;
import static dev.tastebot.telegram.FakeTelegram.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tastebot.chat.ChatFixture;
import dev.tastebot.chat.UserLanes;
import dev.tastebot.config.Secret;
import dev.tastebot.config.TastebotConfig;
import dev.tastebot.store.Rating;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Telegram adapter through the real TelegramBots library (its long polling and its OkHttp
 * client) against {@link FakeTelegram}, a Bot API server on the loopback address, over the real
 * chat core and a real SQLite file.
 */
class TelegramBotTest {
    private static final ObjectNode ANA = user(42, "Ana");
    private static final ObjectNode BEN = user(43, "Ben");
    private static final String ANA_ID = "telegram:42";
    private static final String BEN_ID = "telegram:43";

    @TempDir
    Path folder;
    private ChatFixture fixture;
    private FakeTelegram telegram;
    private UserLanes lanes;
    private TelegramBot bot;
    /** The waits flood control asked for, instead of waiting them. */
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        fixture = new ChatFixture(folder, 120);
        telegram = new FakeTelegram();
        lanes = UserLanes.onVirtualThreads();
        bot = new TelegramBot(new TastebotConfig.Telegram(Optional.of(new Secret(FakeTelegram.TOKEN)), telegram.baseUrl(),
                List.of()), fixture.core(), lanes, ChatFixture.clock(), waits::add);
        bot.start();
    }

    @AfterEach
    void tearDown() {
        // As run stops it: no more updates, the users' work finishes, then the connections close.
        bot.stopReceiving();
        lanes.close();
        bot.close();
        telegram.close();
        fixture.close();
    }

    @Test
    void startingChecksTheTokenSetsTheMenuAndLongPollsForMessagesPressesAndReactions() {
        // WHEN the bot has started (in setUp)
        FakeTelegram.Call menu = telegram.await("setMyCommands");
        FakeTelegram.Call poll = telegram.await("getUpdates");

        // THEN every command of the menu has a name Telegram accepts, among them the renamed ones
        List<String> names = new ArrayList<>();
        menu.body().path("commands").forEach(command -> names.add(command.path("command").asText()));
        assertThat(names).allMatch(name -> name.matches("[a-z0-9_]{1,32}"))
                .contains("rate", "will_i_like", "forget_me", "import", "daily", "link", "stats", "help");
        menu.body().path("commands").forEach(command -> assertThat(command.path("description").asText()).hasSizeBetween(1, 256));
        // AND the poll is a long one that names the update kinds Telegram sends only when asked for
        assertThat(telegram.calls("getMe")).hasSize(1);
        assertThat(telegram.calls("deleteWebhook")).hasSize(1);
        List<String> allowed = new ArrayList<>();
        poll.body().path("allowed_updates").forEach(kind -> allowed.add(kind.asText()));
        assertThat(allowed).containsExactlyInAnyOrder("message", "callback_query", "message_reaction");
        assertThat(poll.body().path("timeout").asInt()).isEqualTo(50);
        assertThat(bot.isConnected()).isTrue();
    }

    @Test
    void pollingConfirmsEachBatchWithTheNextOffsetAndReadsUpdatesWithFieldsTheLibraryDoesNotKnow() {
        // GIVEN an update carrying a field from a Bot API newer than the library, then a plain one
        ObjectNode message = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        message.put("message_id", 1).put("date", 1_780_000_000).put("text", "/help").put("field_from_the_future", true);
        message.set("from", ANA);
        message.set("chat", privateChat(ANA));
        int first = telegram.queue("message", message);

        // WHEN it is delivered
        FakeTelegram.Call help = telegram.await("sendMessage", call -> call.text("text").contains("learns your music taste"));
        telegram.awaitConfirmed(first);
        int second = telegram.userWrites(ANA, privateChat(ANA), "/stats");

        // THEN each was answered once, and the polls asked for the update after the last one received
        telegram.await("sendMessage", call -> call.text("text").contains("You haven't rated anything yet"));
        telegram.awaitConfirmed(second);
        assertThat(help.text("chat_id")).isEqualTo("42");
        assertThat(telegram.calls("sendMessage")).hasSize(2);
    }

    @Test
    void aWholeRatingSessionWithButtons() {
        // GIVEN Ana asks to rate in her private chat with the bot
        telegram.userWrites(ANA, privateChat(ANA), "/rate");
        telegram.await("sendMessage", call -> call.text("text").startsWith("Rating session started"));
        FakeTelegram.Call card = telegram.await("sendMessage", call -> call.body().has("reply_markup"));
        int cardId = telegram.messageIdOf(card);
        assertThat(card.text("parse_mode")).isEqualToIgnoringCase("HTML");
        assertThat(buttons(card.body().path("reply_markup"))).containsExactly("👍=like", "👎=dislike", "⏹️=stop");

        // WHEN she presses 👍
        int before = telegram.callCount();
        telegram.userPresses(ANA, card, cardId, "like");
        FakeTelegram.Call answered = telegram.awaitAfter(before, "answerCallbackQuery", call -> true);
        FakeTelegram.Call edited = telegram.awaitAfter(before, "editMessageReplyMarkup", call -> true);
        FakeTelegram.Call next = telegram.awaitAfter(before, "sendMessage", call -> call.body().has("reply_markup"));

        // THEN the 👍 is stored, the press answered, the card shows it, and then the next song comes
        String firstTrack = fixture.posted().find("telegram:42:" + cardId).orElseThrow().trackId();
        assertThat(fixture.ratings().current(ANA_ID, firstTrack)).map(Rating::liked).contains(true);
        assertThat(answered.text("text")).isEqualTo("Saved: 👍");
        assertThat(edited.body().path("message_id").asInt()).isEqualTo(cardId);
        assertThat(buttons(edited.body().path("reply_markup"))).containsExactly("👍 ✓=like", "👎=dislike");
        assertThat(telegram.indexOf(answered)).isLessThan(telegram.indexOf(next));
        int nextId = telegram.messageIdOf(next);

        // WHEN she changes her mind on the first song, then stops the session on the second
        int changed = telegram.callCount();
        telegram.userPresses(ANA, card, cardId, "dislike");
        telegram.awaitAfter(changed, "editMessageReplyMarkup", call -> buttons(call.body().path("reply_markup"))
                .contains("👎 ✓=dislike"));
        String secondTrack = fixture.posted().find("telegram:42:" + nextId).orElseThrow().trackId();
        assertThat(secondTrack).isNotEqualTo(firstTrack);
        int stopping = telegram.callCount();
        telegram.userPresses(ANA, next, nextId, "stop");
        FakeTelegram.Call summary = telegram.awaitAfter(stopping, "sendMessage", call -> call.text("text").startsWith("Rating session stopped"));

        // THEN the first song is a 👎 now, no third song came, and the session is over
        assertThat(fixture.ratings().current(ANA_ID, firstTrack)).map(Rating::liked).contains(false);
        assertThat(summary.text("text")).contains("1 song rated");
        assertThat(fixture.sessions().current(ANA_ID)).isEmpty();
        assertThat(telegram.calls("sendMessage").stream().filter(call -> call.body().has("reply_markup"))).hasSize(2);
    }

    @Test
    void inAGroupOnlyTheOwnerRatesACardAndAnyoneElsePressingIsToldWhoseSongItIs() {
        // GIVEN Ana's song posted in a group, with her name on it
        ObjectNode group = FakeTelegram.group(-1001234, "Music lovers");
        telegram.userWrites(ANA, group, "/rate@" + FakeTelegram.BOT_USERNAME);
        FakeTelegram.Call card = telegram.await("sendMessage", call -> call.body().has("reply_markup"));
        int cardId = telegram.messageIdOf(card);
        assertThat(card.text("text")).startsWith("For Ana:");
        assertThat(buttons(card.body().path("reply_markup"))).containsExactly("👍=like|Ana", "👎=dislike|Ana", "⏹️=stop|Ana");

        // (Ana's lane registered the card before it answers her next command: the test waits for that answer)
        telegram.userWrites(ANA, privateChat(ANA), "/help");
        telegram.await("sendMessage", call -> call.text("chat_id").equals("42"));

        // WHEN Ben presses 👎 under it
        int before = telegram.callCount();
        telegram.userPresses(BEN, card, cardId, "dislike|Ana");
        FakeTelegram.Call answered = telegram.awaitAfter(before, "answerCallbackQuery", call -> true);

        // THEN he is told whose song it is, and nothing is stored, changed or posted for anyone
        assertThat(answered.text("text")).isEqualTo("This is Ana's song to rate. Send /rate for songs of your own.");
        String track = fixture.posted().find("telegram:-1001234:" + cardId).orElseThrow().trackId();
        assertThat(fixture.ratings().current(BEN_ID, track)).isEmpty();
        assertThat(fixture.ratings().current(ANA_ID, track)).isEmpty();
        assertThat(telegram.calls("editMessageReplyMarkup")).isEmpty();

        // WHEN Ana rates it, claiming in the data to be someone else
        int rated = telegram.callCount();
        telegram.userPresses(ANA, card, cardId, "like|Somebody");

        // THEN her rating counts: the core, not the button's data, says whose song it is
        telegram.awaitAfter(rated, "answerCallbackQuery", call -> call.text("text").equals("Saved: 👍"));
        assertThat(fixture.ratings().current(ANA_ID, track)).map(Rating::liked).contains(true);
    }

    @Test
    void severalMatchesAreButtonsAndWhoeverPressesOneInAGroupGetsTheirOwnNamedAnswer() {
        // GIVEN two songs that "nitro" matches, and Ana asking about it in a group
        fixture.addTrack("nitro-1", "Nitro <b>One</b>", List.of("Amber"), Optional.empty());
        fixture.addTrack("nitro-2", "Nitro Two", List.of("Basalt"), Optional.empty());
        ObjectNode group = FakeTelegram.group(-1007, "Music lovers");
        telegram.userWrites(ANA, group, "/will_i_like nitro");
        FakeTelegram.Call question = telegram.await("sendMessage", call -> call.body().has("reply_markup"));

        // THEN the question comes with one button per match, its label as plain text, its data the track id
        assertThat(question.text("text")).isEqualTo("Several songs match; which one do you mean?");
        assertThat(buttons(question.body().path("reply_markup")))
                .containsExactlyInAnyOrder("Nitro <b>One</b>=pick:nitro-1", "Nitro Two=pick:nitro-2");

        // WHEN Ben presses "Nitro Two"
        int before = telegram.callCount();
        telegram.userPresses(BEN, question, telegram.messageIdOf(question), "pick:nitro-2");
        FakeTelegram.Call answered = telegram.awaitAfter(before, "answerCallbackQuery", call -> true);
        FakeTelegram.Call answer = telegram.awaitAfter(before, "sendMessage", call -> true);

        // THEN the press is answered, and the group gets an answer for him, saying so
        assertThat(answered.body().has("text")).isFalse();
        assertThat(answer.text("chat_id")).isEqualTo("-1007");
        assertThat(answer.text("text")).startsWith("For Ben:");
        assertThat(telegram.indexOf(answered)).isLessThan(telegram.indexOf(answer));
    }

    @Test
    void aForgedChoiceIsRefusedAndAChoiceOfATrackGoneSinceSaysSo() {
        // GIVEN a question with two matches in Ana's private chat
        fixture.addTrack("nitro-1", "Nitro One", List.of("Amber"), Optional.empty());
        fixture.addTrack("nitro-2", "Nitro Two", List.of("Basalt"), Optional.empty());
        telegram.userWrites(ANA, privateChat(ANA), "/will_i_like nitro");
        FakeTelegram.Call question = telegram.await("sendMessage", call -> call.body().has("reply_markup"));
        int questionId = telegram.messageIdOf(question);

        // WHEN a modified client sends data no button carries: free text, where a track id belongs
        int forged = telegram.callCount();
        telegram.userPresses(ANA, question, questionId, "pick:Daft Punk - One More Time");

        // THEN the press is answered with a refusal, and nothing is looked up or sent
        FakeTelegram.Call refused = telegram.awaitAfter(forged, "answerCallbackQuery", call -> true);
        assertThat(refused.text("text")).isEqualTo("That button does nothing any more.");

        // WHEN it names a well-formed id that this bot does not know (a song removed since)
        int unknown = telegram.callCount();
        telegram.userPresses(ANA, question, questionId, "pick:4cOdK2wGLETKBW3PvgPWqT");

        // THEN the answer says it does not know that track
        FakeTelegram.Call answer = telegram.awaitAfter(unknown, "sendMessage", call -> true);
        assertThat(answer.text("text")).startsWith("I don't know that track yet");
        assertThat(telegram.calls("sendMessage").stream().filter(call -> telegram.indexOf(call) > telegram.indexOf(refused)
                && telegram.indexOf(call) < telegram.indexOf(answer))).isEmpty();
    }

    @Test
    void aThumbsUpReactionOnACardIsARatingAndOnlyTheOwnersCounts() {
        // GIVEN Ana's card in her private chat
        telegram.userWrites(ANA, privateChat(ANA), "/rate");
        FakeTelegram.Call card = telegram.await("sendMessage", call -> call.body().has("reply_markup"));
        int cardId = telegram.messageIdOf(card);

        // WHEN Ben's reaction arrives for it (as it would in a group where the bot is an admin), then Ana reacts 👍
        telegram.userReacts(BEN, 42, cardId, List.of(), List.of("👍"));
        int before = telegram.callCount();
        telegram.userReacts(ANA, 42, cardId, List.of(), List.of("👍"));
        FakeTelegram.Call edited = telegram.awaitAfter(before, "editMessageReplyMarkup", call -> true);
        telegram.awaitAfter(before, "sendMessage", call -> call.body().has("reply_markup"));

        // THEN Ana's 👍 is her rating, the card shows it and the next song came; Ben rated nothing
        String track = fixture.posted().find("telegram:42:" + cardId).orElseThrow().trackId();
        assertThat(fixture.ratings().current(ANA_ID, track)).map(Rating::liked).contains(true);
        assertThat(fixture.ratings().all(BEN_ID)).isEmpty();
        assertThat(buttons(edited.body().path("reply_markup"))).containsExactly("👍 ✓=like", "👎=dislike");

        // WHEN she switches her reaction to 👎 (one update: the old list and the new)
        int switched = telegram.callCount();
        telegram.userReacts(ANA, 42, cardId, List.of("👍"), List.of("👎"));
        telegram.awaitAfter(switched, "editMessageReplyMarkup", call -> true);

        // THEN the rating is 👎
        assertThat(fixture.ratings().current(ANA_ID, track)).map(Rating::liked).contains(false);
    }

    @Test
    void importReadsTheDocumentOnlyAfterItsSizeIsCheckedAndBringsInTheLikes() {
        // GIVEN a document far over the Bot API's 20 MB, and then a real export
        telegram.userSendsDocument(ANA, privateChat(ANA), "huge.json", new byte[0], 30L * 1024 * 1024, "/import");
        FakeTelegram.Call tooLarge = telegram.await("sendMessage", call -> call.text("text").startsWith("That file is"));
        byte[] export = """
                {"tracks": [{"artist": "Daft Punk", "album": "Discovery", "track": "One More Time",
                             "uri": "spotify:track:0DiWol3AO6WpXZgp0goxAV"}]}""".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        // WHEN she sends the export alone in her private chat
        telegram.userSendsDocument(ANA, privateChat(ANA), "YourLibrary.json", export, export.length, null);
        FakeTelegram.Call imported = telegram.await("sendMessage", call -> call.text("text").startsWith("Imported"));

        // THEN the large one was refused without a getFile or a download; the export was fetched and its song is a like
        assertThat(tooLarge.text("text")).contains("30.0 MB").contains("20.0 MB");
        assertThat(telegram.calls("getFile")).hasSize(1);
        assertThat(telegram.calls("download")).singleElement()
                .satisfies(call -> assertThat(call.text("file_path")).isEqualTo("documents/doc-2.json"));
        assertThat(imported.text("text")).startsWith("Imported 1 saved song");
        assertThat(fixture.ratings().current(ANA_ID, "0DiWol3AO6WpXZgp0goxAV")).map(Rating::liked).contains(true);
    }

    @Test
    void forgetMeAsksWithAButtonThatOnlyTheAskerCanPress() {
        // GIVEN Ana has a rating and asks to be forgotten
        telegram.userWrites(ANA, privateChat(ANA), "/rate");
        FakeTelegram.Call card = telegram.await("sendMessage", call -> call.body().has("reply_markup"));
        telegram.userPresses(ANA, card, telegram.messageIdOf(card), "like");
        telegram.await("answerCallbackQuery");
        int asking = telegram.callCount();
        telegram.userWrites(ANA, privateChat(ANA), "/forget_me");
        FakeTelegram.Call question = telegram.awaitAfter(asking, "sendMessage",
                call -> call.text("text").startsWith("This deletes everything"));
        assertThat(buttons(question.body().path("reply_markup")))
                .containsExactly("Delete everything=forget:42", "Keep it=keep:42");
        assertThat(fixture.users().exists(ANA_ID)).isTrue();

        // WHEN Ben presses her button (as a client could send any data), then Ana does
        int ben = telegram.callCount();
        telegram.userPresses(BEN, question, telegram.messageIdOf(question), "forget:42");
        FakeTelegram.Call refused = telegram.awaitAfter(ben, "answerCallbackQuery", call -> true);
        assertThat(refused.text("text")).isEqualTo("This question was for someone else.");
        assertThat(fixture.users().exists(ANA_ID)).isTrue();
        int ana = telegram.callCount();
        telegram.userPresses(ANA, question, telegram.messageIdOf(question), "forget:42");

        // THEN everything about Ana is gone, the buttons are taken away, and she is told
        telegram.awaitAfter(ana, "sendMessage", call -> call.text("text").startsWith("Done: deleted 1 ratings"));
        assertThat(fixture.users().exists(ANA_ID)).isFalse();
        assertThat(telegram.awaitAfter(ana, "editMessageReplyMarkup", call -> true).body().path("reply_markup")
                .path("inline_keyboard")).isEmpty();
    }

    @Test
    void commandsForOneOnlyAreAnsweredPrivatelyOrTheGroupIsToldHowToAsk() {
        ObjectNode group = FakeTelegram.group(-1005, "Friends");
        // GIVEN Ben never started the bot, Ana did
        telegram.blocks(43);

        // WHEN both ask for their stats in the group
        telegram.userWrites(BEN, group, "/stats");
        FakeTelegram.Call howTo = telegram.await("sendMessage", call -> call.text("text").startsWith("I answer /stats only"));
        telegram.userWrites(ANA, group, "/stats@" + FakeTelegram.BOT_USERNAME);
        FakeTelegram.Call stats = telegram.await("sendMessage", call -> call.text("text").contains("haven't rated"));

        // THEN Ben's stats were not shown in the group, Ana's went to her private chat
        assertThat(howTo.text("chat_id")).isEqualTo("-1005");
        assertThat(howTo.text("text")).contains("@" + FakeTelegram.BOT_USERNAME);
        assertThat(stats.text("chat_id")).isEqualTo("42");
        assertThat(telegram.calls("sendMessage")).noneMatch(call -> call.text("chat_id").equals("-1005")
                && call.text("text").contains("haven't rated"));
    }

    @Test
    void aCommandForAnotherBotInAGroupIsLeftAlone() {
        ObjectNode group = FakeTelegram.group(-1006, "Bots");
        int update = telegram.userWrites(ANA, group, "/rate@some_other_bot");
        telegram.awaitConfirmed(update);
        int after = telegram.userWrites(ANA, group, "/will_i_like@" + FakeTelegram.BOT_USERNAME + " Song 1");
        telegram.await("sendMessage", call -> call.text("chat_id").equals("-1006"));
        telegram.awaitConfirmed(after);

        assertThat(telegram.calls("sendMessage")).singleElement()
                .satisfies(call -> assertThat(call.text("text")).doesNotContain("Rating session"));
        assertThat(fixture.sessions().current(ANA_ID)).isEmpty();
    }

    @Test
    void floodControlIsHonouredByWaitingWhatTelegramAsksThenSending() {
        // GIVEN Telegram answers the next message with 429, retry after 7 s
        telegram.floodNext("sendMessage", 7);

        // WHEN Ana asks for help
        telegram.userWrites(ANA, privateChat(ANA), "/help");

        // THEN the bot waited 7 s (as asked, not more, not less) and sent it again
        FakeTelegram.Call refused = telegram.await("sendMessage");
        FakeTelegram.Call sent = telegram.awaitAfter(telegram.indexOf(refused) + 1, "sendMessage", call -> true);
        assertThat(sent.text("text")).contains("learns your music taste").isEqualTo(refused.text("text"));
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void dailyMessagesArePrivateMessagesWithRateableSongsAndABlockedUserIsUnreachable() {
        // GIVEN Ana, who turned daily messages on, two songs to send her, and Ben who blocked the bot
        fixture.settings().saveDaily(ANA_ID, new dev.tastebot.store.DailySetting(true, 9, java.time.ZoneOffset.UTC),
                ChatFixture.NOW);
        List<dev.tastebot.chat.Reply> message = fixture.dailyMessages(2).newRound().prepare(ANA_ID);
        telegram.blocks(43);

        // WHEN they are delivered
        dev.tastebot.chat.Outbox.Delivery toAna = bot.deliver(new dev.tastebot.chat.ChatUser("telegram", "42", "42"), message);
        dev.tastebot.chat.Outbox.Delivery toBen = bot.deliver(new dev.tastebot.chat.ChatUser("telegram", "43", "43"), message);

        // THEN Ana got every message in her private chat, each song registered so that it can be rated
        assertThat(toAna).isInstanceOf(dev.tastebot.chat.Outbox.Delivery.Delivered.class);
        List<FakeTelegram.Call> cards = telegram.calls("sendMessage").stream()
                .filter(call -> call.text("chat_id").equals("42") && call.body().has("reply_markup")).toList();
        assertThat(cards).hasSize(2);
        cards.forEach(card -> assertThat(fixture.posted().find("telegram:42:" + telegram.messageIdOf(card))).isPresent());
        assertThat(buttons(cards.getFirst().body().path("reply_markup"))).containsExactly("👍=like", "👎=dislike");
        // AND Ben, who blocked the bot, is unreachable, with nothing sent
        assertThat(toBen).isInstanceOf(dev.tastebot.chat.Outbox.Delivery.Unreachable.class);
        assertThat(bot.deliver(new dev.tastebot.chat.ChatUser("discord", "42", "42"), message))
                .isInstanceOf(dev.tastebot.chat.Outbox.Delivery.Unreachable.class);
    }

    private static List<String> buttons(JsonNode markup) {
        List<String> buttons = new ArrayList<>();
        markup.path("inline_keyboard").forEach(row -> row.forEach(button ->
                buttons.add(button.path("text").asText() + "=" + button.path("callback_data").asText())));
        return buttons;
    }
}
