package org.corridor.support.inbox;

import java.util.Collections;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each response's ids (never its text): for development, where nobody takes the inbox. */
public final class InboxLogSink implements InboxSink {

    private static final Logger log = LoggerFactory.getLogger(InboxLogSink.class);

    @Override
    public Result deliver(List<InboxItem> items) {
        for (InboxItem item : items) {
            log.info("{}: {} {} on alert {} of {} v{}", item.party(), item.response().getKind(), item.idempotencyKey(),
                    item.response().getAlertId(), item.response().getAlertAgency(), item.response().getAlertVersion());
        }
        return Result.all(Collections.nCopies(items.size(), Outcome.DELIVERED));
    }

    @Override
    public String toString() {
        return "the log";
    }
}
