package org.corridor.consumer.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The defaults keep the values the subscribers always had; a setting out of range stops the start, naming the key. */
class SubscriberPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SubscriberProperties.class)
    static class Bind {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bind.class);

    @Test
    void defaultsAreTheFormerlyFixedValues() {
        runner.run(context -> {
            SubscriberProperties p = context.getBean(SubscriberProperties.class);
            assertThat(p.retryBackoff()).isEqualTo(Duration.ofMillis(500));
            assertThat(p.maxRetryBackoff()).isEqualTo(Duration.ofSeconds(30));
            assertThat(p.authRetryInterval()).isEqualTo(Duration.ofSeconds(10));
            assertThat(p.webhookCircuitWindow()).isEqualTo(10);
            assertThat(p.webhookCircuitMinimumCalls()).isEqualTo(5);
            assertThat(p.webhookCircuitFailureRate()).isEqualTo(50);
            assertThat(p.webhookCircuitOpen()).isEqualTo(Duration.ofSeconds(30));
            assertThat(p.redriveTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(p.redrivePollTimeout()).isEqualTo(Duration.ofMillis(300));
            assertThat(p.webhookMaxAttempts()).isEqualTo(5);
            assertThat(p.webhookBackoff()).isEqualTo(Duration.ofMillis(500));
            assertThat(p.webhookMaxBackoff()).isEqualTo(Duration.ofSeconds(30));
            assertThat(p.deadlineCheckInterval()).isEqualTo(Duration.ofSeconds(10));
        });
    }

    @Test
    void theStateIsTemporaryUnlessADirectoryIsSet() {
        runner.run(context -> {
            SubscriberProperties p = context.getBean(SubscriberProperties.class);
            assertThat(p.stateDir()).isNull();
            assertThat(p.ackReadTimeout()).isEqualTo(Duration.ofSeconds(5));
        });
        runner.withPropertyValues("corridor.subscriber.state-dir=/var/lib/corridor/state").run(context ->
                assertThat(context.getBean(SubscriberProperties.class).stateDir()).hasToString("/var/lib/corridor/state"));
    }

    @Test
    void aFailureRateAbove100PercentStopsTheStart() {
        runner.withPropertyValues("corridor.subscriber.webhook-circuit-failure-rate=150").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("webhookCircuitFailureRate")
                        .hasMessageContaining("100"));
    }

    @Test
    void deadlinesCheckedMoreOftenThanEvery100MsStopTheStart() {
        runner.withPropertyValues("corridor.subscriber.deadline-check-interval=50ms").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("deadlineCheckInterval"));
    }

    @Test
    void aZeroRetryBackoffStopsTheStart() {
        runner.withPropertyValues("corridor.subscriber.retry-backoff=0s").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("retryBackoff"));
    }

    private static final String WHSEC = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void plainHttpToAHostThatIsNotLoopbackStopsTheStartNamingTheKey() {
        runner.withPropertyValues("corridor.subscriber.webhooks[UNODC].url=http://unodc.example/alerts",
                "corridor.subscriber.webhooks[UNODC].secret=" + WHSEC).run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("webhooks[UNODC].url")
                        .hasMessageContaining("https://").hasMessageContaining("loopback"));
    }

    @Test
    void httpsAndLoopbackHttpStart() {
        runner.withPropertyValues("corridor.subscriber.webhooks[UNODC].url=https://unodc.example/alerts",
                "corridor.subscriber.webhooks[UNODC].secret=" + WHSEC,
                "corridor.subscriber.webhooks[OSCE].url=http://127.0.0.1:8089/alerts",
                "corridor.subscriber.webhooks[OSCE].secret=a-raw-secret-from-before-whsec").run(context ->
                assertThat(context).hasNotFailed());
    }

    @Test
    void aSecretThatIsNotBase64OrTooShortStopsTheStartNamingTheKeyNotTheSecret() {
        runner.withPropertyValues("corridor.subscriber.webhooks[UNODC].url=https://unodc.example/alerts",
                "corridor.subscriber.webhooks[UNODC].secret=whsec_no*t-base64").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("webhooks[UNODC].secret")
                        .hasMessageContaining("base64"));
        runner.withPropertyValues("corridor.subscriber.webhooks[UNODC].url=https://unodc.example/alerts",
                "corridor.subscriber.webhooks[UNODC].secret=short").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("webhooks[UNODC].secret")
                        .hasMessageContaining("at least 24"));
    }
}
