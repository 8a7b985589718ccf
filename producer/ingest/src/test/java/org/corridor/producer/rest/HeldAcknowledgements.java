package org.corridor.producer.rest;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A broker that stops acknowledging, as the ingest sees it: while {@link #hold()} is on, the producer's I/O thread
 * stops at the first acknowledgement until {@link #release()}, so no publication completes. The publisher's
 * consumers get the same {@code interceptor.classes} from the shared client settings, hence the pass-through
 * consumer side.
 */
public final class HeldAcknowledgements implements ProducerInterceptor<Object, Object>, ConsumerInterceptor<Object, Object> {

    private static volatile CountDownLatch gate;
    private static final AtomicInteger HELD = new AtomicInteger();
    private static final AtomicInteger SENT = new AtomicInteger();

    /** From now on, acknowledgements wait. */
    static void hold() {
        HELD.set(0);
        SENT.set(0);
        gate = new CountDownLatch(1);
    }

    /** Acknowledgements held back so far since {@link #hold()}. */
    static int held() {
        return HELD.get();
    }

    /** Records sent since {@link #hold()}: publications that reached the producer and now wait for the broker. */
    static int sent() {
        return SENT.get();
    }

    static void release() {
        CountDownLatch g = gate;
        gate = null;
        if (g != null) {
            g.countDown();
        }
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        CountDownLatch g = gate;
        if (g == null) {
            return;
        }
        HELD.incrementAndGet();
        try {
            g.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        if (gate != null) {
            SENT.incrementAndGet();
        }
        return record;
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
