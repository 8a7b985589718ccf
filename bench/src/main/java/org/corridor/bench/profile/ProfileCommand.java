package org.corridor.bench.profile;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code profile}: reads a JFR recording and shows where the selected threads spent their CPU samples: the hottest
 * methods (top of stack), the hottest packages, and the first Corridor frame under each sample.
 */
@Command(name = "profile", mixinStandardHelpOptions = true, description = "Summarise a JFR recording's execution samples.")
public final class ProfileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RECORDING", description = "a .jfr file")
    Path recording;

    @Option(names = "--threads", defaultValue = "corridor-router.*|kafka-producer-network-thread.*router.*",
            description = "regular expression of thread names (${DEFAULT-VALUE})")
    String threads;

    @Option(names = "--top", defaultValue = "15", description = "rows per table (${DEFAULT-VALUE})")
    int top;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Pattern selected = Pattern.compile(threads);
        Map<String, Integer> methods = new HashMap<>();
        Map<String, Integer> packages = new HashMap<>();
        Map<String, Integer> corridor = new HashMap<>();
        Map<String, Integer> threadNames = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            String thread = e.getThread("sampledThread") == null ? "" : e.getThread("sampledThread").getJavaName();
            RecordedStackTrace stack = e.getStackTrace();
            if (thread == null || !selected.matcher(thread).matches() || stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            threadNames.merge(thread.replaceAll("\\d+", "N"), 1, Integer::sum);
            RecordedFrame topFrame = stack.getFrames().get(0);
            String type = topFrame.getMethod().getType().getName();
            methods.merge(type + "." + topFrame.getMethod().getName(), 1, Integer::sum);
            packages.merge(type.contains(".") ? type.substring(0, type.lastIndexOf('.')) : type, 1, Integer::sum);
            for (RecordedFrame f : stack.getFrames()) {
                String t = f.getMethod().getType().getName();
                if (t.startsWith("org.corridor.")) {
                    corridor.merge(t.substring(t.lastIndexOf('.') + 1) + "." + f.getMethod().getName(), 1, Integer::sum);
                    break;
                }
            }
        }
        out.printf("profile: %d execution samples of threads matching %s%n", samples, threads);
        table(out, "threads", threadNames, samples);
        table(out, "hottest methods (self)", methods, samples);
        table(out, "hottest packages (self)", packages, samples);
        table(out, "first Corridor frame on the stack", corridor, samples);
        out.flush();
        return samples > 0 ? 0 : 1;
    }

    private void table(PrintWriter out, String title, Map<String, Integer> counts, int total) {
        out.printf("%n%s%n", title);
        List<Map.Entry<String, Integer>> rows = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top).toList();
        for (Map.Entry<String, Integer> r : rows) {
            out.printf("  %5.1f%%  %s%n", 100.0 * r.getValue() / Math.max(1, total), r.getKey());
        }
    }
}
