package org.corridor.monitor.web;

import java.time.Duration;
import java.time.Instant;

import org.corridor.monitor.MonitorProperties;
import org.corridor.monitor.cluster.HealthReport;
import org.corridor.monitor.cluster.Sampler;
import org.corridor.monitor.lag.GroupStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code exchange}: DOWN when a partition is offline, when the router's group
 * stalls or stops, or when the cluster has not answered for three sampling intervals; UNKNOWN before the first round.
 */
@Component("exchange")
class ExchangeHealthIndicator implements HealthIndicator {

    private final Sampler sampler;
    private final MonitorProperties properties;

    ExchangeHealthIndicator(Sampler sampler, MonitorProperties properties) {
        this.sampler = sampler;
        this.properties = properties;
    }

    @Override
    public Health health() {
        HealthReport report = sampler.latest().orElse(null);
        if (report == null) {
            return sampler.lastError() == null ? Health.unknown().withDetail("reason", "waiting for the first sampling round").build()
                    : Health.down().withDetail("reason", "the cluster does not answer: " + sampler.lastError()).build();
        }
        Duration age = Duration.between(report.at(), Instant.now());
        if (age.compareTo(properties.sampleInterval().multipliedBy(3)) > 0) {
            return Health.down().withDetail("reason", "no sampling round succeeded for " + age.toSeconds() + " s: "
                    + sampler.lastError()).build();
        }
        Health.Builder health = Health.up();
        String router = properties.routerGroup();
        GroupStatus routerStatus = report.group(router).map(HealthReport.GroupHealth::status).orElse(GroupStatus.OK);
        health.withDetail("routerGroup", router).withDetail("routerStatus", routerStatus.name())
                .withDetail("offlinePartitions", report.offlinePartitions())
                .withDetail("underReplicatedPartitions", report.topics().stream().mapToInt(HealthReport.TopicHealth::underReplicated).sum())
                .withDetail("deadLetters", report.deadLetters().total());
        report.group(router).ifPresent(g -> health.withDetail("routerExplanation", g.explanation()));
        if (report.offlinePartitions() > 0) {
            health.down().withDetail("reason", report.offlinePartitions() + " partition(s) have no leader");
        } else if (routerStatus == GroupStatus.STALL || routerStatus == GroupStatus.STOP) {
            health.down().withDetail("reason", "the router group " + router + " is " + routerStatus);
        }
        return health.build();
    }
}
