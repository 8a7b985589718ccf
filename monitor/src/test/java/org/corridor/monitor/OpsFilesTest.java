package org.corridor.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

/**
 * The alerting rules and the Grafana dashboard use only metric names that docs/monitoring.md documents (MonitorIT and
 * the services' tests check that the documented names are exported), so a renamed meter cannot silently blind an
 * alert. promtool checks and unit-tests the rules themselves in .ci/run.
 */
class OpsFilesTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern METRIC = Pattern.compile("corridor_[a-z_]+");

    @Test
    void alertRulesUseOnlyDocumentedMetrics() throws IOException {
        Set<String> used = names(Files.readString(ROOT.resolve("ops/prometheus/alerts.yml")));
        assertThat(used).contains("corridor_monitor_group_status", "corridor_monitor_topic_under_replicated_partitions",
                "corridor_monitor_dead_letters", "corridor_subscriber_escalations_total");
        assertThat(documented()).containsAll(used);
    }

    @Test
    void grafanaDashboardIsValidJsonAndUsesOnlyDocumentedMetrics() throws IOException {
        JsonNode dashboard = JsonMapper.shared().readTree(ROOT.resolve("ops/grafana/corridor-dashboard.json").toFile());
        assertThat(dashboard.get("panels").size()).isGreaterThan(5);
        Set<String> used = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                used.addAll(names(target.get("expr").asString()));
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(documented()).containsAll(used);
    }

    private static Set<String> documented() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("`(corridor_[a-z_]+)`").matcher(Files.readString(ROOT.resolve("docs/monitoring.md")));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Set<String> names(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(text);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }
}
