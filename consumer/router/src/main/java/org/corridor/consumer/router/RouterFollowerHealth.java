package org.corridor.consumer.router;

import org.corridor.support.kafka.FollowerMeters;
import org.corridor.support.kafka.Followers;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The router's topic views in health ({@code /actuator/health} component {@code followers}: DOWN while a view is
 * down, with each view's state, skipped records, restarts and reason) and in metrics ({@link FollowerMeters}).
 */
@Configuration(proxyBeanMethods = false)
class RouterFollowerHealth {

    @Bean
    Followers routerFollowers(RecipientsStore recipients) {
        Followers followers = new Followers();
        followers.add(recipients.follower());
        return followers;
    }

    @Bean
    FollowerMeters routerFollowerMeters(Followers routerFollowers) {
        return new FollowerMeters(routerFollowers);
    }

    @Bean("followers")
    HealthIndicator followersHealth(Followers routerFollowers) {
        return () -> health(routerFollowers);
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
