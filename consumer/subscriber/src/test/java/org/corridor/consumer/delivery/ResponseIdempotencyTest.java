package org.corridor.consumer.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** A repeated post with its key is answered, not made again; a key is its body's own and keeps its place. */
class ResponseIdempotencyTest {

    private final ResponseIdempotency keys = new ResponseIdempotency(Duration.ofHours(24), 2, Clock.systemUTC());
    private final AtomicInteger made = new AtomicInteger();

    private ResponseEntity<?> post(String body, String key, String request, int status) {
        return keys.answer(body, key, request, () -> {
            made.incrementAndGet();
            return ResponseEntity.status(status).body(request);
        });
    }

    @Test
    void theSameKeyAndRequestIsAnsweredOnceAndAnotherRequestIsAConflict() {
        assertThat(post("CARICC", "k", "a", 202).getStatusCode().value()).isEqualTo(202);
        assertThat(post("CARICC", "k", "a", 202).getBody()).isEqualTo("a");
        assertThat(made).hasValue(1);
        assertThat(post("CARICC", "k", "b", 202).getStatusCode().value()).isEqualTo(409);
        assertThat(post("UNODC", "k", "b", 202).getStatusCode().value()).as("another body's key").isEqualTo(202);
        assertThat(made).hasValue(2);
    }

    @Test
    void aServiceUnavailableIsNotRememberedAndOneBodyCannotPushOutAnothersKeys() {
        post("CARICC", "k", "a", 503);
        post("CARICC", "k", "a", 202);
        assertThat(made).as("a 503 is tried again").hasValue(2);
        post("UNODC", "u1", "x", 202);
        post("UNODC", "u2", "x", 202);
        post("UNODC", "u3", "x", 202);
        post("CARICC", "k", "a", 202);
        assertThat(made).as("CARICC's key survived UNODC's three").hasValue(5);
        post("UNODC", "u1", "x", 202);
        assertThat(made).as("UNODC's oldest went when it had more than two").hasValue(6);
    }
}
