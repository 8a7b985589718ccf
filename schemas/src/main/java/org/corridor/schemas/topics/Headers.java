package org.corridor.schemas.topics;

/** Names of the Kafka record headers Corridor writes. Values are UTF-8 text. */
public final class Headers {

    /** agencyId of the publishing agency. */
    public static final String ORIGIN_AGENCY = "corridor-origin-agency";
    /** Trace id that follows an alert from publication to delivery. */
    public static final String TRACE_ID = "corridor-trace-id";
    /** TLP marking, on feed records. */
    public static final String TLP = "corridor-tlp";
    /** Comma-separated ids of the routing rules that matched, on feed records. */
    public static final String MATCHED_RULES = "corridor-matched-rules";
    /** Dead letters: why the record could not be routed. */
    public static final String DLQ_REASON = "corridor-dlq-reason";
    /** Dead letters: machine-readable reason code. */
    public static final String DLQ_REASON_CODE = "corridor-dlq-reason-code";
    /** Dead letters: topic, partition and offset the record came from. */
    public static final String DLQ_SOURCE_TOPIC = "corridor-dlq-source-topic";
    public static final String DLQ_SOURCE_PARTITION = "corridor-dlq-source-partition";
    public static final String DLQ_SOURCE_OFFSET = "corridor-dlq-source-offset";
    /** Parked feed records: the last delivery error. */
    public static final String PARKED_ERROR = "corridor-parked-error";

    private Headers() {
    }

    /**
     * Whether a trace id an agency sent may be passed on: 1 to 64 letters, digits, dots, underscores, colons and
     * hyphens (a UUID, a W3C trace id). Anything else (a megabyte of text, control characters) is replaced, never
     * copied into the feeds.
     */
    public static boolean isValidTraceId(String traceId) {
        // [A-Za-z0-9._:-]{1,64} as a plain scan, not a regular expression: the router checks every record it routes.
        if (traceId == null || traceId.isEmpty() || traceId.length() > 64) {
            return false;
        }
        for (int i = 0; i < traceId.length(); i++) {
            char c = traceId.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
