package org.corridor.support.inbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.corridor.schemas.json.ResponseJson;
import org.corridor.support.files.DailyLines;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Appends each response as one JSON line (its REST form, {@link ResponseJson}, with {@code idempotencyKey}: the
 * response id) to {@code <dir>/<yyyy-MM-dd>.jsonl}, owner-only, forced to disk once per poll ({@link DailyLines}). A
 * response among the last lines already written is not written again, so the poll a restart replays appears once.
 * A write that fails delivers nothing of the poll: it is tried again.
 */
public final class InboxFileSink implements InboxSink {

    static final int RECENT_LINES = 2_000;
    private static final JsonMapper JSON = JsonMapper.shared();

    private final DailyLines lines;

    public InboxFileSink(Path dir, Clock clock) {
        this.lines = new DailyLines(dir, clock, RECENT_LINES);
    }

    @Override
    public Result deliver(List<InboxItem> items) {
        try {
            List<DailyLines.Line> fresh = new ArrayList<>(items.size());
            for (InboxItem item : items) {
                if (!lines.seen(item.idempotencyKey())) {
                    ObjectNode line = ResponseJson.write(item.response());
                    line.put("idempotencyKey", item.idempotencyKey());
                    fresh.add(new DailyLines.Line(item.idempotencyKey(), JSON.writeValueAsBytes(line)));
                }
            }
            lines.append(fresh);
            return Result.all(Collections.nCopies(items.size(), Outcome.DELIVERED));
        } catch (IOException e) {
            return new Result(List.of(), e);
        }
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    @Override
    public String toString() {
        return "files in " + lines.dir();
    }
}
