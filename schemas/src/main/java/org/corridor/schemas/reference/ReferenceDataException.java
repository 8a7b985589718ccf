package org.corridor.schemas.reference;

/** A reference-data file that cannot be used; fatal at startup. The message names the file, the line and the reason. */
public class ReferenceDataException extends RuntimeException {

    private final String file;
    private final long line;

    public ReferenceDataException(String file, long line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public ReferenceDataException(String file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.line = 0;
    }

    public String file() {
        return file;
    }

    /** 1-based line of the bad row; 0 when the whole file is at fault. */
    public long line() {
        return line;
    }
}
