package org.corridor.producer.rest;

import org.corridor.schemas.avro.CorrelationNotice;
import org.corridor.support.kafka.PartyTopicReader;

/** Reads an agency's blind notices from its own links topic, as the agency. */
@FunctionalInterface
interface AgencyNotices {

    /**
     * @throws org.apache.kafka.common.KafkaException when the topic cannot be read now
     */
    PartyTopicReader.Read<CorrelationNotice> read(String agency);
}
