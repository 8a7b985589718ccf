package org.corridor.consumer.delivery;

import java.util.Collections;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one line per delivered alert (id, version, kind, priority, summary length), never the free text, then its
 * DELIVERED receipt. Never fails; thread-safe.
 */
public final class LogSink implements FeedSink {

    private static final Logger log = LoggerFactory.getLogger(LogSink.class);

    private final Receipts receipts;

    public LogSink(Receipts receipts) {
        this.receipts = receipts;
    }

    @Override
    public List<Outcome> deliver(List<Delivery> deliveries) {
        for (Delivery d : deliveries) {
            log.info("{} received alert {} version {} ({} {}, {} from {})", d.body(), d.alert().getAlertId(),
                    d.alert().getVersion(), d.alert().getPriority(), d.alert().getKind(), d.alert().getLifecycle(),
                    d.alert().getOriginAgency().getAgencyId());
            receipts.delivered(d, 1);
        }
        return Collections.nCopies(deliveries.size(), Outcome.DELIVERED);
    }
}
