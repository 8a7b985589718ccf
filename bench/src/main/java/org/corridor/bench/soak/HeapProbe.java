package org.corridor.bench.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live heap of a local JVM: the bytes of the live objects its class histogram counts
 * ({@code jcmd <pid> GC.class_histogram}, which runs a full GC first and counts only what survived it). The heap in
 * use that {@code GC.heap_info} reports right after a {@code GC.run} also counts what a busy JVM allocated since the
 * collection (178 MiB of young regions on the platform with history, docs/benchmarks.md). Needs {@code jcmd} on the
 * PATH or in {@code java.home}, and the same user as the target. Blocks for the GC (about a second on a 2 GiB heap).
 * Thread-safe.
 */
final class HeapProbe {

    /** The histogram's last line: {@code Total   <instances>   <bytes>}. */
    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

    private final long pid;

    HeapProbe(long pid) {
        this.pid = pid;
    }

    /** The live objects after a full GC, in MiB. */
    double liveMiB() throws IOException, InterruptedException {
        return liveMiB(jcmd("GC.class_histogram"));
    }

    /**
     * The total of a class histogram, in MiB.
     *
     * @throws IOException when the output has no total
     */
    static double liveMiB(String histogram) throws IOException {
        Matcher m = TOTAL.matcher(histogram);
        if (!m.find()) {
            String head = histogram.strip();
            throw new IOException("GC.class_histogram did not report a total: "
                    + (head.length() > 200 ? head.substring(0, 200) + "..." : head));
        }
        return Long.parseLong(m.group(1)) / 1048576.0;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        java.nio.file.Path local = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd");
        String exe = java.nio.file.Files.isExecutable(local) ? local.toString() : "jcmd";
        Process p = new ProcessBuilder(exe, Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroy();
            throw new IOException("jcmd " + pid + " " + command + " failed: " + output.strip());
        }
        return output;
    }
}
