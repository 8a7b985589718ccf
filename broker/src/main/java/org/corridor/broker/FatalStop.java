package org.corridor.broker;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka stops a node whose log directories failed (a full disk, an I/O error) by halting the whole JVM, with no word
 * on standard error. An embedded broker shares its JVM with Corridor's services, so before the halt this says why,
 * on standard error and in the log: the status, Kafka's message and each log directory's free space, and what to do.
 * Installed once per JVM when the first embedded broker starts; the halt itself is unchanged.
 */
final class FatalStop {

    private static final Logger log = LoggerFactory.getLogger(FatalStop.class);
    private static final Set<Path> LOG_DIRS = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private FatalStop() {
    }

    static void register(Path logDir) {
        LOG_DIRS.add(logDir.toAbsolutePath());
        if (INSTALLED.compareAndSet(false, true)) {
            Exit.setHaltProcedure((status, message) -> {
                report("halted", status, message);
                Runtime.getRuntime().halt(status);
            });
            Exit.setExitProcedure((status, message) -> {
                report("stopped", status, message);
                System.exit(status);
            });
        }
    }

    private static void report(String how, int status, String message) {
        String text = describe(how, status, message, Set.copyOf(LOG_DIRS));
        System.err.println(text);
        System.err.flush();
        log.error(text);
    }

    /** What the operator reads when Kafka ends the process. */
    static String describe(String how, int status, String message, Set<Path> logDirs) {
        StringBuilder s = new StringBuilder("corridor: Kafka ").append(how).append(" this process (status ").append(status);
        if (message != null && !message.isBlank()) {
            s.append(": ").append(message);
        }
        s.append(").");
        boolean full = false;
        for (Path dir : logDirs.stream().sorted().toList()) {
            s.append(" Log directory ").append(dir).append(": ");
            try {
                FileStore store = Files.getFileStore(Files.exists(dir) ? dir : dir.getParent());
                long free = store.getUsableSpace();
                long total = store.getTotalSpace();
                s.append(bytes(free)).append(" free of ").append(bytes(total));
                if (total > 0 && free < Math.max(1L << 20, total / 100)) {
                    s.append(" (the disk is full)");
                    full = true;
                }
                s.append('.');
            } catch (IOException | RuntimeException e) {
                s.append("cannot be read (").append(e.getMessage()).append(").");
            }
        }
        if (full) {
            s.append(" Free space on that disk, or move the data directory to a larger one, and start again:"
                    + " the broker checks and recovers its logs on start, and acknowledged alerts are kept.");
        } else {
            s.append(" The broker's log above says which directory failed and why.");
        }
        return s.toString();
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        double v = n;
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
