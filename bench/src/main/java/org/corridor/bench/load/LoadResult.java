package org.corridor.bench.load;

/**
 * What one load run measured. Rates are over the measured phase: from the first intended send to the last
 * acknowledgement (alerts) or to the last feed record seen (feed records).
 *
 * @param mode           library, rest or rest-batch
 * @param targetRate     alerts per second asked for; 0 for flat out
 * @param alerts         alerts sent in the measured phase
 * @param accepted       acknowledged by the broker (library) or answered 202 (REST)
 * @param failed         refused or failed
 * @param alertsPerSecond accepted alerts per second
 * @param feedRecords    feed records of this run's alerts seen (read_committed)
 * @param expectedFeedRecords recipients named by the routing decisions of this run's alerts
 * @param feedRecordsPerSecond feed records per second
 * @param endToEnd       intended send time to the record's appearance on a feed, per feed record
 * @param acknowledgement intended send time to the broker's ack or the 202
 * @param recordBytes    average serialized alert size
 * @param sinkLines      file sink lines of this run's alerts seen on disk (0 when the sinks were not timed)
 * @param endToEndSink   intended send time to the line's being on disk in the body's file sink, per line; null when
 *                       the sinks were not timed
 */
public record LoadResult(String mode, int targetRate, long alerts, long accepted, long failed, double seconds,
                         double alertsPerSecond, long feedRecords, long expectedFeedRecords, double feedRecordsPerSecond,
                         Percentiles endToEnd, Percentiles acknowledgement, double recordBytes,
                         long sinkLines, Percentiles endToEndSink) {
}
