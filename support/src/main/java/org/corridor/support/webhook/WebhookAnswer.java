package org.corridor.support.webhook;

/**
 * What a receiver's HTTP status says about a delivery, and so what a delivery does next (the subscriber's retries and parking, an inbox's retries). Only an
 * endpoint that is down or overloaded counts against its circuit breaker; a refusal is about one alert (a malformed
 * or oversized one, say), so it parks that alert at once and leaves the circuit, and every other agency's alerts,
 * alone. Pure.
 */
public enum WebhookAnswer {
    /** 2xx: the receiver has it. */
    DELIVERED,
    /**
     * 5xx, 408 Request Timeout, 429 Too Many Requests: the endpoint cannot take anything right now. Retried with
     * backoff, counted by the circuit breaker (like a timeout or a refused connection).
     */
    UNAVAILABLE,
    /**
     * Any other status (3xx, which is never followed, and 4xx such as 400, 413, 422): the receiver refused this request
     * and will refuse it again. Parked at once with the reason, not retried, not counted by the circuit breaker.
     */
    REFUSED;

    public static WebhookAnswer of(int status) {
        if (status >= 200 && status < 300) {
            return DELIVERED;
        }
        if (status >= 500 || status == 408 || status == 429) {
            return UNAVAILABLE;
        }
        return REFUSED;
    }
}
