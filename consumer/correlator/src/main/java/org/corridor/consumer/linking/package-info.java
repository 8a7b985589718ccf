/**
 * The correlator's Kafka Streams topology: routed alert versions (the audit's decisions joined with the inbound
 * alerts), their blocking keys, the comparisons within each key, and the hits and withdrawals per pair, each under the
 * disclosure rules of {@link org.corridor.consumer.correlation.Disclosure}.
 */
package org.corridor.consumer.linking;
