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

    static Health health(Followers followers) {
        return Health.status(new Status(followers.healthStatus())).withDetails(followers.details()).build();
    }
}
