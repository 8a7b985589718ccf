package org.corridor.consumer.linking;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.corridor.support.kafka.DeadLetterSummary;

/**
 * The header-only twin of each dead letter ({@link DeadLetterSummary}): its reason code, reason and source, no key, no
 * value, none of the original record's headers; written with the dead letter in the same transaction, so the monitor
 * counts the correlator's dead letters as it counts the router's.
 */
final class DeadLetterSummaries implements Processor<String, Inputs.Read, String, byte[]> {

    private ProcessorContext<String, byte[]> context;

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Inputs.Read> record) {
        context.forward(new Record<String, byte[]>(null, null, record.timestamp(),
                new RecordHeaders(record.value().why().toArray(Header[]::new))));
    }
}
