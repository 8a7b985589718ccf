package org.corridor.consumer.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs one line per delivered alert (id, version, kind, priority, summary length), never the free text. */
public final class LogSink implements FeedSink {

    private static final Logger log = LoggerFactory.getLogger(LogSink.class);

    @Override
    public void deliver(Delivery d) {
        log.info("{} received alert {} version {} ({} {}, {} from {})", d.body(), d.alert().getAlertId(),
                d.alert().getVersion(), d.alert().getPriority(), d.alert().getKind(), d.alert().getLifecycle(),
                d.alert().getOriginAgency().getAgencyId());
    }
}
