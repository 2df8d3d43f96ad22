package dev.tastebot.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words of a search, as {@link CatalogSearch} matches them: split at spaces, without the
 * punctuation around them ("(demo)" is "demo", a lone "&" or "-" is nothing), in lower case.
 */
final class SearchWords {
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

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
