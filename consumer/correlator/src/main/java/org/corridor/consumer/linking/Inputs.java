package org.corridor.consumer.linking;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.corridor.consumer.correlation.Report;
import org.corridor.schemas.avro.EffectiveMarkings;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.RoutedVersion;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.topics.Topics;
import org.corridor.support.kafka.DeadLetterSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topology's input, {@code alerts.routed}: each alert version the router routed, with its decision (recipients and
 * effective markings), read into a {@link Report} keyed by the alert's ref ({@code <agency>/<alert id>}). The router
 * writes it in the transaction that routes the version, so a record the router refused (dead-lettered) is never there,
 * and its alert's agency is the one whose inbound topic it came from. A decision without markings, or with markings
 * this correlator does not know, counts as TLP:RED and H2, so it tells no originator anything. A record that cannot be
 * read, or whose key, alert and decision do not name the same version, is passed on as a dead letter instead
 * ({@link Read#unreadable}: its bytes, its headers and the {@code corridor-dlq-*} headers saying why and where it
 * came from), counted and logged; a registry that cannot answer now stops the task, which Kafka Streams restarts
 * from its last commit.
 */
final class Inputs {

    private static final Logger log = LoggerFactory.getLogger(Inputs.class);

    /** Bytes that are no RoutedVersion this correlator can read. */
    static final String UNDECODABLE = "UNDECODABLE";
    /** A record whose key, alert and decision do not name one version. */
    static final String INCONSISTENT = "INCONSISTENT";

    private Inputs() {
    }

    /**
     * What a record of {@code alerts.routed} was read into: its report, or else its bytes to dead-letter and the
     * {@code corridor-dlq-*} headers saying why and where from (its summary's, {@link DeadLetterSummary}).
     */
    record Read(Report report, byte[] unreadable, List<Header> why) {
    }

    static Processor<String, byte[], String, Read> routed(Deserializer<RoutedVersion> reader, CorrelatorMetrics metrics) {
        return new Processor<>() {
            private ProcessorContext<String, Read> context;

            @Override
            public void init(ProcessorContext<String, Read> context) {
                this.context = context;
            }

            private void deadLetter(Record<String, byte[]> record, String code, String reason) {
                metrics.unreadable("routed");
                log.warn("correlator: dead-lettering a record of {} (key {}): {}", Topics.ROUTED_VERSIONS, record.key(), reason);
                RecordMetadata source = context.recordMetadata().orElseThrow();  // always there for a record processed
                List<Header> why = List.of(DeadLetterSummary.of(code, reason, source.topic(), source.partition(),
                        source.offset()).headers().toArray());
                // The dead letter keeps the record's own headers and adds why, as the router's do.
                Headers headers = new RecordHeaders(record.headers().toArray());
                why.forEach(headers::add);
                context.forward(record.withValue(new Read(null, record.value(), why)).withHeaders(headers));
            }

            @Override
            public void process(Record<String, byte[]> record) {
                if (record.value() == null) {
                    return;
                }
                RoutedVersion routed;
                try {
                    routed = reader.deserialize(Topics.ROUTED_VERSIONS, record.value());
                } catch (RetriableException e) {
                    throw e;
                } catch (RuntimeException e) {
                    deadLetter(record, UNDECODABLE, "not a RoutedVersion this correlator can read: " + e.getMessage());
                    return;
                }
                Report report = routed == null ? null : report(routed);
                if (report == null || !report.ref().equals(record.key())) {
                    deadLetter(record, INCONSISTENT, "its key \"" + record.key()
                            + "\", alert and routing decision do not name one valid alert version");
                    return;
                }
                context.forward(record.withValue(new Read(report, null, List.of())));
            }
        };
    }

    /** The routed version's report, or null when its alert and its decision are not about the same version. */
    static Report report(RoutedVersion routed) {
        TraffickingAlert alert = routed.getAlert();
        RoutingDecision d = routed.getDecision();
        if (alert == null || d == null || d.getResponse() != null
                || !alert.getOriginAgency().getAgencyId().equals(d.getOriginAgency())
                || !alert.getAlertId().toString().equals(String.valueOf(d.getAlertId())) || alert.getVersion() != d.getAlertVersion()) {
            return null;
        }
        try {
            return Report.of(alert, released(d));
        } catch (RuntimeException e) {
            return null;  // an alert the router would refuse as invalid
        }
    }

    static Report.Released released(RoutingDecision d) {
        EffectiveMarkings m = d.getEffectiveMarkings();
        Set<String> recipients = new HashSet<>(d.getRecipients());
        if (m == null) {
            return new Report.Released(recipients, Tlp.RED, HandlingCode.H2, Set.of());
        }
        try {
            return new Report.Released(recipients, Tlp.valueOf(m.getTlp()), HandlingCode.valueOf(m.getHandlingCode()),
                    new HashSet<>(m.getNotReleasableTo()), m.getReleasableTo() == null ? null : new HashSet<>(m.getReleasableTo()));
        } catch (IllegalArgumentException unknownSymbol) {
            // Markings of a newer contract than this correlator knows: the strictest, so no originator is told.
            return new Report.Released(recipients, Tlp.RED, HandlingCode.H2, new HashSet<>(m.getNotReleasableTo()),
                    m.getReleasableTo() == null ? null : new HashSet<>(m.getReleasableTo()));
        }
    }
}
