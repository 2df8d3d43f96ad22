package dev.tastebot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchWordsTest {
    @Test
    void wordsLoseTheirSurroundingPunctuationAndCaseButKeepInnerMarks() {
        assertThat(SearchWords.of("  Neon Harbor (Demo) & AC/DC's \"Back-in-Black\"! - "))
                .containsExactly("neon", "harbor", "demo", "ac/dc's", "back-in-black");
    }

    @Test
    void repeatedWordsCountOnce() {
        assertThat(SearchWords.of("Baby baby BABY")).containsExactly("baby");
    }

    @Test
    void comparableTextIgnoresCaseAndTheAccentsOfLatinLettersOnly() {
        assertThat(SearchWords.comparable("Beyoncé HOPPÍPOLLA Ça")).isEqualTo("beyonce hoppipolla ca");
        assertThat(SearchWords.comparable("ΘΆΛΑΣΣΑ")).isEqualTo("θάλασσα");
        assertThat(SearchWords.comparable("Йогурт Ёлка")).isEqualTo("йогурт ёлка");
    }
}
