/**
 * Meters of the subscribers: every name, description and tag in {@link org.corridor.consumer.delivery.metrics.SubscriberMetrics},
 * public so that the monitor and the ops files can refer to them.
 */
package org.corridor.consumer.delivery.metrics;
