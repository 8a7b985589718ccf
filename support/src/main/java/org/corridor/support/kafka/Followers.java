package org.corridor.support.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The {@link TopicFollower}s one service runs, for its health and metrics: owners {@link #add} theirs (also ones they
 * start later, such as an index opened on first use), and {@link #state()} and {@link #details()} sum them up. One per
 * service (several services may share a JVM), never a static. Thread-safe.
 */
public final class Followers {

    private final List<TopicFollower> followers = new CopyOnWriteArrayList<>();
    private final List<Consumer<TopicFollower>> listeners = new ArrayList<>(); // guarded by this

    /** Adds a follower and returns it; those {@link #forEach watching} are told. */
    public synchronized TopicFollower add(TopicFollower follower) {
        followers.add(follower);
        listeners.forEach(l -> l.accept(follower));
        return follower;
    }

    /** Calls {@code action} for each follower added so far, and for each one added later. */
    public synchronized void forEach(Consumer<TopicFollower> action) {
        followers.forEach(action);
        listeners.add(action);
    }

    public List<TopicFollower> all() {
        return List.copyOf(followers);
    }

    /** The worst state among the followers ({@code UP} when there are none). */
    public FollowerStatus.State state() {
        return FollowerStatus.worst(followers.stream().map(f -> f.status().state()).toList());
    }

    /**
     * The Spring Boot health status code of {@link #state()}: STARTING is {@code UNKNOWN}, so a first catch-up does
     * not fail a service's health; only a stopped view ({@code DOWN}) does; a closed one is {@code OUT_OF_SERVICE}.
     */
    public String healthStatus() {
        switch (state()) {
            case UP:
                return "UP";
            case STARTING:
                return "UNKNOWN";
            case CLOSED:
                return "OUT_OF_SERVICE";
            default:
                return "DOWN";
        }
    }

    /**
     * Per follower name: {@code state}, {@code skipped}, {@code restarts}, {@code since}, and {@code reason} when
     * there is one; plain values, ready for a health endpoint.
     */
    public Map<String, Map<String, Object>> details() {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        for (TopicFollower f : followers) {
            FollowerStatus s = f.status();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("state", s.state().name());
            d.put("skipped", f.skipped());
            d.put("restarts", s.restarts());
            d.put("since", s.since().toString());
            if (s.reason() != null) {
                d.put("reason", s.reason());
            }
            all.put(f.name(), d);
        }
        return all;
    }
}
