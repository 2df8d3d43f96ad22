package dev.tastebot.telegram;

import dev.tastebot.chat.Reply;
import dev.tastebot.text.Limit;
import dev.tastebot.text.RichText;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramMessagesTest {

    @Test
    void aCardSaysWhatIsKnownAboutTheSongUnderItsTitleAsEscapedText() {
        Reply.SongCard card = new Reply.SongCard("4uLU6hMCjMI75M1A2tKUQC", "Song", List.of("A"),
                "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC", RichText.of("Because"), Reply.Purpose.SESSION,
                RichText.builder().outside("<b>Best</b> & co", Limit.TITLE).words(" · 2019").line().words("fast, loud").build());

        String html = TelegramHtml.render(TelegramMessages.cardText(card, Optional.empty()));

        assertThat(html.lines().toList()).containsExactly(
                "<b>Song</b> — A",
                "&lt;b&gt;Best&lt;/\u200Bb&gt; &amp; co · 2019",
                "fast, loud",
                "Because",
                "<a href=\"https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC\">https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC</a>");
    }
}
