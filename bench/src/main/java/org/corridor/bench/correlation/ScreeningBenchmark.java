package org.corridor.bench.correlation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.corridor.bench.load.LoadCommand;
import org.corridor.consumer.correlation.Footprint;
import org.corridor.consumer.correlation.MatchSettings;
import org.corridor.consumer.correlation.Matcher;
import org.corridor.consumer.correlation.Report;
import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.HandlingCode;
import org.corridor.schemas.avro.Tlp;
import org.corridor.schemas.avro.TraffickingAlert;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one pair compared under an event key costs the correlator's by-shard stage, per pair: the matcher's whole
 * verdict (what every pair a key held cost before the screening), against the footprint screen
 * ({@link Matcher#mayLinkByEvent}) and the verdict only for the pairs it lets through. The pairs: every pair of
 * different agencies' reports that one key and its neighbouring periods hold, the first 4,096 of 3,000 of the load
 * generator's alerts (bench load's content, its events within 120 days so that enough of them share keys), taken in
 * turn. Neither side reads a store: in the correlator the screen also spares that read, which this leaves out.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ScreeningBenchmark {

    private static final int PAIRS = 4096;
    private Matcher matcher;
    private Report[] as;
    private Report[] bs;
    private Footprint[] fa;
    private Footprint[] fb;
    private int next;

    @Setup
    public void setUp() {
        MatchSettings settings = MatchSettings.DEFAULTS;
        matcher = new Matcher(settings);
        List<Report> reports = new ArrayList<>();
        List<TraffickingAlert> alerts = LoadCommand.alerts(3000, List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7"), 0);
        for (int i = 0; i < alerts.size(); i++) {
            TraffickingAlert a = alerts.get(i);
            a.setOccurredOn(SampleAlerts.SAMPLE_DATE.minusDays(i % 120));
            reports.add(Report.of(a, new Report.Released(Set.of("UNODC"), Tlp.AMBER, HandlingCode.H1, Set.of())));
        }
        as = new Report[PAIRS];
        bs = new Report[PAIRS];
        fa = new Footprint[PAIRS];
        fb = new Footprint[PAIRS];
        int n = 0;
        for (int i = 0; i < reports.size() && n < PAIRS; i++) {
            for (int j = i + 1; j < reports.size() && n < PAIRS; j++) {
                Report a = reports.get(i);
                Report b = reports.get(j);
                String substance = sharedSubstance(a, b, settings);
                if (substance != null && !a.agency().equals(b.agency())) {
                    as[n] = a;
                    bs[n] = b;
                    fa[n] = Footprint.of(a, substance);
                    fb[n] = Footprint.of(b, substance);
                    n++;
                }
            }
        }
        if (n < PAIRS) {
            throw new IllegalStateException("only " + n + " pairs share an event key");
        }
    }

    /** A substance under which the two would be compared: shared by name or number, a country shared, within 2 periods. */
    private static String sharedSubstance(Report a, Report b, MatchSettings settings) {
        long period = settings.windowDays() + 1L;
        if (Math.abs(Math.floorDiv(a.occurredOn().toEpochDay(), period) - Math.floorDiv(b.occurredOn().toEpochDay(), period)) > 1) {
            return null;
        }
        Set<String> countries = new TreeSet<>(a.countries());
        countries.retainAll(b.countries());
        if (countries.isEmpty()) {
            return null;
        }
        for (Report.Amount x : a.substances()) {
            for (Report.Amount y : b.substances()) {
                if (x.name().equals(y.name()) || x.identity().equals(y.identity())) {
                    return x.name().equals(y.name()) ? x.name() : x.identity();
                }
            }
        }
        return null;
    }

    /** Every pair given to the matcher. */
    @Benchmark
    public Object verdict() {
        int i = next++ & (PAIRS - 1);
        return matcher.verdict(as[i], bs[i]).link();
    }

    /** The footprints first; the matcher only for a pair they may link. */
    @Benchmark
    public Object screened() {
        int i = next++ & (PAIRS - 1);
        return matcher.mayLinkByEvent(fa[i], fb[i]) ? matcher.verdict(as[i], bs[i]).link() : null;
    }
}
