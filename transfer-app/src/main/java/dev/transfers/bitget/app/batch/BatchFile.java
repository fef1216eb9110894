package dev.transfers.bitget.app.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a batch file: UTF-8 CSV whose header is {@code from,to,amount,coin,symbol,clientOid}
 * (names case-insensitive, in this order), then one transfer per line. Blank lines are skipped.
 *
 * <p>Each line is parsed as one CSV record (commons-csv, RFC 4180 quoting), so every row keeps its
 * exact line number and a malformed line (unbalanced quotes, wrong column count) is reported on
 * its own without stopping the others. A field may not span lines. Spaces and tabs around a value
 * are dropped; nothing else is (commons-csv's own trim would also drop control characters, and
 * so silently change a clientOid such as {@code \u0007abc} into another one).
 */
public final class BatchFile {
    /** The required header. */
    public static final List<String> HEADER = List.of("from", "to", "amount", "coin", "symbol", "clientOid");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;
    /** Spaces and tabs around a value are layout; any other character, control characters included, is data. */
    private static final java.util.regex.Pattern SURROUNDING_BLANKS = java.util.regex.Pattern.compile("^[ \t]+|[ \t]+$");

    private BatchFile() {
    }

    /**
     * The data rows, in file order.
     *
     * @throws BatchFileException when the file cannot be read, is empty, or its header is wrong
     */
    public static List<BatchRow> read(Path file) throws BatchFileException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new BatchFileException("cannot read " + file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new BatchFileException("cannot read " + file + ": " + describe(e));
        }
        List<BatchRow> rows = new ArrayList<>();
        boolean headerSeen = false;
        for (int index = 0; index < lines.size(); index++) {
            long lineNumber = index + 1L;
            String line = index == 0 ? stripByteOrderMark(lines.get(index)) : lines.get(index);
            if (line.isBlank()) {
                continue;
            }
            if (!headerSeen) {
                checkHeader(file, lineNumber, line);
                headerSeen = true;
                continue;
            }
            rows.add(parseRow(lineNumber, line));
        }
        if (!headerSeen) {
            throw new BatchFileException(file + " is empty: expected the header " + String.join(",", HEADER));
        }
        return rows;
    }

    private static void checkHeader(Path file, long lineNumber, String line) throws BatchFileException {
        List<String> names;
        try {
            names = parseLine(line).stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        } catch (UncheckedIOException | IllegalStateException e) {
            names = List.of();
        }
        List<String> expected = HEADER.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        if (!names.equals(expected)) {
            throw new BatchFileException(file + " line " + lineNumber + ": expected the header "
                    + String.join(",", HEADER) + ", found " + line.strip());
        }
    }

    private static BatchRow parseRow(long lineNumber, String line) {
        List<String> values;
        try {
            values = parseLine(line);
        } catch (UncheckedIOException | IllegalStateException e) {
            return BatchRow.malformed(lineNumber, "not valid CSV (" + describe(e) + ")");
        }
        if (values.size() != HEADER.size()) {
            return BatchRow.malformed(lineNumber, "expected " + HEADER.size() + " columns ("
                    + String.join(",", HEADER) + "), found " + values.size());
        }
        return BatchRow.of(lineNumber, values);
    }

    private static List<String> parseLine(String line) {
        try (CSVParser parser = CSVParser.parse(line, FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new IllegalStateException("a quoted field may not span lines");
            }
            return records.get(0).stream().map(value -> SURROUNDING_BLANKS.matcher(value).replaceAll("")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stripByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static String describe(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
