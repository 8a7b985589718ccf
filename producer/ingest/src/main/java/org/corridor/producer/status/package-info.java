/**
 * Alert status for originators: per body routed, withheld (with reason), delivered, acknowledged, parked, escalated,
 * with times, materialised from {@code alerts.audit} and {@code alerts.receipts} into a store on local disk that
 * resumes from its checkpoint at each start.
 */
package org.corridor.producer.status;
