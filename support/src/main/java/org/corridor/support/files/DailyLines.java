package org.corridor.support.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.corridor.support.security.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends lines to {@code <dir>/<yyyy-MM-dd>.jsonl} (UTC day of the write), owner-only, and forces them to disk before
 * {@link #append} returns; a new file each day. Each line carries its key as {@code "idempotencyKey":"..."}: the keys
 * of the last {@code recent} lines are remembered (read back from the file when it is opened), so a caller can skip
 * what it already wrote, as after a restart that replays its last poll. When it opens a file whose last line is
 * incomplete (the process died in the middle of a write) it cuts that line off, so readers only ever see whole lines.
 * A write that fails closes the file: the next append reopens it and cuts off what the failure left. Not
 * thread-safe: its owner serialises calls.
 */
public final class DailyLines implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DailyLines.class);
    private static final int TAIL_BYTES = 8 << 20;
    private static final Pattern KEY = Pattern.compile("\"idempotencyKey\":\"([^\"]+)\"");

    /** One line to append: its key and its JSON (without the newline). */
    public record Line(String key, byte[] json) {
    }

    private final LinkedHashSet<String> recent = new LinkedHashSet<>();
    private final Path dir;
    private final Clock clock;
    private final int remembered;
    private LocalDate day;
    private FileChannel channel;

    /** @param remembered how many of the last lines' keys {@link #seen} knows */
    public DailyLines(Path dir, Clock clock, int remembered) {
        this.dir = dir;
        this.clock = clock;
        this.remembered = remembered;
    }

    /**
     * Whether a line with this key is among the last ones of today's file. Opens today's file first, so that after a
     * restart the keys read back from it count.
     */
    public boolean seen(String key) throws IOException {
        channelFor(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        return recent.contains(key);
    }

    /** Appends the lines, each followed by a newline, and forces them to disk. */
    public void append(List<Line> lines) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        FileChannel out = channelFor(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        int size = lines.stream().mapToInt(l -> l.json().length + 1).sum();
        ByteBuffer bytes = ByteBuffer.allocate(size);
        lines.forEach(l -> bytes.put(l.json()).put((byte) '\n'));
        bytes.flip();
        try {
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(false);
            lines.forEach(l -> remember(l.key()));
        } catch (IOException e) {
            // A full disk, say: part of a line may be written. Reopening cuts it off before the retry appends.
            close();
            throw e;
        }
    }

    /** Where the lines go. */
    public Path dir() {
        return dir;
    }

    private FileChannel channelFor(LocalDate today) throws IOException {
        if (!today.equals(day) || channel == null) {
            close();
            OwnerOnly.directory(dir);
            Path file = OwnerOnly.file(dir.resolve(today + ".jsonl"));
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            cutIncompleteLine(channel, file);
            rememberTail(channel);
            day = today;
        }
        return channel;
    }

    private void remember(String key) {
        recent.add(key);
        if (recent.size() > remembered) {
            recent.remove(recent.iterator().next());
        }
    }

    /** Reads the keys of the file's last lines (at most {@code remembered}, from the last 8 MiB). */
    private void rememberTail(FileChannel file) throws IOException {
        long end = file.position();
        long from = Math.max(0, end - TAIL_BYTES);
        ByteBuffer tail = ByteBuffer.allocate((int) (end - from));
        while (tail.hasRemaining() && file.read(tail, from + tail.position()) >= 0) {
            // read the whole tail
        }
        String text = new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8);
        List<String> keys = new ArrayList<>();
        Matcher m = KEY.matcher(text);
        while (m.find()) {
            keys.add(m.group(1));
        }
        keys.subList(Math.max(0, keys.size() - remembered), keys.size()).forEach(this::remember);
    }

    /** Positions the channel after the last newline, cutting off a line a crash left half-written. */
    private static void cutIncompleteLine(FileChannel file, Path path) throws IOException {
        long size = file.size();
        long end = size;
        ByteBuffer block = ByteBuffer.allocate(64 * 1024);
        search:
        while (end > 0) {
            long from = Math.max(0, end - block.capacity());
            block.clear().limit((int) (end - from));
            while (block.hasRemaining() && file.read(block, from + block.position()) >= 0) {
                // read the whole block
            }
            for (int i = block.position() - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    end = from + i + 1;
                    break search;
                }
            }
            end = from;
        }
        if (end < size) {
            log.warn("{}: cutting off an incomplete last line of {} bytes left by an interrupted write", path, size - end);
            file.truncate(end);
            file.force(false);
        }
        file.position(end);
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
        day = null;
    }
}
