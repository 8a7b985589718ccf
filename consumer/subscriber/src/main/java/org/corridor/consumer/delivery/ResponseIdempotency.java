package org.corridor.consumer.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Idempotency keys on posted responses, as on posted alerts: the same key with the same request gives the first final
 * answer again, without writing the response twice; the same key with another request is 409. A 503 is not final (the
 * request may be repeated with the same key). Keys are each body's own: one body's key never answers another's, and
 * each body keeps at most {@code maxKeys} for {@code ttl} (oldest first out), so no body can push out another's. Two
 * requests with the same key are answered one after the other. Thread-safe.
 */
final class ResponseIdempotency {

    private record Entry(String requestHash, ResponseEntity<?> answer, Instant at) {
    }

    private final Duration ttl;
    private final int maxKeys;
    private final Clock clock;
    private final Map<String, Map<String, Entry>> byParty = new ConcurrentHashMap<>();
    private final ReentrantLock[] locks = new ReentrantLock[64];

    ResponseIdempotency(Duration ttl, int maxKeys, Clock clock) {
        this.ttl = ttl;
        this.maxKeys = maxKeys;
        this.clock = clock;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /**
     * @param key     the request's Idempotency-Key, or null (then the request is simply made)
     * @param request what identifies the request besides the key (its parameters and body)
     */
    ResponseEntity<?> answer(String party, String key, String request, Supplier<ResponseEntity<?>> make) {
        if (key == null) {
            return make.get();
        }
        String hash = sha256(request);
        ReentrantLock lock = locks[Math.floorMod((party + "\n" + key).hashCode(), locks.length)];
        lock.lock();
        try {
            Map<String, Entry> keys = byParty.computeIfAbsent(party, p -> Collections.synchronizedMap(
                    new LinkedHashMap<String, Entry>(16, 0.75f, false) {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                            return size() > maxKeys;
                        }
                    }));
            Entry known = keys.get(key);
            if (known != null && known.at().plus(ttl).isAfter(clock.instant())) {
                if (!known.requestHash().equals(hash)) {
                    return FeedsController.problem(HttpStatus.CONFLICT, "idempotency-key-reused", "Idempotency-Key",
                            "was used for another request in the last " + ttl + "; use a new key for a new response");
                }
                return known.answer();
            }
            ResponseEntity<?> answer = make.get();
            if (answer.getStatusCode().value() != 503) {
                keys.put(key, new Entry(hash, answer, clock.instant()));
            }
            return answer;
        } finally {
            lock.unlock();
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
