package org.corridor.monitor;

import java.util.List;

import org.corridor.support.kafka.FollowerMeters;
import org.corridor.support.kafka.Followers;
import org.corridor.support.kafka.TopicFollower;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The monitor's topic views (dead-letter and receipt tallies) in health ({@code /actuator/health} component
 * {@code followers}) and in metrics ({@link FollowerMeters}), as in the other services.
 */
@Configuration(proxyBeanMethods = false)
class MonitorFollowerHealth {

    @Bean
    Followers monitorFollowers(List<TopicFollower> views) {
        Followers followers = new Followers();
        views.forEach(followers::add);
        return followers;
    }

    @Bean
    FollowerMeters monitorFollowerMeters(Followers monitorFollowers) {
        return new FollowerMeters(monitorFollowers);
    }

    @Bean("followers")
    HealthIndicator followersHealth(Followers monitorFollowers) {
        return () -> Health.status(new Status(monitorFollowers.healthStatus())).withDetails(monitorFollowers.details()).build();
    }
}
