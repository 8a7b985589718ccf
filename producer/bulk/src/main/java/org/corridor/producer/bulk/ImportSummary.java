package org.corridor.producer.bulk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What an import did.
 *
 * @param rows             data rows read
 * @param published        alerts the broker acknowledged
 * @param alreadyPublished rows whose alert id was already on the topic (or earlier in the file)
 * @param rejected         rows that were not valid, with reasons
 * @param failed           valid rows the broker did not take, with the error
 * @param rejectedFile     where the rejected rows were written, if any
 * @param took             wall-clock time
 */
public record ImportSummary(long rows, long published, long alreadyPublished, List<Problem> rejected,
                            List<Problem> failed, Path rejectedFile, Duration took) {

    /** A row and what went wrong with it. */
    public record Problem(long row, String reason) {
    }

    /** 0 when everything was published or already there, 1 when rows were rejected, 3 when the broker failed some. */
    public int exitCode() {
        return !failed.isEmpty() ? 3 : !rejected.isEmpty() ? 1 : 0;
    }
}
