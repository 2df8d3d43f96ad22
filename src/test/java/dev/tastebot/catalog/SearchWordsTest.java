package dev.tastebot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(textBlock = """
            beyoncé,  beyonc
            rosalía,  rosal
            maroon,   maroon
            кино,     ''
            100%,     100%
            東京,      東京
            """)
    void theLikeSafePartIsTheLongestRunThatSqliteComparesWithoutCase(String word, String part) {
        assertThat(SearchWords.likeSafePart(word)).isEqualTo(part);
    }
}
