package dev.tastebot.catalog;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words of a search, as {@link CatalogSearch} matches them: split at spaces, without the
 * punctuation around them ("(demo)" is "demo", a lone "&" or "-" is nothing), in lower case.
 */
final class SearchWords {
    /** Control characters too: the index uses two of them as markers (see V11). */
    private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\p{Cntrl}]+");

    private SearchWords() {
    }

    static List<String> of(String text) {
        return Arrays.stream(WHITE_SPACE.split(text.strip()))
                .map(SearchWords::withoutSurroundingPunctuation)
                .filter(word -> !word.isEmpty())
                .map(SearchWords::folded)
                .distinct()
                .toList();
    }

    /** In lower case: how two names are compared regardless of case. */
    static String folded(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /**
     * As the search index compares text (see migration V11): in lower case, and without the accents
     * of Latin letters ("Beyoncé" is "beyonce"; Greek and Cyrillic letters keep theirs).
     */
    static String comparable(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder kept = new StringBuilder(decomposed.length());
        Character.UnicodeScript base = Character.UnicodeScript.COMMON;
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            boolean mark = Character.getType(c) == Character.NON_SPACING_MARK;
            if (!mark) {
                base = Character.UnicodeScript.of(c);
            }
            if (!mark || base != Character.UnicodeScript.LATIN) {
                kept.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return Normalizer.normalize(kept, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static String withoutSurroundingPunctuation(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && !Character.isLetterOrDigit(word.codePointAt(start))) {
            start += Character.charCount(word.codePointAt(start));
        }
        while (end > start && !Character.isLetterOrDigit(word.codePointBefore(end))) {
            end -= Character.charCount(word.codePointBefore(end));
        }
        return word.substring(start, end);
    }
}
