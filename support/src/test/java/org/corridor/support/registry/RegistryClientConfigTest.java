package org.corridor.support.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Base64;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class RegistryClientConfigTest {

    @Test
    void credentialsInTheUrlBecomeABasicHeaderAndLeaveTheUrl() {
        RegistryClientConfig config = RegistryClientConfig.of("http://writer:s3cr%40t@localhost:8081");
        assertThat(config.urls()).containsExactly(URI.create("http://localhost:8081"));
        assertThat(config.authorization()).contains("Basic " + Base64.getEncoder().encodeToString("writer:s3cr@t".getBytes()));
        assertThat(config.toString()).doesNotContain("s3cr").contains("Basic ****");
    }

    @Test
    void explicitBasicAuthWinsOverTheUrl() {
        RegistryClientConfig config = RegistryClientConfig.from(Map.of(RegistryClientConfig.URL, "http://a:b@localhost:8081",
                RegistryClientConfig.BASIC_AUTH_SOURCE, "USER_INFO", RegistryClientConfig.BASIC_AUTH_USER_INFO, "c:d"));
        assertThat(config.authorization()).contains("Basic " + Base64.getEncoder().encodeToString("c:d".getBytes()));
    }

    @Test
    void aBadUrlIsReportedWithoutItsPassword() {
        assertThatThrownBy(() -> RegistryClientConfig.of("ftp://writer:topsecret@localhost:8081"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("schema.registry.url: \"ftp://[hidden]@localhost:8081\" is not an http or https URL");
    }
}
