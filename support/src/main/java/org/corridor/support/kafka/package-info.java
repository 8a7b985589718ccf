/**
 * Kafka helpers the services share: {@link org.corridor.support.kafka.TopicFollower} (an in-memory view of a topic,
 * rebuilt from its start, that skips what it cannot take and restarts when it stops), its
 * {@link org.corridor.support.kafka.FollowerStatus}, the {@link org.corridor.support.kafka.Followers} of a service with
 * their {@link org.corridor.support.kafka.FollowerMeters}, and {@link org.corridor.support.kafka.TopicAdmin} (creates
 * Corridor's topics from their descriptors).
 */
package org.corridor.support.kafka;
