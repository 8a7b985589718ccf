package org.corridor.platform.stix;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.corridor.schemas.avro.Agency;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.json.AlertJson;
import org.corridor.schemas.stix.AlertStix;
import org.corridor.schemas.stix.StixBundle;
import org.corridor.schemas.stix.Versioning;
import org.corridor.schemas.validation.AlertValidator;
import org.corridor.schemas.validation.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code stix ALERT.json...}: the STIX 2.1 bundle of alerts (the REST API's JSON form), as Corridor serves them
 * (docs/stix.md). Versions of one alert given together share the report's {@code created} (the lowest version's).
 * Validates each alert as the REST API does; needs no broker, publishes nothing.
 */
@Command(name = "stix", mixinStandardHelpOptions = true,
        description = "Print the STIX 2.1 bundle of one or more alerts (JSON files, the REST API's form), offline. "
                + "Files that are versions of one alert (the same alertId) become versions of one report.")
public final class StixCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--agency", paramLabel = "ID",
            description = "the originating agency of alerts without originAgency (the REST form: the token decides)")
    String agency;

    @Parameters(arity = "1..*", paramLabel = "ALERT", description = "alert JSON files")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        AlertValidator validator = AlertValidator.withDefaults();
        List<TraffickingAlert> alerts = new ArrayList<>();
        boolean bad = false;
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("corridor stix: " + file + " cannot be read: " + e);
                err.flush();
                return 2;
            }
            AlertJson.Read read = AlertJson.read(text);
            List<Violation> violations = read.ok() ? validator.validate(complete(read.alert(), file, text, err)) : read.violations();
            if (!violations.isEmpty()) {
                err.println(file + ": not valid:");
                violations.forEach(v -> err.println("  " + v));
                bad = true;
                continue;
            }
            alerts.add(read.alert());
        }
        err.flush();
        if (bad) {
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(StixBundle.of(objects(alerts)).toPrettyString());
        out.flush();
        return 0;
    }

    /** Every alert's objects; each alert's report created at the reportedAt of the lowest version given. */
    static List<ObjectNode> objects(List<TraffickingAlert> alerts) {
        Map<String, Instant> created = new HashMap<>();
        alerts.stream().sorted(Comparator.comparingInt(TraffickingAlert::getVersion))
                .forEach(a -> created.putIfAbsent(ref(a), a.getReportedAt()));
        List<ObjectNode> objects = new ArrayList<>();
        for (TraffickingAlert a : alerts) {
            objects.addAll(AlertStix.objects(a, Versioning.ofVersion(created.get(ref(a)), a.getReportedAt(), a.getVersion())));
        }
        return objects;
    }

    private static String ref(TraffickingAlert a) {
        return a.getOriginAgency().getAgencyId() + "/" + a.getAlertId();
    }

    /** What the REST API would fill in, said on stderr: an id from the file's content, now, version 1, --agency. */
    private TraffickingAlert complete(TraffickingAlert a, Path file, String text, PrintWriter err) {
        if (a.getAlertId() == null) {
            a.setAlertId(UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)));
            err.println("corridor stix: " + file + " has no alertId; using " + a.getAlertId() + " (from its content)");
        }
        if (a.getReportedAt() == null) {
            a.setReportedAt(Instant.now());
        }
        if (a.getVersion() < 1) {
            a.setVersion(1);
        }
        if (a.getOriginAgency() == null && agency != null) {
            String country = a.getRoute() == null ? "UN" : a.getRoute().getEventCountry();
            a.setOriginAgency(new Agency(agency, country, agency));
        }
        return a;
    }
}
