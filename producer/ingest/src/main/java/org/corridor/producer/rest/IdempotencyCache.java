package org.corridor.producer.rest;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.http.ResponseEntity;

/**
 * Remembers answers by (agency, Idempotency-Key) for a while. The same key with the same body gets the first answer
 * (a concurrent duplicate gets the same pending answer); the same key with another body is a conflict. Only answers that cannot
 * change on a retry (accepted, invalid) are remembered; a 503 is forgotten so the retry tries again.
 */
final class IdempotencyCache {

    record Entry(String bodyHash, CompletableFuture<ResponseEntity<?>> answer) {
    }

    private final Cache<String, Entry> entries;

    IdempotencyCache(Duration ttl) {
        this.entries = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(1_000_000).build();
    }

    /** An answer a retry would get again: accepted (202) or invalid (400). */
    static boolean isFinal(ResponseEntity<?> response) {
        int status = response.getStatusCode().value();
        return status == 202 || status == 400;
    }

    /**
     * Runs the handler once per key and body; a duplicate gets the same future, so it waits for the first answer
     * without holding a thread.
     *
     * @param remember whether an answer cannot change on a retry, so the key keeps it
     * @return the answer, or null when the key was used with another body
     */
    CompletableFuture<ResponseEntity<?>> answer(String agency, String key, String bodyHash,
                                                Supplier<CompletableFuture<ResponseEntity<?>>> handler,
                                                Predicate<ResponseEntity<?>> remember) {
        String cacheKey = agency + "\u0000" + key;
        Entry mine = new Entry(bodyHash, new CompletableFuture<>());
        Entry existing = entries.asMap().putIfAbsent(cacheKey, mine);
        if (existing != null) {
            return existing.bodyHash().equals(bodyHash) ? existing.answer() : null;
        }
        CompletableFuture<ResponseEntity<?>> answer;
        try {
            answer = handler.get();
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((response, error) -> {
            if (error != null || !remember.test(response)) {
                // Only this request's entry: a retry that came after the removal has its own.
                entries.asMap().remove(cacheKey, mine);
            }
            if (error != null) {
                mine.answer().completeExceptionally(error);
            } else {
                mine.answer().complete(response);
            }
        });
        return mine.answer();
    }
}
