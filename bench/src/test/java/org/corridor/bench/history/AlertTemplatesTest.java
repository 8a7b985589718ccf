package org.corridor.bench.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.corridor.consumer.decision.History;
import org.corridor.consumer.router.HistoryCodec;
import org.junit.jupiter.api.Test;

/** The templates carry the router's own decisions: recipients, owner and version agree between audit and recipients. */
class AlertTemplatesTest {

    @Test
    void eachTemplateIsAFirstVersionRoutedByTheRoutersTriage() {
        List<AlertTemplates.Template> templates = AlertTemplates.of(200, List.of("kz-customs", "tj-border"));
        assertThat(templates).hasSize(200);
        assertThat(templates.stream().map(AlertTemplates.Template::agency).distinct()).containsExactlyInAnyOrder("kz-customs", "tj-border");
        assertThat(templates.stream().mapToInt(t -> t.recipients().size()).sum()).as("the default rules route most alerts somewhere")
                .isGreaterThan(200);
        for (AlertTemplates.Template t : templates) {
            History h = HistoryCodec.decode(t.recipientsValue());
            assertThat(h.owner()).isEqualTo(t.agency());
            assertThat(h.version()).isEqualTo(1);
            assertThat(List.copyOf(h.recipients())).isEqualTo(t.recipients()).isEqualTo(t.decision().getRecipients());
            assertThat(t.decision().getOriginAgency()).isEqualTo(t.agency());
            assertThat(t.decision().getRouterInstance()).isEqualTo(AlertTemplates.INSTANCE);
            assertThat(t.deliveredDetail()).startsWith("priority=");
        }
    }
}
