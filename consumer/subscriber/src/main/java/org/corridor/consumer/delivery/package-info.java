/**
 * Regional subscribers: each body's feed ({@code alerts.feed.<body>}, read_committed) delivered into a sink (a
 * daily JSON-lines file, or the log), offsets committed only after the sink confirmed, and a DELIVERED receipt on
 * {@code alerts.receipts} for each delivery.
 */
package org.corridor.consumer.delivery;
