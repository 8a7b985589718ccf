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

    static Health health(Followers followers) {
        return Health.status(new Status(followers.healthStatus())).withDetails(followers.details()).build();
    }
}
