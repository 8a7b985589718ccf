package org.corridor.bench.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live heap of a local JVM: a full GC ({@code jcmd <pid> GC.run}), then the heap in use it reports
 * ({@code jcmd <pid> GC.heap_info}). Needs {@code jcmd} on the PATH or in {@code java.home}, and the same user as the
 * target. Blocks for the GC (about a second on a 2 GiB heap). Thread-safe.
 */
final class HeapProbe {

    /** G1's {@code garbage-first heap   total 2097152K, used 345678K [...]}, and the other collectors' same shape. */
    private static final Pattern USED = Pattern.compile("heap\\s+total\\s+\\d+K,\\s+used\\s+(\\d+)K");

    private final long pid;

    HeapProbe(long pid) {
        this.pid = pid;
    }

    /** Heap in use after a full GC, in MiB. */
    double liveMiB() throws IOException, InterruptedException {
        jcmd("GC.run");
        return usedMiB(jcmd("GC.heap_info"));
    }

    /**
     * The heap in use that {@code GC.heap_info} reports, in MiB.
     *
     * @throws IOException when the output does not say
     */
    static double usedMiB(String heapInfo) throws IOException {
        Matcher m = USED.matcher(heapInfo);
        if (!m.find()) {
            throw new IOException("GC.heap_info did not report the heap in use: " + heapInfo.strip());
        }
        return Long.parseLong(m.group(1)) / 1024.0;
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
