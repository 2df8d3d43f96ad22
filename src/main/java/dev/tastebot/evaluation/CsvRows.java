package dev.tastebot.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The non-blank records of a UTF-8 CSV file (RFC 4180 quoting, byte order mark optional), read one at
 * a time with the line each starts on, so that files larger than memory can be streamed. Every
 * failure, opening or reading, becomes an {@link InvalidDatasetException} with a one-line message
 * naming the file or the line. The first record is the header; interpreting it is the caller's job.
 */
public final class CsvRows implements AutoCloseable {
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    // Blank lines are kept so that line numbers can be counted; they are skipped below.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final Path file;
    private final BufferedReader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long lastLineRead;

    private CsvRows(Path file, BufferedReader reader, CSVParser parser) {
        this.file = file;
        this.reader = reader;
        this.parser = parser;
        this.records = parser.iterator();
    }

    /** @throws InvalidDatasetException when the file is missing, a directory, unreadable or not UTF-8 from the start */
    public static CsvRows open(Path file) {
        if (!Files.exists(file)) {
            throw new InvalidDatasetException("no such file: " + file);
        }
        if (Files.isDirectory(file)) {
            throw new InvalidDatasetException("cannot read " + file + ": it is a directory");
        }
        BufferedReader reader = null;
        try {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            skipByteOrderMark(reader);
            return new CsvRows(file, reader, CSVParser.builder().setReader(reader).setFormat(FORMAT).get());
        } catch (IOException e) {
            closeQuietly(reader);
            throw switch (e) {
                case NoSuchFileException missing -> new InvalidDatasetException("no such file: " + file, missing);
                case CharacterCodingException coding -> notUtf8(file, coding);
                case AccessDeniedException denied ->
                        new InvalidDatasetException("cannot read " + file + ": permission denied", denied);
                default -> new InvalidDatasetException("cannot read " + file + ": " + e.getMessage(), e);
            };
        }
    }

    /** The next record that is not a blank line, or empty at the end of the file. */
    public Optional<CsvRow> next() {
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
            CsvRow row = new CsvRow(line, record.toList());
            boolean blankLine = row.cells().size() == 1 && row.cells().getFirst().isBlank();
            if (!blankLine) {
                return Optional.of(row);
            }
        }
    }

    /** The file's name without its folders, for messages about its content. */
    public String fileName() {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    @Override
    public void close() {
        // Nothing was written, so a failure to close loses nothing worth reporting.
        closeQuietly(parser);
        closeQuietly(reader);
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

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // see close()
        }
    }
}
