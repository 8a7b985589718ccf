package org.corridor.consumer.taxii;

import java.util.Map;
import java.util.Optional;

/**
 * What the TAXII server and the MISP feed may read: the Kafka consumer settings of a body's own principal, or empty
 * when this subscriber does not serve the body.
 */
@FunctionalInterface
public interface TaxiiAccess {

    Optional<Map<String, Object>> readerOf(String body);
}
