package dev.tastebot.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits an artist cell into names. Catalogues write several artists as "A, B", "A;B" or a Python or
 * JSON list literal such as {@code ['A', 'B']} or {@code ["A","B"]}; a plain value is split at every
 * comma and semicolon, so a name that itself holds a comma ("Earth, Wind & Fire") becomes several
 * names, consistently in every row. Inside a list literal only the quotes delimit, so commas in names
 * survive there.
 */
public final class ArtistNames {
    private static final Pattern SEPARATOR = Pattern.compile("[,;]");

    private ArtistNames() {
    }

    public static List<String> split(String cell) {
        String text = cell.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            String inside = text.substring(1, text.length() - 1);
            return inside.contains("'") || inside.contains("\"") ? quotedItems(inside) : separated(inside);
        }
        return separated(text);
    }

    private static List<String> separated(String text) {
        return SEPARATOR.splitAsStream(text)
                .map(ArtistNames::withoutQuotes)
                .filter(name -> !name.isEmpty())
                .toList();
    }

    private static String withoutQuotes(String name) {
        String stripped = name.strip();
        while (stripped.length() >= 2
                && isQuote(stripped.charAt(0))
                && stripped.charAt(stripped.length() - 1) == stripped.charAt(0)) {
            stripped = stripped.substring(1, stripped.length() - 1).strip();
        }
        return stripped;
    }

    /** The quoted strings of a list literal, honouring backslash escapes; text between them is ignored. */
    private static List<String> quotedItems(String inside) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < inside.length()) {
            char opening = inside.charAt(i);
            if (!isQuote(opening)) {
                i++;
                continue;
            }
            StringBuilder name = new StringBuilder();
            i++;
            while (i < inside.length() && inside.charAt(i) != opening) {
                if (inside.charAt(i) == '\\' && i + 1 < inside.length()) {
                    i++;
                }
                name.append(inside.charAt(i));
                i++;
            }
            i++;
            String stripped = name.toString().strip();
            if (!stripped.isEmpty()) {
                names.add(stripped);
            }
        }
        return List.copyOf(names);
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '"';
    }
}
