package org.corridor.producer.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes rejected rows to {@code FILE.rejected.csv}: the original columns, then {@code row} and {@code reason}. */
final class RejectedRows implements AutoCloseable {

    private final Path path;
    private final List<String> header;
    private CSVPrinter printer;

    RejectedRows(Path path, List<String> header) {
        this.path = path;
        this.header = header;
    }

    static Path pathFor(Path file) {
        return file.resolveSibling(file.getFileName() + ".rejected.csv");
    }

    void write(ImportRow row, String reason) {
        try {
            if (printer == null) {
                Writer writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                List<String> columns = new ArrayList<>(header);
                columns.add("row");
                columns.add("reason");
                printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new)).get());
            }
            List<Object> values = new ArrayList<>(row.original());
            while (values.size() < header.size()) {
                values.add("");
            }
            values.add(row.number());
            values.add(reason);
            printer.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /** The file, when anything was written; a stale file from an earlier run is removed otherwise. */
    Path finish() throws IOException {
        if (printer == null) {
            Files.deleteIfExists(path);
            return null;
        }
        return path;
    }

    @Override
    public void close() throws IOException {
        if (printer != null) {
            printer.close();
        }
    }
}
