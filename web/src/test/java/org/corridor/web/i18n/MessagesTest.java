package org.corridor.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every label and message exists in English and in Russian, and every key a template names exists. */
class MessagesTest {

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"corridor-web", "corridor-login"})
    void bothLanguagesHaveTheSameKeysAndTheTemplatesNameOnlyKnownOnes(String app) throws IOException {
        Properties en = load("/" + app + "/messages.properties");
        Properties ru = load("/" + app + "/messages_ru.properties");
        assertThat(new TreeSet<>(ru.stringPropertyNames())).as("Russian keys").isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        // A name or code (one word: TLP, Corridor) reads the same in both; a sentence left in English does not.
        ru.forEach((k, v) -> {
            assertThat(v.toString()).as("Russian " + k).isNotBlank();
            if (en.getProperty(k.toString()).contains(" ")) {
                assertThat(v.toString()).as("Russian " + k + " is translated").isNotEqualTo(en.get(k));
            }
        });

        // A message with arguments goes through MessageFormat, where a lone ' starts a quote (and hides {0}).
        for (Properties language : List.of(en, ru)) {
            language.forEach((k, v) -> {
                String text = v.toString();
                if (text.matches("(?s).*\\{\\d.*")) {
                    assertThat(text.replace("''", "")).as(k + " has arguments: write ' as ''").doesNotContain("'");
                }
            });
        }

        // Literal keys only (#{compose.title}); keys built from data (#{'state.' + ...}) are checked by their prefix.
        Pattern literal = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]");
        Pattern prefix = Pattern.compile("#\\{'([a-zA-Z][\\w.]*\\.)' \\+");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources", app, "templates"))) {
            for (Path t : templates.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(t);
                Matcher m = literal.matcher(html);
                while (m.find()) {
                    if (!en.containsKey(m.group(1))) {
                        missing.add(t.getFileName() + ": " + m.group(1));
                    }
                }
                Matcher p = prefix.matcher(html);
                while (p.find()) {
                    String start = p.group(1);
                    if (en.stringPropertyNames().stream().noneMatch(k -> k.startsWith(start))) {
                        missing.add(t.getFileName() + ": " + start + "*");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
