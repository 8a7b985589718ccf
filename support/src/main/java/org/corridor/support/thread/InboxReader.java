package org.corridor.support.thread;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.errors.TimeoutException;
import org.corridor.schemas.avro.AlertResponse;
import org.corridor.support.kafka.PartyTopicReader;
import org.corridor.support.serde.AvroDeserializer;

/**
 * Reads one alert's thread from a party's inbox ({@code alerts.inbox.<party>}): the responses the router released to
 * that party, in the order it routed them, read as that party ({@link PartyTopicReader}: from the inbox's start to its
 * committed end, so it can never show more than the party's inbox holds). Thread-safe.
 */
public final class InboxReader {

    /** The thread as read, and how many records of it could not be decoded. */
    public record Read(List<AlertResponse> responses, int undecodable) {
    }

    private final PartyTopicReader<AlertResponse> reader;

    /**
     * @param consumerProps Kafka consumer settings of the party (group settings are dropped)
     * @param timeout       how long one read may take before it fails with a {@link TimeoutException}
     */
    public InboxReader(Map<String, Object> consumerProps, AvroDeserializer<AlertResponse> responses, Duration timeout) {
        this.reader = new PartyTopicReader<>(consumerProps, responses, timeout);
    }

    /**
     * The responses on the inbox whose record key is {@code key} ({@code <alertAgency>/<alertId>}), in routing order.
     *
     * @throws TimeoutException when the inbox cannot be read to its end within the timeout
     */
    public Read read(String inbox, String key) {
        PartyTopicReader.Read<AlertResponse> read = reader.read(inbox, key::equals);
        return new Read(read.values(), read.undecodable());
    }
}
