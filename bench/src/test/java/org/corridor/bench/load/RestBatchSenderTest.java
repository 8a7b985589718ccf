package org.corridor.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class RestBatchSenderTest {

    @Test
    void eachAlertIsAcceptedByItsOwnResult() {
        String answer = """
                {"accepted": 2, "rejected": 1, "retriable": 0, "results": [
                  {"index": 0, "status": 202, "alertId": "a"},
                  {"index": 1, "status": 400, "type": "urn:corridor:problem:invalid-alert"},
                  {"index": 2, "status": 202, "alertId": "c"}]}""";
        assertThat(RestBatchSender.accepted(200, answer, 3)).containsExactly(true, false, true);
    }

    @Test
    void aBatchRefusedWholeAcceptsNone() {
        assertThat(RestBatchSender.accepted(429, "", 2)).containsExactly(false, false);
        assertThat(RestBatchSender.accepted(400, "{\"type\":\"urn:corridor:problem:invalid-batch\"}", 2)).containsExactly(false, false);
    }

    @Test
    void aBatchSizeOverTheEndpointsLimitIsRefused() {
        assertThatThrownBy(() -> new RestBatchSender(URI.create("http://localhost:8080"), new Properties(), 501, 8))
                .hasMessageContaining("1 to 500");
    }
}
