package dev.tastebot.evaluation;

import dev.tastebot.features.NumericFeature;
import dev.tastebot.features.TrackData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a UTF-8 CSV file (RFC 4180 quoting, byte order mark optional) whose first line names the
 * columns into a {@link LabelledDataset}. Which columns are read is described in
 * {@link DatasetColumns}; an empty feature cell is a missing value, never a reason to drop the row.
 * Anything unusable throws {@link InvalidDatasetException} with a one-line message.
 */
public final class LabelledCsvReader {
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    // Blank lines are kept so that line numbers can be counted; they are skipped below.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    /**
     * @param labelColumn the column holding the like/dislike verdicts, matched exactly or else ignoring
     *     case
     */
    public LabelledDataset read(Path file, String labelColumn) {
        if (!Files.exists(file)) {
            throw new InvalidDatasetException("no such file: " + file);
        }
        if (Files.isDirectory(file)) {
            throw new InvalidDatasetException("cannot read " + file + ": it is a directory");
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            skipByteOrderMark(reader);
            try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
                return read(new NumberedRows(file, parser), labelColumn, fileName(file));
            }
        } catch (NoSuchFileException e) {
            throw new InvalidDatasetException("no such file: " + file, e);
        } catch (CharacterCodingException e) {
            throw notUtf8(file, e);
        } catch (AccessDeniedException e) {
            throw new InvalidDatasetException("cannot read " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new InvalidDatasetException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static InvalidDatasetException nothingToLearnFrom() {
        return new InvalidDatasetException("no feature column with values (such as danceability, energy or tempo)"
                + " and no artist column: nothing to learn from");
    }

    private static LabelledDataset read(NumberedRows rows, String labelColumn, String fileName) {
        Optional<NumberedRow> header = rows.next();
        if (header.isEmpty()) {
            throw new InvalidDatasetException(fileName + " is empty: expected a header line naming the columns");
        }
        List<String> names = header.get().cells().stream().map(String::strip).toList();
        DatasetColumns columns = DatasetColumns.recognise(names, labelColumn);
        RowParser rowParser = new RowParser(columns);

        List<TrackData> tracks = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (Optional<NumberedRow> next = rows.next(); next.isPresent(); next = rows.next()) {
            NumberedRow row = next.get();
            if (row.cells().size() != names.size()) {
                throw new InvalidDatasetException("line " + row.line() + " has " + row.cells().size()
                        + " fields but the header has " + names.size());
            }
            RowParser.LabelledRow parsed = rowParser.parse(row.cells(), row.line());
            tracks.add(parsed.track());
            labels.add(parsed.liked());
        }
        return checked(tracks, labels, columns, fileName);
    }

    private static LabelledDataset checked(
            List<TrackData> tracks, List<Boolean> labels, DatasetColumns columns, String fileName) {
        if (tracks.isEmpty()) {
            throw new InvalidDatasetException(fileName + " has a header line but no rows");
        }
        List<NumericFeature> present = Arrays.stream(NumericFeature.values())
                .filter(feature -> tracks.stream().anyMatch(track -> track.features().isKnown(feature)))
                .toList();
        boolean hasArtists = tracks.stream().anyMatch(track -> !track.artists().isEmpty());
        if (present.isEmpty() && !hasArtists) {
            throw nothingToLearnFrom();
        }
        if (!labels.contains(true) || !labels.contains(false)) {
            throw new InvalidDatasetException("the label column '" + columns.labelName() + "' holds only "
                    + (labels.contains(true) ? "likes" : "dislikes") + ": need both likes and dislikes");
        }
        boolean[] liked = new boolean[labels.size()];
        for (int i = 0; i < liked.length; i++) {
            liked[i] = labels.get(i);
        }
        return new LabelledDataset(tracks, liked, present, hasArtists,
                columns.genre().stream().mapToObj(columns::name).findFirst());
    }

    private static InvalidDatasetException notUtf8(Path file, CharacterCodingException cause) {
        try {
            String where = Utf8Lines.firstLineThatIsNotUtf8(file).stream()
                    .mapToObj(line -> "line " + line + " is not UTF-8 text")
                    .findFirst()
                    .orElse("it is not UTF-8 text");
            return new InvalidDatasetException("cannot read " + file + ": " + where, cause);
        } catch (IOException e) {
            return new InvalidDatasetException("cannot read " + file + ": it is not UTF-8 text", cause);
        }
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != BYTE_ORDER_MARK) {
            reader.reset();
        }
    }

    private static String fileName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    /** A record and the file line it starts on. */
    private record NumberedRow(long line, List<String> cells) {
    }

    /**
     * The non-blank records of a file with their starting lines (which a quoted line break makes
     * differ from record numbers), turning parse and decoding failures into messages naming the line.
     */
    private static final class NumberedRows {
        private final Path file;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private long lastLineRead;

        NumberedRows(Path file, CSVParser parser) {
            this.file = file;
            this.parser = parser;
            this.records = parser.iterator();
        }

        Optional<NumberedRow> next() {
            while (true) {
                long line = lastLineRead + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        return Optional.empty();
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    throw unreadable(line, e.getCause());
                }
                lastLineRead = parser.getCurrentLineNumber();
                List<String> cells = record.toList();
                boolean blankLine = cells.size() == 1 && cells.getFirst().isBlank();
                if (!blankLine) {
                    return Optional.of(new NumberedRow(line, cells));
                }
            }
        }

        private InvalidDatasetException unreadable(long line, IOException cause) {
            return switch (cause) {
                case CharacterCodingException e -> notUtf8(file, e);
                case CSVException e when e.getMessage().contains("EOF") -> new InvalidDatasetException(
                        "line " + line + ": a quoted field is never closed (its closing quote is missing)", e);
                case CSVException e -> new InvalidDatasetException("line " + line + ": text follows the closing"
                        + " quote of a field (write a quote inside a quoted field as \"\")", e);
                default -> new InvalidDatasetException("cannot read " + file + ": " + cause.getMessage(), cause);
            };
        }
    }
}
