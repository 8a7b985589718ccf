/**
 * Alert status for originators: per body routed, withheld (with reason), delivered, acknowledged, parked, escalated,
 * with times, materialised from {@code alerts.audit} and {@code alerts.receipts} (rebuilt from the topics on start).
 */
package org.corridor.producer.status;
