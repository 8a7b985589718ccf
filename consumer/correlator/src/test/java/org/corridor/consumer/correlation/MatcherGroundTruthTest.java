package org.corridor.consumer.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the matcher on a seeded ground truth ({@link GroundTruth}): every pair of reports is
 * compared; a pair linked that is not the same event is a false positive, a same-event pair not linked a miss.
 */
class MatcherGroundTruthTest {

    @Test
    void linksTheSameEventReportedTwiceAndNotTheHardNegatives() {
        Matcher matcher = new Matcher(MatchSettings.DEFAULTS);
        long truePositives = 0;
        long falsePositives = 0;
        long positives = 0;
        long exact = 0;
        for (long seed = 1; seed <= 5; seed++) {
            GroundTruth.Sample sample = GroundTruth.generate(seed, 400);
            List<Report> reports = sample.reports();
            positives += sample.same().size();
            for (int i = 0; i < reports.size(); i++) {
                for (int j = i + 1; j < reports.size(); j++) {
                    var link = matcher.compare(reports.get(i), reports.get(j));
                    if (link.isEmpty()) {
                        continue;
                    }
                    boolean same = sample.same().contains(Set.of(reports.get(i).alertId(), reports.get(j).alertId()));
                    if (same) {
                        truePositives++;
                        exact += link.get().kind() == Link.Kind.EXACT ? 1 : 0;
                    } else {
                        falsePositives++;
                    }
                }
            }
        }
        double precision = (double) truePositives / (truePositives + falsePositives);
        double recall = (double) truePositives / positives;
        System.out.printf("MatcherGroundTruthTest: %d same-event pairs, %d linked (%d by an identifier), %d false links:"
                + " precision %.3f, recall %.3f%n", positives, truePositives, exact, falsePositives, precision, recall);
        assertThat(precision).as("precision").isGreaterThanOrEqualTo(0.95);
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(0.90);
    }
}
