package org.corridor.consumer.delivery;

import java.util.HashMap;
import java.util.Map;

import org.corridor.consumer.ExchangeFixture;
import org.corridor.testsupport.TestHttpUsers;

/** Settings of subscriber processes on a test exchange. */
public final class Subscribers {

    private Subscribers() {
    }

    /** Properties of a subscriber process serving these bodies (comma-separated) on this fixture's broker and registry. */
    public static Map<String, Object> properties(ExchangeFixture fixture, String bodies) {
        Map<String, Object> props = new HashMap<>(SubscriberApplication.DEFAULTS);
        props.put("server.port", "0");
        // Known HTTP users: the operator (redrive, replay, actuator), the metrics user and each body.
        props.putAll(TestHttpUsers.properties(bodies.split(",")));
        props.put("spring.kafka.bootstrap-servers", fixture.kafka.bootstrapServers());
        props.put("corridor.subscriber.schema-registry-url", fixture.registryUrl);
        props.put("corridor.subscriber.bodies", bodies);
        return props;
    }
}
