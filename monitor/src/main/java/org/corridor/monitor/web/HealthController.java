package org.corridor.monitor.web;

import java.util.List;

import org.corridor.monitor.cluster.HealthReport;
import org.corridor.monitor.cluster.Sampler;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The JSON API of the monitor (docs/monitoring.md): the whole report, or its topics, groups, one group, bodies and
 * dead letters. 503 before the first sampling round.
 */
@RestController
@PreAuthorize("hasRole('OPERATOR')")
@RequestMapping("/api/v1/health")
class HealthController {

    private final Sampler sampler;

    HealthController(Sampler sampler) {
        this.sampler = sampler;
    }

    @GetMapping
    HealthReport report() {
        return sampler.latest().orElseThrow(() -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                sampler.lastError() == null ? "no sampling round has completed yet" : "the cluster does not answer: " + sampler.lastError()));
    }

    @GetMapping("/topics")
    List<HealthReport.TopicHealth> topics() {
        return report().topics();
    }

    @GetMapping("/groups")
    List<HealthReport.GroupHealth> groups() {
        return report().groups();
    }

    @GetMapping("/groups/{group}")
    HealthReport.GroupHealth group(@PathVariable String group) {
        return report().group(group).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no consumer group named " + group));
    }

    @GetMapping("/bodies")
    List<HealthReport.BodyState> bodies() {
        return report().bodies();
    }

    @GetMapping("/return-channel")
    HealthReport.ReturnChannel returnChannel() {
        return report().returnChannel();
    }

    @GetMapping("/dead-letters")
    HealthReport.DeadLetters deadLetters() {
        return report().deadLetters();
    }
}
