package dev.tastebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.chat.Reply;
import dev.tastebot.text.Limit;
import dev.tastebot.text.RichText;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelegramHtmlTest {
    private static final String ZWSP = String.valueOf(TelegramHtml.ZERO_WIDTH_SPACE);

    @Test
    void ourEmphasisCommandsAndLinksBecomeTagsAndEverySpanIsEscaped() {
        // GIVEN our words with markup characters, a command and a link we built
        RichText text = RichText.builder().strong("Your <ratings>").words(": 3 & more, see ").code("tastebot a<b")
                .words(" or ").link("https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC?si=a&b=c").build();

        // WHEN rendered
        String html = TelegramHtml.render(text);

        // THEN only our tags are tags
        assertThat(html).isEqualTo("<b>Your &lt;ratings&gt;</b>: 3 &amp; more, see <code>tastebot a&lt;b</code> or "
                + "<a href=\"https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC?si=a&amp;b=c\">"
                + "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC?si=a&amp;b=c</a>");
    }

    @Test
    void outsideTextNeverBecomesATagALinkAMentionOrACommand() {
        // GIVEN a title full of what Telegram would read as markup or detect by itself
        String hostile = "<b>Hi</b> <a href=\"https://evil.example\">x</a> &amp; @everyone #tag $USD /start evil.example https://x.io";

        // WHEN rendered as outside text
        String html = TelegramHtml.render(RichText.outside(hostile, Limit.SENTENCE));

        // THEN no tag or entity survives, and each auto-detected thing is broken by an invisible space
        assertThat(html).doesNotContain("<b>", "<a ")
                .startsWith("&lt;b&gt;Hi&lt;/" + ZWSP + "b&gt;")
                .contains("&amp;amp;")
                .contains("@" + ZWSP + "everyone", "#" + ZWSP + "tag", "$" + ZWSP + "USD", "/" + ZWSP + "start",
                        "evil." + ZWSP + "example", "https:/" + ZWSP + "/" + ZWSP + "x." + ZWSP + "io");
        // AND what a reader sees is the title as written
        assertThat(html.replace(ZWSP, "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")).isEqualTo(hostile);
    }

    @Test
    void ourWordsNameCommandsAsTelegramSpellsThem() {
        String html = TelegramHtml.render(RichText.of("Ask with /will-i-like, or /forget-me; /rate and /will-i-like-x stay."));

        assertThat(html).isEqualTo("Ask with /will_i_like, or /forget_me; /rate and /will-i-like-x stay.");
        assertThat(TelegramHtml.render(RichText.builder().words("Try ").command("will-i-like").build()))
                .isEqualTo("Try /will_i_like");
    }

    @Test
    void aLongAnswerIsSplitAtLineEndsIntoMessagesOfAtMost4096Characters() {
        // GIVEN 150 lines of 40 characters: 6,150 characters in all
        RichText.Builder text = RichText.builder();
        for (int i = 0; i < 150; i++) {
            text.words(String.format("line %03d ", i) + "x".repeat(30)).line();
        }

        // WHEN split
        List<String> messages = TelegramHtml.messages(text.build());

        // THEN two messages, each within the limit, cut between lines, nothing lost
        assertThat(messages).hasSize(2).allMatch(message -> message.length() <= TelegramHtml.MAX_MESSAGE_LENGTH);
        assertThat(messages.get(1)).startsWith("line 102 "); // 102 lines of 40 fill 4,080
        assertThat(String.join("\n", messages).lines().count()).isEqualTo(150);
    }

    @Test
    void anAnswerOfMoreThanThreeMessagesKeepsThreeAndSaysItWasShortened() {
        // GIVEN 20,000 characters of outside text, each escape counted as what the reader sees
        RichText text = RichText.builder().words("a".repeat(5000)).line().words("b".repeat(5000)).line()
                .words("<".repeat(5000)).line().words("d".repeat(5000)).build();

        // WHEN split
        List<String> messages = TelegramHtml.messages(text);

        // THEN three messages, the last one saying the rest was cut
        assertThat(messages).hasSize(Reply.MAX_MESSAGES);
        assertThat(messages.getLast()).endsWith(RichText.SHORTENED);
        assertThat(messages).allMatch(message -> message.replace("&lt;", "<").length() <= TelegramHtml.MAX_MESSAGE_LENGTH);
    }

    @Test
    void aLineLongerThanAMessageIsCutWithoutSplittingAnEmoji() {
        // GIVEN one line of 4,095 letters and then emoji
        RichText text = RichText.of("a".repeat(4095) + "👍👍👍");

        // WHEN split
        List<String> messages = TelegramHtml.messages(text);

        // THEN the emoji that would straddle the limit starts the next message whole
        assertThat(messages).containsExactly("a".repeat(4095), "👍👍👍");
    }
}
