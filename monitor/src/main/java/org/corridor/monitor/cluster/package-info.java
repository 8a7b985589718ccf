/**
 * What the monitor reads from the cluster: topic and group offsets through the Admin API, a sliding history of
 * them, dead-letter headers, delivery receipts and the services' latency metrics; and the health report built from it.
 */
package org.corridor.monitor.cluster;
