package org.corridor.producer.publish.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** docs/api.md shows the example program exactly as it is compiled and run by {@link PublishExampleIT}. */
class PublishExampleDocsTest {

    @Test
    void apiDocsShowTheCompiledExample() throws IOException {
        String source = Files.readString(Path.of("src/test/java/org/corridor/producer/publish/example/PublishExample.java"));
        String docs = Files.readString(Path.of("../../docs/api.md"));
        assertThat(docs).contains("```java\n" + source + "```\n");
        assertThat(docs).contains("<artifactId>publisher</artifactId>").contains("<version>0.1.0-SNAPSHOT</version>");
    }
}
