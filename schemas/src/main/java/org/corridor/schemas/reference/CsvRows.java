package org.corridor.schemas.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one reference CSV file: a header row, {@code #} comment lines, one item per row. Each row is mapped by a
 * function that throws {@link BadRow} with the reason; that becomes a {@link ReferenceDataException} naming the
 * file and the line.
 */
final class CsvRows {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private CsvRows() {
    }

    /** A row's problem, reported with the file and line by {@link #read}. */
    static final class BadRow extends RuntimeException {
        BadRow(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A row of the file with its 1-based line number. */
    record Row(CSVRecord record, long line) {
        String get(String column) {
            return record.get(column);
        }

        /** The column's text, or a {@link BadRow} naming the column when it is blank. */
        String required(String column) {
            String value = record.get(column);
            if (value == null || value.isBlank()) {
                throw new BadRow(column + ": must not be blank");
            }
            return value;
        }
    }

    static <T> List<T> read(String file, InputStream in, Set<String> requiredColumns, Function<Row, T> mapper) {
        if (in == null) {
            throw new ReferenceDataException(file, "resource not found", null);
        }
        List<T> items = new ArrayList<>();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            for (String column : requiredColumns) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new ReferenceDataException(file, "header has no column \"" + column + "\"", null);
                }
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    throw new ReferenceDataException(file, line, "expected " + parser.getHeaderNames().size()
                            + " columns, found " + record.size());
                }
                try {
                    items.add(mapper.apply(new Row(record, line)));
                } catch (BadRow bad) {
                    throw new ReferenceDataException(file, line, bad.getMessage());
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ReferenceDataException(file, "cannot read: " + e.getMessage(), e);
        }
        return items;
    }
}
