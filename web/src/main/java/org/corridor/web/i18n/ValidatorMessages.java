package org.corridor.web.i18n;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exchange's validator messages in the reader's language. The validator speaks English (its messages name the
 * rule and quote the value); {@code corridor-web/validator-messages_ru.txt} holds each message's Russian with the
 * same quoted values. A message it does not know is given as the validator said it. Immutable, thread-safe.
 */
public final class ValidatorMessages {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");

    /** An English message as a pattern, and its translation with the same placeholders. */
    record Entry(String english, Pattern pattern, List<Integer> groups, String translation) {

        /** The translation of that message, or null when it is not this one. */
        String translate(String message) {
            Matcher m = pattern.matcher(message);
            if (!m.matches()) {
                return null;
            }
            Map<Integer, String> values = new HashMap<>();
            for (int g = 0; g < groups.size(); g++) {
                values.put(groups.get(g), m.group(g + 1));
            }
            Matcher p = PLACEHOLDER.matcher(translation);
            StringBuilder out = new StringBuilder();
            while (p.find()) {
                p.appendReplacement(out, Matcher.quoteReplacement(values.get(Integer.parseInt(p.group(1)))));
            }
            return p.appendTail(out).toString();
        }
    }

    private final List<Entry> russian;

    private ValidatorMessages(List<Entry> russian) {
        this.russian = List.copyOf(russian);
    }

    /** The translations bundled with the app. */
    public static ValidatorMessages bundled() {
        try (InputStream in = ValidatorMessages.class.getResourceAsStream("/corridor-web/validator-messages_ru.txt")) {
            if (in == null) {
                throw new IllegalStateException("corridor-web/validator-messages_ru.txt is not on the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code en:} / {@code ru:} line pairs; a pair whose placeholders differ is refused, named. */
    static ValidatorMessages parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        String english = null;
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("en: ") && english == null) {
                english = line.substring(4);
            } else if (line.startsWith("ru: ") && english != null) {
                entries.add(entry(english, line.substring(4), number));
                english = null;
            } else {
                throw new IllegalArgumentException("line " + number + ": expected " + (english == null ? "en: " : "ru: ")
                        + "and a message, was: " + line);
            }
        }
        if (english != null) {
            throw new IllegalArgumentException("the last en: line has no ru: line");
        }
        return new ValidatorMessages(entries);
    }

    private static Entry entry(String english, String translation, int line) {
        StringBuilder regex = new StringBuilder();
        List<Integer> groups = new ArrayList<>();
        Matcher p = PLACEHOLDER.matcher(english);
        int at = 0;
        while (p.find()) {
            regex.append(Pattern.quote(english.substring(at, p.start())));
            int n = Integer.parseInt(p.group(1));
            int seen = groups.indexOf(n);
            if (seen >= 0) {
                regex.append("\\").append(seen + 1);
            } else {
                groups.add(n);
                regex.append("(.+?)");
            }
            at = p.end();
        }
        regex.append(Pattern.quote(english.substring(at)));
        List<Integer> used = new ArrayList<>();
        PLACEHOLDER.matcher(translation).results().forEach(r -> used.add(Integer.parseInt(r.group(1))));
        if (!groups.containsAll(used) || !used.containsAll(groups)) {
            throw new IllegalArgumentException("line " + line + ": the translation's placeholders " + used
                    + " are not the message's " + groups);
        }
        return new Entry(english, Pattern.compile(regex.toString(), Pattern.DOTALL), groups, translation);
    }

    /** The message in that language: Russian when known, else as the validator said it. */
    public String say(String message, Locale locale) {
        if (message == null || locale == null || !locale.getLanguage().equals(TwoLanguages.RUSSIAN.getLanguage())) {
            return message;
        }
        for (Entry e : russian) {
            String said = e.translate(message);
            if (said != null) {
                return said;
            }
        }
        return message;
    }

    /** How many messages have a translation. */
    int size() {
        return russian.size();
    }

    /** Whether a Russian translation of that message is known. */
    boolean knows(String message) {
        return russian.stream().anyMatch(e -> e.translate(message) != null);
    }

    @Override
    public String toString() {
        return "ValidatorMessages[" + russian.size() + " Russian]";
    }
}
