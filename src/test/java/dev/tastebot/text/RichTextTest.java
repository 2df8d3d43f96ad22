package dev.tastebot.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RichTextTest {

    @Test
    void outsideTextIsKeptApartFromOurWordsCleanAndShortened() {
        RichText text = RichText.builder().words("I don't know ").outside("Mars/Olympus\n**Mons**" + "x".repeat(100), Limit.ECHO)
                .words(".").build();

        assertThat(text.spans()).containsExactly(
                new RichText.Span.Words("I don't know ", false),
                new RichText.Span.Outside("Mars/Olympus **Mons**" + "x".repeat(18) + "…", false),
                new RichText.Span.Words(".", false));
        assertThat(text.plain()).isEqualTo("I don't know Mars/Olympus **Mons**" + "x".repeat(18) + "….");
    }

    @Test
    void adjacentWordsOfTheSameKindAreOneSpan() {
        RichText built = RichText.builder().words("a").words("b").strong("c").strong("d").line().words("e").build();

        assertThat(built.spans()).containsExactly(new RichText.Span.Words("ab", false), new RichText.Span.Words("cd", true),
                new RichText.Span.Words("\ne", false));
        assertThat(built).isEqualTo(RichText.builder().words("ab").strong("cd").words("\ne").build());
    }

    @Test
    void manyArtistsAreNamedThreeAndCounted() {
        assertThat(RichText.builder().names(List.of("A", "B", "C", "D", "E", "F", "G")).build().plain())
                .isEqualTo("A, B, C and 4 more");
        assertThat(RichText.builder().names(List.of("A", " ", "B")).build().plain()).isEqualTo("A, B");
        assertThat(RichText.builder().names(List.of("N".repeat(500))).build().plain())
                .hasSize(Limit.NAME.chars()).endsWith("…");
    }

    @Test
    void onlyAddressesThatCannotStartMarkupBecomeLinks() {
        RichText ours = RichText.builder().link("https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC").build();
        RichText odd = RichText.builder().link("https://example.com/a)(b <@1> **x**").build();

        assertThat(ours.spans()).containsExactly(new RichText.Span.Link("https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC"));
        assertThat(odd.spans()).containsExactly(new RichText.Span.Outside("https://example.com/a)(b <@1> **x**", false));
        assertThat(RichText.builder().link("javascript:alert(1)").build().spans())
                .allMatch(RichText.Span.Outside.class::isInstance);
        assertThatThrownBy(() -> new RichText.Span.Link("https://x.example/[y](z)")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCappedTextEndsSayingItWasShortened() {
        RichText long_ = RichText.builder().words("Start: ").outside("y".repeat(90), Limit.TITLE).line()
                .link("https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC").build();

        RichText capped = long_.capped(50);

        assertThat(capped.plain()).isEqualTo("Start: " + "y".repeat(30) + RichText.SHORTENED).hasSize(50);
        assertThat(capped.spans()).noneMatch(RichText.Span.Link.class::isInstance);
        assertThat(long_.capped(1_000)).isSameAs(long_);
    }
}
