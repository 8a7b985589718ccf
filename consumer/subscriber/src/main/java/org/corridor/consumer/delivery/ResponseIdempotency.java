package org.corridor.consumer.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Idempotency keys on posted responses, as on posted alerts: the same key with the same request gives the first final
 * answer again, without writing the response twice; the same key with another request is 409. A 503 is not final (the
 * request may be repeated with the same key). Keys are the body's own (one body's key never answers another's), kept
 * for {@code ttl} in memory, at most {@code maxKeys}, oldest first out. Thread-safe.
 */
final class ResponseIdempotency {

    private record Entry(String requestHash, ResponseEntity<?> answer, Instant at) {
    }

    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> entries;

    ResponseIdempotency(Duration ttl, int maxKeys, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /**
     * @param key     the request's Idempotency-Key, or null (then the request is simply made)
     * @param request what identifies the request besides the key (its parameters and body)
     */
    ResponseEntity<?> answer(String party, String key, String request, Supplier<ResponseEntity<?>> make) {
        if (key == null) {
            return make.get();
        }
        String id = party + "\n" + key;
        String hash = sha256(request);
        synchronized (this) {
            Entry known = entries.get(id);
            if (known != null && known.at().plus(ttl).isAfter(clock.instant())) {
                if (!known.requestHash().equals(hash)) {
                    return FeedsController.problem(HttpStatus.CONFLICT, "idempotency-key-reused", "Idempotency-Key",
                            "was used for another request in the last " + ttl + "; use a new key for a new response");
                }
                return known.answer();
            }
        }
        ResponseEntity<?> answer = make.get();
        if (answer.getStatusCode().value() != 503) {
            synchronized (this) {
                Entry known = entries.get(id);
                if (known == null || !known.at().plus(ttl).isAfter(clock.instant())) {
                    entries.put(id, new Entry(hash, answer, clock.instant()));
                    return answer;
                }
                // A concurrent request with the same key answered first: its answer is the key's.
                return known.requestHash().equals(hash) ? known.answer() : answer;
            }
        }
        return answer;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
