package dev.tastebot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The words and cards of daily messages, prepared over a real SQLite file and real models. */
class DailyMessagesTest {
    private static final String ANA = "discord:100";

    @TempDir
    Path folder;
    private ChatFixture fixture;
    private List<String> catalogue;

    @BeforeEach
    void setUp() {
        fixture = new ChatFixture(folder, 80);
        catalogue = List.copyOf(fixture.wouldLike().keySet());
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private void rate(int songs) {
        for (String id : catalogue.subList(0, songs)) {
            fixture.ratings().rate(ANA, id, fixture.wouldLike().get(id), "chat", ChatFixture.NOW);
        }
    }

    private static List<Reply.SongCard> cards(List<Reply> message) {
        return message.stream().filter(Reply.SongCard.class::isInstance).map(Reply.SongCard.class::cast).toList();
    }

    @Test
    void withAModelTheMessageRecommendsSongsWithTheModelsAnswerAndReasons() {
        rate(50);
        fixture.userModels().retrain(ANA);

        List<Reply> message = fixture.dailyMessages(3).newRound().prepare(ANA);

        assertThat(message.getFirst()).isInstanceOfSatisfying(Reply.Text.class, intro ->
                assertThat(intro.text()).startsWith("Your daily picks: 3 songs you haven't rated")
                        .contains("/daily off stops these messages"));
        assertThat(cards(message)).hasSize(3).allSatisfy(card -> {
            // daily cards, not a session's: 👍 and 👎 only, and their reactions are rated as daily
            assertThat(card.inSession()).isFalse();
            assertThat(card.reactions()).containsExactly(Reaction.LIKE, Reaction.DISLIKE);
            assertThat(card.why().plain()).containsPattern("Probably (yes|not): \\d+% chance you'll like it")
                    .contains("\nWhy:\n");
            assertThat(catalogue.subList(0, 50)).doesNotContain(card.trackId());
        });
    }

    @Test
    void withoutAModelTheMessageSaysSoAndOffersSongsToRate() {
        rate(3);

        List<Reply> message = fixture.dailyMessages(2).newRound().prepare(ANA);

        assertThat(message.getFirst()).isInstanceOfSatisfying(Reply.Text.class, intro ->
                assertThat(intro.text()).startsWith("Your daily songs: I can't recommend songs yet: your model needs "
                        + "more ratings (rate at least 17 more songs").contains("here are 2 songs to rate"));
        assertThat(cards(message)).hasSize(2).allSatisfy(card -> {
            assertThat(card.inSession()).isFalse();
            assertThat(card.why().plain()).isNotBlank().doesNotContain("chance you'll like it");
        });
    }

    @Test
    void whenNothingIsLeftToShowThereIsNoMessage() {
        rate(80);

        assertThat(fixture.dailyMessages(3).newRound().prepare(ANA)).isEmpty();
    }
}
