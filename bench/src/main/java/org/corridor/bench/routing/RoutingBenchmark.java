package org.corridor.bench.routing;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.corridor.consumer.policy.Decision;
import org.corridor.consumer.policy.ReleasePolicy;
import org.corridor.consumer.routing.Relevance;
import org.corridor.consumer.routing.RoutingRules;
import org.corridor.consumer.decision.RouteDecider;
import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.reference.ReferenceData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The whole routing decision (22 default rules, then the release policy) over 1,024 varied alerts, one per call. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RoutingBenchmark {

    private RouteDecider decider;
    private TraffickingAlert[] alerts;
    private int next;

    @Setup
    public void setUp() {
        ReferenceData reference = ReferenceData.defaults();
        decider = new RouteDecider(new Relevance(RoutingRules.defaults(reference), reference), new ReleasePolicy(),
                reference.bodyIds());
        alerts = new TraffickingAlert[1024];
        for (int i = 0; i < alerts.length; i++) {
            alerts[i] = SampleAlerts.random(i);
        }
    }

    @Benchmark
    public Decision decide() {
        TraffickingAlert a = alerts[next++ & (alerts.length - 1)];
        return decider.decide(a, Set.of());
    }
}
