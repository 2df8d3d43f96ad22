package dev.tastebot.evaluation;

import java.util.List;

/**
 * One record of a CSV file and the file line it starts on (which a quoted line break makes differ
 * from its record number), so that messages can send the user to the right line.
 */
public record CsvRow(long line, List<String> cells) {
    public CsvRow {
        cells = List.copyOf(cells);
    }
}
