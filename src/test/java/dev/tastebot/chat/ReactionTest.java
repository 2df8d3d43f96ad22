package dev.tastebot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReactionTest {

    /** Thumbs up in the five skin tones, U+1F3FB to U+1F3FF, as Discord names such a reaction. */
    @ParameterizedTest
    @ValueSource(strings = {"👍🏻", "👍🏼", "👍🏽", "👍🏾", "👍🏿"})
    void aThumbsUpInAnySkinToneIsALike(String emoji) {
        assertThat(Reaction.parse(emoji)).contains(Reaction.LIKE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"👎🏻", "👎🏼", "👎🏽", "👎🏾", "👎🏿"})
    void aThumbsDownInAnySkinToneIsADislike(String emoji) {
        assertThat(Reaction.parse(emoji)).contains(Reaction.DISLIKE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"👍", "+", " 👍 "})
    void thePlainEmojiAndTheTypedFormStillCount(String text) {
        assertThat(Reaction.parse(text)).contains(Reaction.LIKE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"🏽", "👍🏽🏽", "🏽👍", "👌🏽", "+🏽", "👍👍"})
    void aSkinToneAloneOrOnAnythingElseIsNoRating(String text) {
        assertThat(Reaction.parse(text)).isEmpty();
    }
}
