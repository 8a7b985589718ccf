/**
 * Kafka helpers the services share: {@link org.corridor.support.kafka.TopicFollower} (an in-memory view of a topic,
 * rebuilt from its start) and {@link org.corridor.support.kafka.TopicAdmin} (creates Corridor's topics from their
 * descriptors).
 */
package org.corridor.support.kafka;
