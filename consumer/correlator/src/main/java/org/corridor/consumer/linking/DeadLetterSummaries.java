package org.corridor.consumer.linking;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.corridor.support.kafka.DeadLetterSummary;

/**
 * The header-only twin of each dead letter ({@link DeadLetterSummary}): its reason code, reason and source, no key, no
 * value, none of the original record's headers; written with the dead letter in the same transaction, so the monitor
 * counts the correlator's dead letters as it counts the router's.
 */
final class DeadLetterSummaries implements Processor<String, byte[], String, byte[]> {

    private ProcessorContext<String, byte[]> context;

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Headers h = record.headers();
        String partition = last(h, org.corridor.schemas.topics.Headers.DLQ_SOURCE_PARTITION);
        String offset = last(h, org.corridor.schemas.topics.Headers.DLQ_SOURCE_OFFSET);
        var summary = DeadLetterSummary.of(last(h, org.corridor.schemas.topics.Headers.DLQ_REASON_CODE),
                last(h, org.corridor.schemas.topics.Headers.DLQ_REASON), last(h, org.corridor.schemas.topics.Headers.DLQ_SOURCE_TOPIC),
                partition == null ? -1 : Integer.parseInt(partition), offset == null ? -1 : Long.parseLong(offset));
        context.forward(new Record<String, byte[]>(null, null, record.timestamp(), summary.headers()));
    }

    private static String last(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
