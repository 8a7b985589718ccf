package org.corridor.consumer.linking;

import java.util.HashSet;
import java.util.Set;

import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.corridor.consumer.correlation.Report;
import org.corridor.schemas.avro.EffectiveMarkings;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.RoutingDecision;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topology's two inputs, each read into a {@link Side} keyed by the alert's ref ({@code <agency>/<alert id>}):
 * <ul>
 * <li>an inbound alert, under the agency its topic belongs to (never the agency the record claims: a record claiming
 * another is dead-lettered by the router, gets no decision and so is never filed);</li>
 * <li>a routing decision on an alert version (decisions on responses are not about alerts), with its recipients and
 * effective markings; a decision without markings, or with markings this correlator does not know, counts as TLP:RED and H2, so it tells no originator anything.</li>
 * </ul>
 * A record that cannot be read is skipped and counted; a registry that cannot answer now stops the task, which Kafka
 * Streams restarts from its last commit.
 */
final class Inputs {

    private static final Logger log = LoggerFactory.getLogger(Inputs.class);

    private Inputs() {
    }

    static Processor<String, byte[], String, Side> alerts(Deserializer<TraffickingAlert> reader, CorrelatorMetrics metrics) {
        return new Processor<>() {
            private ProcessorContext<String, Side> context;

            @Override
            public void init(ProcessorContext<String, Side> context) {
                this.context = context;
            }

            @Override
            public void process(Record<String, byte[]> record) {
                String topic = context.recordMetadata().map(m -> m.topic()).orElse(null);
                String agency = topic == null ? null : Topics.agencyOf(topic);
                if (agency == null || record.value() == null) {
                    return;
                }
                TraffickingAlert alert;
                try {
                    alert = reader.deserialize(topic, record.value());
                } catch (RetriableException e) {
                    throw e;
                } catch (RuntimeException e) {
                    metrics.unreadable("alert");
                    log.debug("correlator: skipping an unreadable record of {}: {}", topic, e.toString());
                    return;
                }
                if (alert == null || !agency.equals(alert.getOriginAgency().getAgencyId())) {
                    return;
                }
                Report facts;
                try {
                    facts = Report.of(alert, null);
                } catch (RuntimeException e) {
                    metrics.unreadable("alert");
                    return;  // an alert the router would refuse as invalid: no decision will come for it
                }
                context.forward(record.withKey(facts.ref()).withValue(Side.facts(facts, record.timestamp())));
            }
        };
    }

    static Processor<String, byte[], String, Side> decisions(Deserializer<RoutingDecision> reader, CorrelatorMetrics metrics) {
        return new Processor<>() {
            private ProcessorContext<String, Side> context;

            @Override
            public void init(ProcessorContext<String, Side> context) {
                this.context = context;
            }

            @Override
            public void process(Record<String, byte[]> record) {
                if (record.value() == null) {
                    return;
                }
                RoutingDecision d;
                try {
                    d = reader.deserialize(Topics.AUDIT, record.value());
                } catch (RetriableException e) {
                    throw e;
                } catch (RuntimeException e) {
                    metrics.unreadable("decision");
                    return;
                }
                if (d == null || d.getResponse() != null) {
                    return;
                }
                context.forward(record.withKey(d.getOriginAgency() + "/" + d.getAlertId())
                        .withValue(Side.released(d.getAlertVersion(), released(d), record.timestamp())));
            }
        };
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
