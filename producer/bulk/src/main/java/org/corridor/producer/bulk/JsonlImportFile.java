package org.corridor.producer.bulk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.json.AlertJson;
import org.corridor.schemas.validation.AlertValidator;
import org.corridor.schemas.validation.Violation;

/**
 * A JSON-lines file: one alert per line in the REST API's JSON form. The id is the line's alertId, or a name-based
 * UUID of the line's text; the origin agency is the importing agency (a line naming another one is rejected).
 */
final class JsonlImportFile implements ImportFile {

    private final BufferedReader reader;
    private final Agency agency;
    private final AlertValidator validator;
    private final Clock clock;

    JsonlImportFile(Path file, Agency agency, AlertValidator validator, Clock clock) throws IOException {
        this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        this.agency = agency;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public List<String> header() {
        return List.of("line");
    }

    @Override
    public Iterator<ImportRow> rows() {
        return new Iterator<>() {
            private long lineNumber;
            private String next = advance();

            private String advance() {
                try {
                    String line;
                    do {
                        line = reader.readLine();
                        lineNumber++;
                    } while (line != null && line.isBlank());
                    return line;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public ImportRow next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                String line = next;
                long number = lineNumber;
                next = advance();
                return row(number, line);
            }
        };
    }

    private ImportRow row(long number, String line) {
        AlertJson.Read read = AlertJson.read(line);
        List<Violation> problems = new ArrayList<>(read.violations());
        TraffickingAlert alert = read.alert();
        if (alert != null) {
            Agency claimed = alert.getOriginAgency();
            if (claimed != null && claimed.getAgencyId() != null && !claimed.getAgencyId().equals(agency.getAgencyId())) {
                problems.add(new Violation("originAgency.agencyId", "\"" + claimed.getAgencyId()
                        + "\" is not the importing agency " + agency.getAgencyId()));
            }
            if (alert.getAlertId() == null) {
                alert.setAlertId(UUID.nameUUIDFromBytes(("corridor:" + agency.getAgencyId() + ":line:" + line.trim())
                        .getBytes(StandardCharsets.UTF_8)));
            }
            alert.setOriginAgency(agency);
            if (alert.getReportedAt() == null) {
                alert.setReportedAt(clock.instant());
            }
            if (problems.isEmpty()) {
                problems.addAll(validator.validate(alert));
            }
        }
        return new ImportRow(number, List.of(line), alert, problems);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
