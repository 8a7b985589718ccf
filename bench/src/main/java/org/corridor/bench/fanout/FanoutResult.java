package org.corridor.bench.fanout;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one bare fan-out replay measured. {@code feedRecordsPerSecond} is the unit of the router's figure of the same
 * name: copies on the feed topics seen committed by a reader, per second from the first poll that returned records
 * to the last copy seen.
 *
 * @param inboundRecords       inbound records replayed
 * @param copiesPerRecord      copies asked for per inbound record (the router's feed records ÷ alerts)
 * @param feedCopies           copies written to the {@code bench.fanout.<body>} topics
 * @param feedCopiesSeen       of those, seen committed by the reader
 * @param auditBytes           size of each audit-sized record (the router's average decision)
 * @param recipientsBytes      size of each recipients-sized record (the router's average)
 * @param transactions         transactions committed, one per poll batch
 * @param maxPollRecords       the consumer's max.poll.records (the router's)
 * @param lingerMs             the producer's linger.ms (the router's)
 * @param seconds              first poll with records to the last copy seen
 * @param feedRecordsPerSecond copies seen per second
 * @param inboundRecordsPerSecond inbound records per second over the same interval
 */
public record FanoutResult(long inboundRecords, double copiesPerRecord, long feedCopies, long feedCopiesSeen,
                           int auditBytes, int recipientsBytes, long transactions, double recordsPerTransaction,
                           int maxPollRecords, long lingerMs, double seconds, double feedRecordsPerSecond,
                           double inboundRecordsPerSecond) {

    static FanoutResult of(FanoutPipeline.Run run, long seen, long lastSeenNanos, double copiesPerRecord, int auditBytes,
                           int recipientsBytes, RouterClientSettings router) {
        long end = Math.max(lastSeenNanos, run.lastCommitNanos());
        double seconds = Math.max(1e-9, (end - run.firstPollNanos()) / 1e9);
        return new FanoutResult(run.inboundRecords(), copiesPerRecord, run.feedCopies(), seen, auditBytes, recipientsBytes,
                run.transactions(), round(run.transactions() == 0 ? 0 : (double) run.inboundRecords() / run.transactions()),
                router.maxPollRecords(), router.lingerMs(), round(seconds), round(seen / seconds),
                round(run.inboundRecords() / seconds));
    }

    /** The result as indented JSON, the form the other bench commands write. */
    public String toJson() {
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(this);
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }
}
