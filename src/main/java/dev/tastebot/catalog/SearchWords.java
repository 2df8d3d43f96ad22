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

    /** Case folded as the search compares it. */
    static String folded(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /**
     * The longest part of the word that SQLite's LIKE compares without regard to case exactly as
     * {@link #folded} does. LIKE folds ASCII letters only, so in "beyoncé" that is "beyonc": a title
     * holding the word holds that part, which lets SQLite narrow the search before Java checks the
     * whole word. Empty for a word without such a part ("кино").
     */
    static String likeSafePart(String word) {
        String longest = "";
        int start = 0;
        while (start < word.length()) {
            int end = start;
            while (end < word.length() && likeFoldsCase(word.codePointAt(end))) {
                end += Character.charCount(word.codePointAt(end));
            }
            if (end - start > longest.length()) {
                longest = word.substring(start, end);
            }
            start = end < word.length() ? end + Character.charCount(word.codePointAt(end)) : end;
        }
        return longest;
    }

    private static boolean likeFoldsCase(int c) {
        return c < 128 || !Character.isLetter(c)
                || (!Character.isUpperCase(c) && !Character.isLowerCase(c) && !Character.isTitleCase(c));
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
