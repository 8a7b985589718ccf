package org.corridor.consumer.delivery;

import org.corridor.support.kafka.FollowerMeters;
import org.corridor.support.kafka.Followers;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The subscribers' topic view (the deadline follower) in health ({@code /actuator/health} component
 * {@code followers}: DOWN while the view is down, with its state, skipped records, restarts and reason) and in
 * metrics ({@link FollowerMeters}).
 */
@Configuration(proxyBeanMethods = false)
class SubscriberFollowerHealth {

    @Bean
    Followers subscriberFollowers(DeadlineFollower deadlines) {
        Followers followers = new Followers();
        followers.add(deadlines.follower());
        return followers;
    }

    @Bean
    FollowerMeters subscriberFollowerMeters(Followers subscriberFollowers) {
        return new FollowerMeters(subscriberFollowers);
    }

    @Bean("followers")
    HealthIndicator followersHealth(Followers subscriberFollowers) {
        return () -> health(subscriberFollowers);
    }

    /** STARTING is UNKNOWN, so a first catch-up does not fail the service's health; only a stopped view does. */
    static Health health(Followers followers) {
        Status status = switch (followers.state()) {
            case UP -> Status.UP;
            case STARTING -> Status.UNKNOWN;
            case CLOSED -> Status.OUT_OF_SERVICE;
            case DOWN -> Status.DOWN;
        };
        return Health.status(status).withDetails(followers.details()).build();
    }
}
