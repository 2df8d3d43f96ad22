package dev.tastebot.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every platform needs of a text from outside, before any markup: one clean, short line. */
class OutsideTextTest {

    @Test
    void terminalEscapeSequencesAreDroppedWhole() {
        // GIVEN a title that colours the terminal, moves the cursor, sets the window title and rings the bell
        String title = "\u001B[31mRed\u001B[0m \u001B[2J\u001B[Hcleared \u001B]0;pwned\u0007ok \u009B1mbold\u0007";

        // WHEN it is cleaned, THEN only its printable words are left, with no "[31m" residue
        assertThat(OutsideText.clean(title)).isEqualTo("Red cleared ok bold");
    }

    @Test
    void lineBreaksTabsAndCarriageReturnsBecomeOneSpace() {
        assertThat(OutsideText.clean("  One\r\nMore\tTime\u2028again\u0000!  ")).isEqualTo("One More Time again!");
    }

    @Test
    void directionOverridesThatCouldReorderTheTextAroundItAreDropped() {
        assertThat(OutsideText.clean("abc\u202Egnp.exe\u202C \u2066x\u2069")).isEqualTo("abcgnp.exe x");
    }

    @Test
    void aLoneSurrogateIsDroppedAndAPairKept() {
        assertThat(OutsideText.clean("a\uD800b 🎸")).isEqualTo("ab 🎸");
    }

    @Test
    void aLongTextEndsInAnEllipsisWithinTheLimit() {
        String shortened = OutsideText.oneLine("x".repeat(10_000), 100);

        assertThat(shortened).hasSize(100).isEqualTo("x".repeat(99) + "…");
    }

    @Test
    void aCutNeverSplitsWhatAReaderSeesAsOneCharacter() {
        // GIVEN a family emoji (four people joined by zero-width joiners) across the cut
        String family = "👨‍👩‍👧‍👦";
        String text = "a".repeat(95) + family + "tail";

        // WHEN shortened to 100, THEN the emoji is left out whole rather than broken into parts
        assertThat(OutsideText.shorten(text, 100)).isEqualTo("a".repeat(95) + "…");
        assertThat(OutsideText.shorten("ab" + family, 100)).isEqualTo("ab" + family);
    }

    @Test
    void printableKeepsOurLinesAndSpacingButNothingATerminalObeys() {
        assertThat(OutsideText.printable("Why:\n  ➕ \u001B[1mbold\u001B[0m\r")).isEqualTo("Why:\n  ➕ bold");
    }
}
