package org.corridor.consumer.taxii;

import java.util.Map;
import java.util.Optional;

/** The Kafka consumer settings of a body's own principal, or empty when this subscriber does not serve the body. */
@FunctionalInterface
public interface TaxiiAccess {

    Optional<Map<String, Object>> readerOf(String body);
}
