package org.corridor.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk under the embedded broker. The broker runs in a process of its own whose data directory is a 64 MiB
 * tmpfs (mounted in a private mount namespace with {@code unshare}, so no privilege is needed beyond user
 * namespaces); acks=all writes go on until the disk is full. Kafka then stops the broker: the process must say so
 * clearly (status, directory, free space, what to do), nothing may have been acknowledged that was not written, and
 * a broker started again on a copy of that directory (on a disk with room) must recover the log and serve every
 * acknowledged record unchanged.
 */
class FullDiskIT {

    private static final int VALUE_BYTES = 32 * 1024;

    @TempDir
    Path work;

    private static byte[] value(int i) {
        byte[] v = new byte[VALUE_BYTES];
        new Random(i).nextBytes(v);
        return v;
    }

    @Test
    void aFullDiskStopsTheBrokerClearlyAndEveryAcknowledgedRecordSurvives() throws Exception {
        if ("off".equals(System.getProperty("corridor.test.fulldisk"))) {
            System.err.println("WARNING: FullDiskIT skipped (-Dcorridor.test.fulldisk=off): the full-disk behaviour is NOT tested");
            Assumptions.abort("-Dcorridor.test.fulldisk=off");
        }
        Process probe = new ProcessBuilder("unshare", "-rm", "true").redirectErrorStream(true).start();
        if (!probe.waitFor(10, TimeUnit.SECONDS) || probe.exitValue() != 0) {
            fail("FullDiskIT needs 'unshare -rm' (util-linux, user namespaces) to mount a small tmpfs: "
                    + new String(probe.getInputStream().readAllBytes()) + " (-Dcorridor.test.fulldisk=off skips it)");
        }
        Path disk = Files.createDirectories(work.resolve("disk"));
        Path copy = work.resolve("copy");
        Path log = work.resolve("broker.log");
        int port = EmbeddedKafkaBroker.freePort();
        String script = "mount -t tmpfs -o size=64m corridor-full-disk \"$1\" || exit 90; "
                + "\"$2\" -Xmx512m -cp \"$3\" " + BrokerProcess.class.getName() + " \"$1/data\" \"$4\"; rc=$?; "
                + "cp -a \"$1/data\" \"$5\"; exit $rc";
        Process broker = new ProcessBuilder("unshare", "-rm", "sh", "-c", script, "sh", disk.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), System.getProperty("java.class.path"),
                Integer.toString(port), copy.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !broker.isAlive() || Files.readString(log).contains("BrokerProcess ready"));
            // The output itself, not its path: the temporary directory is gone by the time anyone reads the report.
            assertThat(broker.isAlive()).as("broker started; exit %s, its output:%n%s",
                    broker.isAlive() ? "none" : broker.exitValue(), Files.readString(log)).isTrue();
            String bootstrap = "localhost:" + port;
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic("filling", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            Map<Long, Integer> acked = new ConcurrentHashMap<>();
            AtomicReference<Exception> firstError = new AtomicReference<>();
            Map<String, Object> props = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000, ProducerConfig.LINGER_MS_CONFIG, 5));
            int sent = 0;
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
                // 200 MiB would not fit in 64 MiB: the loop ends when the broker stops taking writes.
                for (int i = 0; i < 6_400 && firstError.get() == null && broker.isAlive(); i++, sent++) {
                    final int n = i;
                    try {
                        producer.send(new ProducerRecord<>("filling", "k" + i, value(i)), (md, e) -> {
                            if (e == null) {
                                acked.put(md.offset(), n);
                            } else {
                                firstError.compareAndSet(null, e);
                            }
                        });
                    } catch (RuntimeException e) {
                        firstError.compareAndSet(null, e);
                    }
                }
                producer.flush();
            }
            assertThat(broker.waitFor(120, TimeUnit.SECONDS)).as("the broker stops once its disk is full").isTrue();
            String output = Files.readString(log);
            System.out.printf("full disk: %d sent, %d acknowledged (%.1f MiB), first error: %s%n", sent, acked.size(),
                    acked.size() * (double) VALUE_BYTES / (1 << 20), firstError.get());
            output.lines().filter(l -> l.contains("corridor: Kafka") || l.contains("No space left")).limit(3)
                    .forEach(l -> System.out.println("full disk: broker said: " + l));
            assertThat(firstError.get()).as("writes fail once the disk is full").isNotNull();
            assertThat(acked).as("something was written first").isNotEmpty();
            assertThat(broker.exitValue()).as("Kafka halts the broker; output in %s", log).isEqualTo(1);
            assertThat(output).contains("No space left on device")
                    .contains("corridor: Kafka halted this process (status 1")
                    .contains("(the disk is full)")
                    .contains("Free space on that disk");

            try (EmbeddedKafkaBroker again = EmbeddedKafkaBroker.singleNode(copy, 0, Map.of()).start(Duration.ofSeconds(90));
                 KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                         ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, again.bootstrapServers(),
                         ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.CHECK_CRCS_CONFIG, true),
                         new StringDeserializer(), new ByteArrayDeserializer())) {
                TopicPartition tp = new TopicPartition("filling", 0);
                consumer.assign(List.of(tp));
                consumer.seekToBeginning(List.of(tp));
                long end = consumer.endOffsets(List.of(tp)).get(tp);
                Map<Long, ConsumerRecord<String, byte[]>> read = new HashMap<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (consumer.position(tp) < end && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(500)).forEach(r -> read.put(r.offset(), r));
                }
                System.out.printf("full disk: after recovery %d records on the log (end offset %d), %d acknowledged%n",
                        read.size(), end, acked.size());
                assertThat(read).as("every offset up to the end, none torn").hasSize((int) end);
                for (Map.Entry<Long, Integer> a : acked.entrySet()) {
                    ConsumerRecord<String, byte[]> r = read.get(a.getKey());
                    assertThat(r).as("acknowledged offset %d", a.getKey()).isNotNull();
                    assertThat(r.key()).isEqualTo("k" + a.getValue());
                    assertThat(Arrays.equals(r.value(), value(a.getValue()))).as("value at offset %d", a.getKey()).isTrue();
                }
            }
        } finally {
            if (broker.isAlive()) {
                broker.destroyForcibly().waitFor();
            }
        }
    }
}
