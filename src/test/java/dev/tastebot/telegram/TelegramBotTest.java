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
        bot.close();
        lanes.close();
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

    private static List<String> buttons(JsonNode markup) {
        List<String> buttons = new ArrayList<>();
        markup.path("inline_keyboard").forEach(row -> row.forEach(button ->
                buttons.add(button.path("text").asText() + "=" + button.path("callback_data").asText())));
        return buttons;
    }
}
