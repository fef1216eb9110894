package dev.transfers.bitget.app.batch;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a batch file: UTF-8 CSV whose header is {@code from,to,amount,coin,symbol,clientOid}
 * (names case-insensitive, in this order), then one transfer per line, streamed line by line.
 * Blank lines are skipped.
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
     * The data rows, read one at a time as they are taken, in file order: a file of any length
     * holds one line in memory. The whole file is first checked to be UTF-8 (a streaming pass that
     * keeps nothing), so that an undecodable byte far down a file stops the batch before any row is
     * sent; then its header is checked. Close the rows when done.
     *
     * @throws BatchFileException when the file cannot be read, is not UTF-8, is empty, or its header is wrong
     */
    public static Rows open(Path file) throws BatchFileException {
        checkUtf8(file);
        BufferedReader reader;
        try {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BatchFileException("cannot read " + file + ": " + describe(e));
        }
        try {
            Rows rows = new Rows(file, reader);
            rows.readHeader();
            return rows;
        } catch (BatchFileException | RuntimeException e) {
            closeQuietly(reader);
            throw e;
        }
    }

    /** The data rows of an open batch file, in file order; {@link #next()} reads the next line. */
    public static final class Rows implements Iterator<BatchRow>, Closeable {
        private final Path file;
        private final BufferedReader reader;
        private long lineNumber;
        private BatchRow next;

        private Rows(Path file, BufferedReader reader) {
            this.file = file;
            this.reader = reader;
        }

        private void readHeader() throws BatchFileException {
            String line;
            while ((line = readLine()) != null) {
                if (lineNumber == 1) {
                    line = stripByteOrderMark(line);
                }
                if (!line.isBlank()) {
                    checkHeader(file, lineNumber, line);
                    return;
                }
            }
            throw new BatchFileException(file + " is empty: expected the header " + String.join(",", HEADER));
        }

        /**
         * @throws UncheckedIOException when the file can no longer be read (it was checked whole
         *                              when opened, so only a file changed or removed meanwhile)
         */
        @Override
        public boolean hasNext() {
            String line;
            while (next == null && (line = readLine()) != null) {
                if (!line.isBlank()) {
                    next = parseRow(lineNumber, line);
                }
            }
            return next != null;
        }

        @Override
        public BatchRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more rows in " + file);
            }
            BatchRow row = next;
            next = null;
            return row;
        }

        private String readLine() {
            try {
                String line = reader.readLine();
                if (line != null) {
                    lineNumber++;
                }
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " line " + (lineNumber + 1), e);
            }
        }

        @Override
        public void close() {
            closeQuietly(reader);
        }
    }

    /** Decodes the whole file as strict UTF-8, keeping nothing. */
    private static void checkUtf8(Path file) throws BatchFileException {
        char[] buffer = new char[8192];
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            while (reader.read(buffer) >= 0) {
                // only decoding
            }
        } catch (CharacterCodingException e) {
            throw new BatchFileException("cannot read " + file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new BatchFileException("cannot read " + file + ": " + describe(e));
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // nothing was written; a failed close of a reader loses nothing
        }
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
