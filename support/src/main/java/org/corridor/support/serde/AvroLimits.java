package org.corridor.support.serde;

import org.apache.avro.SystemLimitException;
import org.corridor.schemas.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Avro's own limits on a length prefix, set to what a Corridor record can hold: no string, byte array or collection in a
 * record is longer than the largest record any Corridor topic accepts ({@link Topics#DOWNSTREAM_MAX_BYTES}), so a
 * record whose length prefix claims more is refused ({@link SystemLimitException}, wrapped in a SerializationException
 * by {@link AvroDeserializer}) before Avro allocates for it. Avro reads the limits once per JVM from system properties;
 * limits an operator set are kept.
 */
final class AvroLimits {

    private static final Logger log = LoggerFactory.getLogger(AvroLimits.class);
    static final int MAX_LENGTH = Topics.DOWNSTREAM_MAX_BYTES;

    private AvroLimits() {
    }

    /** Sets the limits unless set already, and says so if Avro had read other limits before. Idempotent. */
    static void apply() {
        for (String property : new String[] {SystemLimitException.MAX_STRING_LENGTH_PROPERTY,
            SystemLimitException.MAX_BYTES_LENGTH_PROPERTY, SystemLimitException.MAX_COLLECTION_LENGTH_PROPERTY}) {
            if (System.getProperty(property) == null) {
                System.setProperty(property, Integer.toString(MAX_LENGTH));
            }
        }
        if (!enforced()) {
            log.warn("Avro's length limits were read before Corridor set them; a lying length prefix may allocate up to"
                    + " Avro's defaults. Set -D{}={} (and the bytes and collection limits) on the command line.",
                    SystemLimitException.MAX_STRING_LENGTH_PROPERTY, MAX_LENGTH);
        }
    }

    /** Whether Avro refuses a string longer than {@link #MAX_LENGTH}. */
    static boolean enforced() {
        try {
            SystemLimitException.checkMaxStringLength(MAX_LENGTH + 1L);
            return false;
        } catch (SystemLimitException refused) {
            return true;
        }
    }
}
