/**
 * The TAXII 2.1 server: one API root per body, built only from that body's own topics (its feed, inbox and links),
 * read with the body's own Kafka principal, so the standard interface cannot serve past routing. See docs/taxii.md.
 */
package org.corridor.consumer.taxii;
