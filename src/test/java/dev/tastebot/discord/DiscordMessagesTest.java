package dev.tastebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.chat.ChatService;
import dev.tastebot.chat.Reply;
import dev.tastebot.text.Limit;
import dev.tastebot.text.RichText;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DiscordMessagesTest {
    /** Invisible on Discord; breaks a link, a mention or a timestamp where it stands. */
    private static final String ZW = "\u200B";
    private static final String URL = "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC";
    private static final Reply.SongCard CARD = new Reply.SongCard("4uLU6hMCjMI75M1A2tKUQC", "Never *Gonna* Give You Up",
            List.of("Rick Astley"), "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC", "You liked 3 songs by this artist", Reply.Purpose.SESSION);

    @Test
    void aCardShowsTitleArtistsWhyAndTheLinkAloneOnTheLastLine() {
        String text = DiscordMessages.cardText(CARD);

        assertThat(text.lines().toList()).containsExactly(
                "**Never \\*Gonna\\* Give You Up** — Rick Astley",
                "You liked 3 songs by this artist",
                "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC");
    }

    @Test
    void whatIsKnownAboutTheSongComesUnderItsTitleWithItsOutsideWordsEscaped() {
        Reply.SongCard card = new Reply.SongCard("t1", "Song", List.of("A"), "", RichText.of("Because"), Reply.Purpose.DAILY,
                RichText.builder().outside("**Best of** <@1>", Limit.TITLE).words(" · 2019 · 3:45").line().words("fast, loud").build());

        assertThat(DiscordMessages.cardText(card).lines().toList()).containsExactly(
                "**Song** — A", "\\*\\*Best of\\*\\* <" + ZW + "@" + ZW + "1> · 2019 · 3:45", "fast, loud", "Because");
    }

    @Test
    void aCardWithoutUrlIsJustText() {
        Reply.SongCard card = new Reply.SongCard("t1", "Song", List.of("A", "B"), "", "Because", Reply.Purpose.DAILY);

        assertThat(DiscordMessages.cardText(card).lines().toList()).containsExactly("**Song** — A, B", "Because");
    }

    @Test
    void theReactionsGoUnderTheCardsMessageOnly() {
        List<DiscordMessages.Outgoing> out = DiscordMessages.render(List.of(new Reply.Text("Here is one:"), CARD));

        assertThat(out).extracting(DiscordMessages.Outgoing::card).containsExactly(Optional.empty(), Optional.of(CARD));
    }

    /** Titles as a hostile import or catalogue could name songs, and the first line of their card as Discord gets it. */
    static List<Arguments> hostileTitles() {
        return List.of(
                Arguments.of("**x**", "\\*\\*x\\*\\*"),
                Arguments.of("__x__", "\\_\\_x\\_\\_"),
                Arguments.of("~~x~~", "\\~\\~x\\~\\~"),
                Arguments.of("`x`", "\\`x\\`"),
                Arguments.of("```x```", "\\`\\`\\`x\\`\\`\\`"),
                Arguments.of("||x||", "\\|\\|x\\|\\|"),
                Arguments.of("> quote", "\\> quote"),
                Arguments.of("# heading", "# heading"),
                Arguments.of("x*", "x\\*"),
                Arguments.of("back\\", "back\\\\"),
                Arguments.of("[free](https://evil.example)", "[free]" + ZW + "(https:" + ZW + "//evil.example)"),
                Arguments.of("https://evil.example/x", "https:" + ZW + "//evil.example/x"),
                Arguments.of("@everyone @here", "@" + ZW + "everyone @" + ZW + "here"),
                Arguments.of("<@123> <@&4> <#5> </rate:6> <:e:7>", "<" + ZW + "@" + ZW + "123> <" + ZW + "@" + ZW + "&4> <" + ZW
                        + "#5> <" + ZW + "/rate:6> <" + ZW + ":e:7>"),
                Arguments.of("<t:1700000000:R>", "<" + ZW + "t:1700000000:R>"),
                Arguments.of("\u001B[31mRed\u001B[0m\r\n# Title", "Red # Title"),
                Arguments.of("x".repeat(10_000), "x".repeat(Limit.TITLE.chars() - 1) + "…"));
    }

    @ParameterizedTest
    @MethodSource("hostileTitles")
    void aTitleFromOutsideIsShownAsItIsNeverAsMarkupALinkOrAMention(String title, String shown) {
        // GIVEN a song card whose title came from outside
        Reply.SongCard card = new Reply.SongCard("4uLU6hMCjMI75M1A2tKUQC", title, List.of("Rick Astley"), URL,
                "You liked 3 songs by this artist", Reply.Purpose.SESSION);

        // WHEN it is rendered for Discord
        List<DiscordMessages.Outgoing> out = DiscordMessages.render(List.of(card));

        // THEN it is one message, the title escaped inside our bold, and the message pings no one
        assertThat(out).singleElement().satisfies(message -> {
            assertThat(message.message().getContent()).isEqualTo("**" + shown + "** — Rick Astley\n"
                    + "You liked 3 songs by this artist\n" + URL);
            assertThat(message.message().getAllowedMentions()).isEmpty();
            assertThat(message.card()).contains(card);
        });
    }

    @Test
    void artistsFromOutsideAreEscapedShortenedAndCounted() {
        Reply.SongCard card = new Reply.SongCard("t1", "Song", List.of("<@1>", "a_b_c", "N".repeat(200), "D", "E"), "",
                "Because", Reply.Purpose.DAILY);

        assertThat(DiscordMessages.cardText(card)).isEqualTo("**Song** — <" + ZW + "@" + ZW + "1>, a\\_b\\_c, "
                + "N".repeat(Limit.NAME.chars() - 1) + "… and 2 more\nBecause");
    }

    @Test
    void outsideTextAtTheStartOfALineStartsNoHeadingListOrQuote() {
        RichText text = RichText.builder().outside("# big", Limit.TITLE).line().outside("-# small", Limit.TITLE).line()
                .outside("- item", Limit.TITLE).line().outside("12. item", Limit.TITLE).line().outside("> quote", Limit.TITLE)
                .line().outside(">>> all", Limit.TITLE).build();

        String content = DiscordMessages.render(List.of(new Reply.Text(text))).getFirst().message().getContent();

        assertThat(content).isEqualTo("\\# big\n\\-# small\n\\- item\n12\\. item\n\\> quote\n\\>\\>\\> all");
    }

    @Test
    void ourOwnEmphasisCodeAndLinksAreMarkupAndNothingElseIs() {
        RichText text = RichText.builder().strong("Your ratings").words(": 3 👍, see ").code("tastebot import-catalog FILE")
                .words(" or ").link(URL).build();

        assertThat(DiscordMessages.render(List.of(new Reply.Text(text))).getFirst().message().getContent())
                .isEqualTo("**Your ratings**: 3 👍, see `tastebot import-catalog FILE` or " + URL);
    }

    @Test
    void anAnswerTakesAtMostThreeMessagesAndSaysItWasShortened() {
        // GIVEN a text answer far longer than three messages, once escaped
        RichText.Builder text = RichText.builder().words("Your artists:");
        for (int i = 0; i < 400; i++) {
            text.line().outside("*".repeat(100), Limit.NAME);
        }

        // WHEN it is rendered for Discord
        List<DiscordMessages.Outgoing> out = DiscordMessages.render(List.of(new Reply.Text(text.build()), CARD));

        // THEN three messages carry it, each one Discord accepts, the last saying the rest was cut
        assertThat(out).hasSize(Reply.MAX_MESSAGES + 1);
        List<String> contents = out.stream().map(o -> o.message().getContent()).toList();
        assertThat(contents).allSatisfy(content -> assertThat(content.length()).isLessThanOrEqualTo(Message.MAX_CONTENT_LENGTH));
        assertThat(contents.getFirst()).startsWith("Your artists:\n" + "\\*".repeat(Limit.NAME.chars() - 1) + "…\n");
        assertThat(contents.get(2)).endsWith("\n" + RichText.SHORTENED);
        // AND the card after it is still one message with its reactions
        assertThat(out.get(3).card()).contains(CARD);
        assertThat(contents.get(3)).endsWith(URL);
    }

    @Test
    void aCardIsOneMessageHoweverLongItsReason() {
        RichText why = RichText.builder().outside("@".repeat(5_000), Limit.TITLE).line().words("<".repeat(5_000)).build();
        Reply.SongCard card = new Reply.SongCard("4uLU6hMCjMI75M1A2tKUQC", "<".repeat(500), List.of("@".repeat(500), "b", "c"),
                URL, why, Reply.Purpose.SESSION);

        List<DiscordMessages.Outgoing> out = DiscordMessages.render(List.of(card));

        assertThat(out).singleElement().satisfies(message -> {
            assertThat(message.card()).contains(card);
            assertThat(message.message().getContent()).hasSizeLessThanOrEqualTo(Message.MAX_CONTENT_LENGTH).endsWith("\n" + URL)
                    .contains(RichText.SHORTENED);
        });
    }

    @Test
    void noMessagePingsAnyone() {
        List<DiscordMessages.Outgoing> out = DiscordMessages.render(List.of(new Reply.Text("@everyone listen")));

        assertThat(out.getFirst().message().getAllowedMentions()).isEmpty();
        assertThat(out.getFirst().message().getContent()).isEqualTo("@" + ZW + "everyone listen");
    }

    @Test
    void longTextIsSplitAtLineEndsIntoMessagesDiscordAccepts() {
        String line = "x".repeat(150);
        String text = String.join("\n", java.util.Collections.nCopies(30, line)); // 4529 characters

        List<String> chunks = DiscordMessages.chunks(text);

        assertThat(chunks).hasSize(3).allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(Message.MAX_CONTENT_LENGTH));
        assertThat(String.join("\n", chunks)).isEqualTo(text);
    }

    @Test
    void aLineLongerThanAMessageIsCutWithoutSplittingAnEmoji() {
        String text = "a".repeat(Message.MAX_CONTENT_LENGTH - 1) + "👍" + "b".repeat(10);

        List<String> chunks = DiscordMessages.chunks(text);

        assertThat(chunks).hasSize(2);
        assertThat(chunks.getFirst()).hasSize(Message.MAX_CONTENT_LENGTH - 1);
        assertThat(chunks.get(1)).startsWith("👍");
    }

    @Test
    void blankTextMakesNoMessage() {
        assertThat(DiscordMessages.render(List.of(new Reply.Text("  \n ")))).isEmpty();
    }

    @Test
    void aChoiceIsItsQuestionWithFiveButtonsARowEachLabelOneShortLine() {
        // GIVEN seven matches, one with a label longer than a button's and broken over lines
        List<ChatService.Choice> choices = new java.util.ArrayList<>();
        choices.add(new ChatService.Choice("A very long artist - " + "la ".repeat(40) + "\nend", "id-0"));
        for (int i = 1; i < 7; i++) {
            choices.add(new ChatService.Choice("Artist - Song " + i, "id-" + i));
        }

        // WHEN the question is rendered
        List<DiscordMessages.Outgoing> out = DiscordMessages.render(List.of(new Reply.Choices(RichText.of("Which one?"), choices)));

        // THEN it is one message, not a song card, its buttons in rows of five, in order
        assertThat(out).singleElement().satisfies(message -> {
            assertThat(message.card()).isEmpty();
            assertThat(message.message().getContent()).isEqualTo("Which one?");
            List<List<Button>> rows = message.message().getComponents().stream().map(row -> row.asActionRow().getButtons()).toList();
            assertThat(rows).extracting(List::size).containsExactly(5, 2);
            List<Button> buttons = rows.stream().flatMap(List::stream).toList();
            assertThat(buttons).extracting(Button::getCustomId).containsExactly("pick:id-0", "pick:id-1", "pick:id-2",
                    "pick:id-3", "pick:id-4", "pick:id-5", "pick:id-6");
            // AND a long label is one line, cut to Discord's 80 characters with an ellipsis
            assertThat(buttons.getFirst().getLabel()).hasSize(Button.LABEL_MAX_LENGTH).endsWith("…").doesNotContain("\n");
        });
    }

    @Test
    void aChoiceWhoseValueCannotBeACustomIdGetsNoButtonAndTheOthersStay() {
        Reply.Choices choices = new Reply.Choices(RichText.of("Which one?"), List.of(
                new ChatService.Choice("Too long", "x".repeat(Button.ID_MAX_LENGTH)), new ChatService.Choice("Fine", "id-1")));

        List<DiscordMessages.Outgoing> out = DiscordMessages.render(List.of(choices));

        assertThat(out.getFirst().message().getComponents()).singleElement()
                .satisfies(row -> assertThat(row.asActionRow().getButtons()).extracting(Button::getLabel).containsExactly("Fine"));
    }
}
