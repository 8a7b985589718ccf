/**
 * The publisher library agencies use from Java: validates, then writes alerts to the agency's inbound topic with an
 * idempotent acks=all producer, and reports the broker's acknowledgement or a typed failure.
 */
package org.corridor.producer.publish;
