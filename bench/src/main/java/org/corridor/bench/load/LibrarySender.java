package org.corridor.bench.load;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import org.corridor.producer.publish.AlertPublisher;
import org.corridor.producer.publish.PublisherFactory;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;
import org.corridor.support.security.ClientConfigFile;
import org.corridor.support.security.Principals;
import org.corridor.support.security.ScramClient;
import org.corridor.schemas.validation.AlertValidator;

/** The publisher library, one publisher per agency, each authenticated as that agency's principal when secured. */
public final class LibrarySender implements Sender {

    private final Map<String, AlertPublisher> publishers = new HashMap<>();

    /**
     * @param credentials the platform's credentials file (principal to password); empty on a plaintext broker
     * @param lingerMs    the publishers' linger.ms
     */
    public LibrarySender(ClientConfigFile client, Properties credentials, List<String> agencies, int lingerMs) {
        AlertValidator validator = new AlertValidator(ReferenceData.defaults(), Clock.systemUTC());
        for (String agency : agencies) {
            Map<String, Object> kafka = new HashMap<>(client.kafka());
            String password = credentials.getProperty(Principals.agency(agency));
            if (password != null && kafka.containsKey("sasl.jaas.config")) {
                kafka.putAll(ScramClient.settings(Principals.agency(agency), password));
            }
            kafka.put("linger.ms", lingerMs);
            publishers.put(agency, PublisherFactory.create(kafka, new HashMap<>(client.serde()), validator));
        }
    }

    @Override
    public void send(TraffickingAlert alert, Consumer<Boolean> done) {
        publishers.get(alert.getOriginAgency().getAgencyId()).publish(alert).whenComplete((r, e) -> done.accept(e == null));
    }

    @Override
    public void close() {
        publishers.values().forEach(AlertPublisher::close);
    }
}
