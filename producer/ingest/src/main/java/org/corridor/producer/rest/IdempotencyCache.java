package org.corridor.producer.rest;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.http.ResponseEntity;

/**
 * Remembers answers by (agency, Idempotency-Key) for a while. The same key with the same body gets the first answer
 * (a concurrent duplicate waits for it); the same key with another body is a conflict. Only answers that cannot
 * change on a retry (accepted, invalid) are remembered; a 503 is forgotten so the retry tries again.
 */
final class IdempotencyCache {

    record Entry(String bodyHash, CompletableFuture<ResponseEntity<?>> answer) {
    }

    private final Cache<String, Entry> entries;

    IdempotencyCache(Duration ttl) {
        this.entries = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(1_000_000).build();
    }

    /** @return the answer, or null when the key was used with another body */
    ResponseEntity<?> answer(String agency, String key, String bodyHash, Supplier<ResponseEntity<?>> handler) {
        return answer(agency, key, bodyHash, handler, IdempotencyCache::isFinal);
    }

    /** An answer a retry would get again: accepted (202) or invalid (400). */
    static boolean isFinal(ResponseEntity<?> response) {
        int status = response.getStatusCode().value();
        return status == 202 || status == 400;
    }

    /**
     * @param remember whether an answer cannot change on a retry, so the key keeps it
     * @return the answer, or null when the key was used with another body
     */
    ResponseEntity<?> answer(String agency, String key, String bodyHash, Supplier<ResponseEntity<?>> handler,
                             java.util.function.Predicate<ResponseEntity<?>> remember) {
        String cacheKey = agency + "\u0000" + key;
        CompletableFuture<ResponseEntity<?>> mine = new CompletableFuture<>();
        Entry existing = entries.asMap().putIfAbsent(cacheKey, new Entry(bodyHash, mine));
        if (existing != null) {
            return existing.bodyHash().equals(bodyHash) ? existing.answer().join() : null;
        }
        try {
            ResponseEntity<?> response = handler.get();
            if (!remember.test(response)) {
                entries.asMap().remove(cacheKey);
            }
            mine.complete(response);
            return response;
        } catch (RuntimeException e) {
            entries.asMap().remove(cacheKey);
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
