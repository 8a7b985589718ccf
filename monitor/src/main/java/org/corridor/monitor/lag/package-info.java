/**
 * Pure lag evaluation: consumer-group status over a sliding window of offset samples (no thresholds), and time lag
 * interpolated from the history of log-end offsets. No Kafka or Spring types, so every rule is unit-tested.
 */
package org.corridor.monitor.lag;
