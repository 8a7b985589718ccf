package org.corridor.registry.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.corridor.registry.RegistryRunner;
import org.corridor.registry.api.Http;
import org.corridor.testsupport.KafkaBrokerExtension;
import org.corridor.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/** Eight threads registering the same schema at once, under one subject and under eight, get one id. */
@ExtendWith(KafkaBrokerExtension.class)
class ConcurrentRegistrationIT {

    private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"Same\",\"fields\":[{\"name\":\"f\",\"type\":\"long\"}]}";

    @Test
    void eightThreadsGetOneId(TestKafka kafka) throws Exception {
        try (ConfigurableApplicationContext registry = RegistryRunner.start(kafka.bootstrapServers(),
                "_schemas-concurrent-it", Map.of())) {
            Http http = new Http(RegistryRunner.url(registry));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                for (boolean sameSubject : new boolean[] {true, false}) {
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<Http.Response>> answers = new ArrayList<>();
                    for (int t = 0; t < 8; t++) {
                        String subject = sameSubject ? "shared-value" : "own-" + t + "-value";
                        answers.add(pool.submit(() -> {
                            start.await();
                            return http.post("/subjects/" + subject + "/versions", Http.schemaBody(SCHEMA));
                        }));
                    }
                    start.countDown();
                    Set<Integer> ids = new HashSet<>();
                    for (Future<Http.Response> answer : answers) {
                        Http.Response r = answer.get();
                        assertThat(r.status()).as(r.body()).isEqualTo(200);
                        ids.add(r.json().get("id").asInt());
                    }
                    assertThat(ids).hasSize(1);
                }
                assertThat(http.get("/subjects/shared-value/versions").body()).isEqualTo("[1]");
                assertThat(http.get("/schemas/ids/1/subjects").json()).hasSize(9);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
