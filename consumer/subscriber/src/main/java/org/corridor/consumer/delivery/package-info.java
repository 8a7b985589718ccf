/**
 * Regional subscribers: each body's feed ({@code alerts.feed.<body>}, read_committed) delivered by a Spring Kafka
 * listener endpoint of its own into the body's {@link org.corridor.consumer.delivery.FeedSink} (a daily JSON-lines
 * file, the log, or a webhook with retries and parking), offsets committed only after the sink confirmed and the
 * receipts on {@code alerts.receipts} are on the broker; acknowledgement deadlines, re-drives and replays.
 */
package org.corridor.consumer.delivery;
