package org.corridor.support.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** https:// everywhere; plain http:// only where nothing crosses a network. */
class WebhookUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://unodc.example/alerts", "HTTPS://unodc.example:8443/a?b=c", "https://203.0.113.7/alerts",
            "http://localhost:8080/alerts", "http://LOCALHOST/alerts", "http://127.0.0.1:9/alerts", "http://127.255.0.9/a",
            "http://[::1]:8080/alerts", "https://[2001:db8::1]/alerts"})
    void allowed(String url) {
        assertThat(WebhookUrl.problem(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://unodc.example/alerts", "http://10.0.0.5/alerts", "http://128.0.0.1/alerts",
            "http://127.0.0.1.nip.io/alerts", "http://localhost.evil.example/a", "http://[2001:db8::1]/alerts",
            "http://127.0.0.300/alerts", "http://0x7f000001/alerts"})
    void plainHttpToAnythingButLoopbackIsRefused(String url) {
        assertThat(WebhookUrl.problem(url)).hasValueSatisfying(p -> assertThat(p).contains("http://").contains("loopback"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://unodc.example/alerts", "unodc.example/alerts", "https:///alerts", "https://user:pw@unodc.example/",
            "https://unodc example/", " "})
    void otherFormsAreRefusedSayingWhatIsAllowed(String url) {
        assertThat(WebhookUrl.problem(url)).hasValueSatisfying(p -> assertThat(p).contains(WebhookUrl.ALLOWED));
    }
}
