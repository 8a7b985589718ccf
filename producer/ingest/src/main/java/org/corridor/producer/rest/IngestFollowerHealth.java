package org.corridor.producer.rest;

import org.corridor.support.kafka.FollowerMeters;
import org.corridor.support.kafka.Followers;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ingest service's topic views (the status view, and the alert-id index of each agency's topic once used) in
 * health ({@code /actuator/health} component {@code followers}: DOWN while a view is down, with each view's state,
 * skipped records, restarts and reason) and in metrics ({@link FollowerMeters}). The views add themselves to
 * {@link Followers} as they start.
 */
@Configuration(proxyBeanMethods = false)
class IngestFollowerHealth {

    @Bean
    Followers ingestFollowers() {
        return new Followers();
    }

    @Bean
    FollowerMeters ingestFollowerMeters(Followers ingestFollowers) {
        return new FollowerMeters(ingestFollowers);
    }

    @Bean("followers")
    HealthIndicator followersHealth(Followers ingestFollowers) {
        return () -> health(ingestFollowers);
    }

    static Health health(Followers followers) {
        return Health.status(new Status(followers.healthStatus())).withDetails(followers.details()).build();
    }
}
