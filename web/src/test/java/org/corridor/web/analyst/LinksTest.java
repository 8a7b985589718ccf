package org.corridor.web.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LinksTest {

    private static final JsonNode HITS = JsonMapper.builder().build().readTree("""
            [{"a":{"agency":"kz-customs","alertId":"k1","version":1},"b":{"agency":"tj-drug-control","alertId":"t1","version":2},
              "status":"LINKED","kind":"EVENT","score":0.943,"keys":["substance:OPIATE:heroin","days:1"]},
             {"a":{"agency":"tj-drug-control","alertId":"t9","version":1},"b":{"agency":"kz-customs","alertId":"k1","version":1},
              "status":"WITHDRAWN","kind":"EXACT","score":1.0,"keys":["container:MSCU1234565"]},
             {"a":{"agency":"de-bka","alertId":"k1","version":1},"b":{"agency":"nl-police","alertId":"n1","version":1},
              "status":"LINKED","kind":"EXACT","score":1.0,"keys":["container:MSCU1234565"]}]""");

    @Test
    void theOtherAlertOfEachLiveLinkOfThisAgencysAlert() {
        assertThat(Links.of(HITS, "kz-customs", "k1")).singleElement().satisfies(l -> {
            assertThat(l.agency()).isEqualTo("tj-drug-control");
            assertThat(l.alertId()).isEqualTo("t1");
            assertThat(l.kind()).isEqualTo("EVENT");
            assertThat(l.keys()).containsExactly("substance:OPIATE:heroin", "days:1");
        });
        assertThat(Links.of(HITS, "tj-drug-control", "t1")).extracting(Links.Link::alertId).containsExactly("k1");
        assertThat(Links.of(HITS, "de-bka", "k1")).extracting(Links.Link::agency).containsExactly("nl-police");
        assertThat(Links.of(HITS, "kz-customs", "zz")).isEmpty();
    }
}
