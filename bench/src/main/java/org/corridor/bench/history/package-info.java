/**
 * {@code bench history}: writes alerts of history straight onto the recipients, audit and receipts topics of a running
 * platform, continuing each audit partition's hash chain, so start-up and memory can be measured at millions of alerts
 * without routing them one by one.
 */
package org.corridor.bench.history;
