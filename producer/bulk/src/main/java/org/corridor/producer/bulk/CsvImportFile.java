package org.corridor.producer.bulk;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.validation.AlertValidator;
import org.corridor.schemas.validation.Violation;

/** A CSV file in the documented layout; fails at open when a required column is missing from the header. */
final class CsvImportFile implements ImportFile {

    private final Reader reader;
    private final CSVParser parser;
    private final CsvAlerts alerts;
    private final AlertValidator validator;
    private final Clock clock;

    CsvImportFile(Path file, CsvAlerts alerts, AlertValidator validator, Clock clock) throws IOException {
        this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        this.parser = CSVParser.parse(reader, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get());
        this.alerts = alerts;
        this.validator = validator;
        this.clock = clock;
        List<String> missing = CsvAlerts.REQUIRED.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).sorted().toList();
        if (!missing.isEmpty()) {
            close();
            throw new IllegalArgumentException(file + ": the header lacks the required column(s) " + missing
                    + "; the layout is " + CsvAlerts.COLUMNS);
        }
    }

    @Override
    public List<String> header() {
        return parser.getHeaderNames();
    }

    @Override
    public Iterator<ImportRow> rows() {
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public ImportRow next() {
                CSVRecord record = records.next();
                List<Violation> problems = new ArrayList<>();
                TraffickingAlert alert = alerts.alert(record, problems);
                alert.setReportedAt(clock.instant());
                if (problems.isEmpty()) {
                    problems.addAll(validator.validate(alert));
                }
                return new ImportRow(record.getRecordNumber(), record.toList(), alert, problems);
            }
        };
    }

    @Override
    public void close() throws IOException {
        parser.close();
        reader.close();
    }
}
