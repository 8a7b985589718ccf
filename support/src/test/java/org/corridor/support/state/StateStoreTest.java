package org.corridor.support.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

    @TempDir
    Path dir;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void valuesAndTheCheckpointSurviveAReopen() {
        try (StateStore store = StateStore.open(dir.resolve("view"), "view")) {
            store.put("alert-1", b("one"));
            store.put("alert-2", b("two"));
            store.delete("alert-2");
            store.checkpoint(Map.of(new TopicPartition("alerts.recipients", 0), 17L,
                    new TopicPartition("alerts.recipients", 2), 5L));
            store.checkpoint(Map.of(new TopicPartition("alerts.recipients", 2), 9L));
            store.topicId("alerts.recipients", "id-1");
            store.format("history-1");
        }
        try (StateStore store = StateStore.open(dir.resolve("view"), "view")) {
            assertThat(s(store.get("alert-1"))).isEqualTo("one");
            assertThat(store.get("alert-2")).isNull();
            assertThat(store.positions()).isEqualTo(Map.of(new TopicPartition("alerts.recipients", 0), 17L,
                    new TopicPartition("alerts.recipients", 2), 9L));
            assertThat(store.topicId("alerts.recipients")).isEqualTo("id-1");
            assertThat(store.topicId("alerts.audit")).isNull();
            assertThat(store.format()).isEqualTo("history-1");
            assertThat(store.isTemporary()).isFalse();
        }
    }

    @Test
    void clearRemovesValuesAndCheckpoint() {
        try (StateStore store = StateStore.open(dir, "view")) {
            store.put("a", b("1"));
            store.checkpoint(Map.of(new TopicPartition("t", 0), 3L));
            store.format("f");
            store.clear();
            assertThat(store.get("a")).isNull();
            assertThat(store.positions()).isEmpty();
            assertThat(store.format()).isNull();
        }
    }

    @Test
    void forEachWalksOnlyThePrefixInKeyOrder() {
        try (StateStore store = StateStore.temporary("prefix")) {
            store.put("body/CARICC/2", b("x"));
            store.put("body/CARICC/1", b("y"));
            store.put("body/CARICCX/1", b("z"));
            store.put("other", b("w"));
            List<String> keys = new ArrayList<>();
            store.forEach("body/CARICC/", (k, v) -> keys.add(k + "=" + s(v)));
            assertThat(keys).containsExactly("body/CARICC/1=y", "body/CARICC/2=x");
        }
    }

    @Test
    void updatesOfOneKeyFromManyThreadsLoseNothing() throws Exception {
        try (StateStore store = StateStore.temporary("update")) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            for (int i = 0; i < 400; i++) {
                pool.submit(() -> store.update("counter", old -> b(String.valueOf(old == null ? 1 : Integer.parseInt(s(old)) + 1))));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            assertThat(s(store.get("counter"))).isEqualTo("400");
            assertThat(store.update("counter", old -> null)).isNull();
            assertThat(store.get("counter")).isNull();
        }
    }

    @Test
    void aBatchIsReadByItsThreadAndWrittenWithTheCheckpointAtOnce() throws Exception {
        try (StateStore store = StateStore.open(dir.resolve("batch"), "batch")) {
            store.put("kept", b("before"));
            store.put("gone", b("before"));
            store.beginBatch();
            store.put("new", b("1"));
            store.update("new", old -> b(s(old) + "2"));
            store.delete("gone");
            store.put("kept", b("after"));
            assertThat(s(store.get("new"))).isEqualTo("12");
            assertThat(store.get("gone")).isNull();
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                // Another thread sees nothing of the batch until the checkpoint writes it.
                assertThat(other.submit(() -> s(store.get("new"))).get()).isNull();
                assertThat(other.submit(() -> s(store.get("gone"))).get()).isEqualTo("before");
                store.checkpoint(Map.of(new TopicPartition("t", 0), 4L));
                assertThat(other.submit(() -> s(store.get("new"))).get()).isEqualTo("12");
                assertThat(other.submit(() -> s(store.get("gone"))).get()).isNull();
                assertThat(other.submit(() -> s(store.get("kept"))).get()).isEqualTo("after");
            } finally {
                other.shutdown();
            }
            // The checkpoint closed the batch: this thread writes straight to the store again.
            store.put("direct", b("d"));
        }
        try (StateStore store = StateStore.open(dir.resolve("batch"), "batch")) {
            assertThat(s(store.get("new"))).isEqualTo("12");
            assertThat(s(store.get("direct"))).isEqualTo("d");
            assertThat(store.positions()).isEqualTo(Map.of(new TopicPartition("t", 0), 4L));
        }
    }

    @Test
    void whileOneThreadGathersABatchAnotherThreadsWritesAreRefused() throws Exception {
        try (StateStore store = StateStore.temporary("owner")) {
            store.beginBatch();
            store.put("k", b("batched"));
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                assertThat(other.submit(() -> {
                    try {
                        store.put("k", b("lost"));
                        return "written";
                    } catch (IllegalStateException e) {
                        return e.getMessage();
                    }
                }).get()).endsWith("gathers a batch; only it writes this store");
                store.checkpoint(Map.of());
                other.submit(() -> store.put("k2", b("after"))).get();
            } finally {
                other.shutdown();
            }
            assertThat(s(store.get("k"))).isEqualTo("batched");
            assertThat(s(store.get("k2"))).isEqualTo("after");
        }
    }

    @Test
    void clearDropsTheBatchOfItsThreadToo() {
        try (StateStore store = StateStore.open(dir.resolve("lost"), "lost")) {
            store.checkpoint(Map.of(new TopicPartition("t", 0), 2L));
            store.beginBatch();
            store.put("x", b("1"));
            store.clear();
            // clear() drops the batch too: nothing of it reaches the store.
            store.checkpoint(Map.of(new TopicPartition("t", 0), 3L));
            assertThat(store.get("x")).isNull();
            assertThat(store.positions()).isEqualTo(Map.of(new TopicPartition("t", 0), 3L));
        }
    }

    @Test
    void aTemporaryStoreIsDeletedAtCloseAndAClosedStoreRefusesUse() {
        StateStore store = StateStore.open(null, "temp");
        Path where = store.directory();
        assertThat(store.isTemporary()).isTrue();
        store.put("a", b("1"));
        store.close();
        store.close();
        assertThat(Files.exists(where)).isFalse();
        assertThatThrownBy(() -> store.get("a")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aStoreInUseByAnotherOwnerIsRefusedWithTheReason() {
        try (StateStore first = StateStore.open(dir, "view")) {
            assertThatThrownBy(() -> StateStore.open(dir, "view")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(dir.toString()).hasMessageContaining("another process");
        }
    }

    @Test
    void theReasonToRebuildNamesWhatChanged() {
        try (StateStore store = StateStore.temporary("reasons")) {
            assertThat(StoreFollower.reasonToRebuild(store, "f1", List.of("t"), Map.of("t", "id"))).contains("new");
            store.format("f1");
            store.topicId("t", "id");
            assertThat(StoreFollower.reasonToRebuild(store, "f1", List.of("t"), Map.of("t", "id"))).isNull();
            assertThat(StoreFollower.reasonToRebuild(store, "f2", List.of("t"), Map.of("t", "id"))).contains("format f1");
            assertThat(StoreFollower.reasonToRebuild(store, "f1", List.of("t"), Map.of("t", "other")))
                    .contains("topic t").contains("now other");
            assertThat(StoreFollower.reasonToRebuild(store, "f1", List.of("t"), Map.of())).contains("topic t");
            assertThat(StoreFollower.reasonToRebuild(store, "f1", List.of("t"), null)).contains("could not tell");
        }
    }
}
