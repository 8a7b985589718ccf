package org.corridor.support.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only an endpoint that is down or overloaded is retried and counted; one alert's refusal is neither. */
class WebhookAnswerTest {

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void twoHundredsAreDeliveries(int status) {
        assertThat(WebhookAnswer.of(status)).isEqualTo(WebhookAnswer.DELIVERED);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 599, 408, 429})
    void serverErrorsTimeoutsAndThrottlingAreTheEndpointBeingUnavailable(int status) {
        assertThat(WebhookAnswer.of(status)).isEqualTo(WebhookAnswer.UNAVAILABLE);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 410, 413, 415, 422, 301, 302, 307, 100})
    void otherAnswersAreRefusalsOfThatRequest(int status) {
        assertThat(WebhookAnswer.of(status)).isEqualTo(WebhookAnswer.REFUSED);
    }
}
