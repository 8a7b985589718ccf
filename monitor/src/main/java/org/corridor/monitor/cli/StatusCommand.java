package org.corridor.monitor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code status}: prints the monitor's report. Exit 0 all OK, 1 something needs attention, 2 monitor unreachable. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show consumer groups, per-body delivery state, dead letters and topic problems, from the monitor's "
                + "JSON API. Exit code 0: all OK; 1: a group is STALL/STOP/REWIND or a partition is offline or "
                + "under-replicated; 2: the monitor cannot be reached.")
public final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--monitor-url", defaultValue = "${env:CORRIDOR_MONITOR_URL:-http://localhost:8084}",
            description = "the monitor (${DEFAULT-VALUE})")
    String monitorUrl;

    @Option(names = "--data-dir", defaultValue = "${env:CORRIDOR_DATA_DIR:-./data}",
            description = "the platform's data directory, whose credentials.properties holds the operator's password (http-operator)")
    java.nio.file.Path dataDir;

    @Option(names = "--all-topics", description = "list every topic, not only those with a problem")
    boolean allTopics;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JsonNode report;
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                    .send(operator(HttpRequest.newBuilder(URI.create(monitorUrl.replaceAll("/+$", "") + "/api/v1/health")))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                err.println("corridor: the monitor at " + monitorUrl + " answered HTTP " + response.statusCode() + ": "
                        + response.body());
                return 2;
            }
            report = JsonMapper.shared().readTree(response.body());
        } catch (IOException | JacksonException e) {
            err.println("corridor: cannot reach the monitor at " + monitorUrl + " (" + e.getClass().getSimpleName()
                    + "); is ./corridor up running?");
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
        return print(report, out);
    }

    /** The operator's basic credentials from the data directory, when there are any (the monitor answers 401 otherwise). */
    private HttpRequest.Builder operator(HttpRequest.Builder request) throws IOException {
        java.nio.file.Path file = dataDir.resolve("credentials.properties");
        if (!java.nio.file.Files.isReadable(file)) {
            return request;
        }
        java.util.Properties p = new java.util.Properties();
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(file)) {
            p.load(in);
        }
        String password = p.getProperty("http-" + org.corridor.support.http.HttpParty.OPERATOR_USER);
        return password == null ? request : request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((org.corridor.support.http.HttpParty.OPERATOR_USER + ":" + password)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    int print(JsonNode r, PrintWriter out) {
        boolean attention = false;
        out.printf("Corridor status at %s (window %d s)%n%n", r.path("at").asString(), r.path("windowSeconds").asLong());
        out.printf("%-36s %-6s %-12s %7s %9s %9s  %s%n", "GROUP", "STATUS", "STATE", "MEMBERS", "LAG", "LAG (S)", "WHY");
        for (JsonNode g : r.path("groups")) {
            String status = g.path("status").asString();
            attention |= status.equals("STALL") || status.equals("STOP") || status.equals("REWIND");
            out.printf("%-36s %-6s %-12s %7d %9d %9.1f  %s%n", g.path("group").asString(), status, g.path("state").asString(),
                    g.path("members").asInt(), g.path("lag").asLong(), g.path("lagSeconds").asDouble(), g.path("explanation").asString());
        }
        out.println();
        out.printf("%-11s %-6s %8s %10s %7s %13s %10s  %s%n", "BODY", "STATUS", "LAG", "DELIVERED", "PARKED", "ACKNOWLEDGED",
                "ESCALATED", "LAST DELIVERY");
        for (JsonNode b : r.path("bodies")) {
            out.printf("%-11s %-6s %8d %10d %7d %13d %10d  %s%n", b.path("body").asString(), b.path("status").asString(),
                    b.path("lag").asLong(), b.path("delivered").asLong(), b.path("parked").asLong(),
                    b.path("acknowledged").asLong(), b.path("escalated").asLong(),
                    b.path("lastDelivered").isNull() ? "-" : b.path("lastDelivered").asString());
        }
        printReturnChannel(r.path("returnChannel"), out);
        JsonNode d = r.path("deadLetters");
        out.printf("%nDead letters: %d%s, %.1f per minute over the window; parked deliveries: %d%n", d.path("total").asLong(),
                d.path("byReason").isEmpty() ? "" : " " + d.path("byReason"), d.path("growthPerMinute").asDouble(),
                d.path("parked").asLong());
        for (JsonNode l : r.path("latency")) {
            if (l.path("body").isNull() || l.path("body").isMissingNode()) {
                out.printf(Locale.ROOT, "Latency %-8s p50 %s  p99 %s  p99.9 %s  (%d measured)%n", l.path("stage").asString(),
                        seconds(l.path("p50")), seconds(l.path("p99")), seconds(l.path("p999")), l.path("count").asLong());
            }
        }
        int problems = 0;
        out.println();
        for (JsonNode t : r.path("topics")) {
            boolean bad = t.path("offline").asInt() > 0 || t.path("underReplicated").asInt() > 0;
            attention |= bad;
            if (bad || allTopics) {
                problems += bad ? 1 : 0;
                out.printf("topic %-36s %-12s partitions %3d  rf %d  under-replicated %d  offline %d  records %d  %.1f/s%n",
                        t.path("name").asString(), t.path("kind").asString(), t.path("partitions").asInt(),
                        t.path("replicationFactor").asInt(), t.path("underReplicated").asInt(), t.path("offline").asInt(),
                        t.path("records").asLong(), t.path("ratePerSecond").asDouble());
            }
        }
        if (!allTopics) {
            out.printf("%d topics, %d with offline or under-replicated partitions%n", r.path("topics").size(), problems);
        }
        for (JsonNode p : r.path("problems")) {
            out.println("not reachable: " + p.asString());
        }
        out.flush();
        return attention ? 1 : 0;
    }

    /**
     * Questions and inbox deliveries per party that has any, feedback per body that has alerts old enough; nothing
     * when the report has no return channel.
     */
    private static void printReturnChannel(JsonNode rc, PrintWriter out) {
        if (rc.isMissingNode() || (rc.path("parties").isEmpty() && rc.path("feedback").isEmpty())) {
            return;
        }
        boolean measured = rc.path("measured").asBoolean();
        out.printf("%nReturn channel%s%n", measured ? " (counted " + rc.path("countedAt").asString() + ")"
                : " (questions and feedback not measured: the agency service was not scraped)");
        out.printf("%-30s %6s %8s %15s %7s %8s  %s%n", "PARTY", "OPEN", "OVERDUE", "INBOX DELIVERED", "FAILED", "REFUSED",
                "LAST INBOX DELIVERY");
        for (JsonNode p : rc.path("parties")) {
            if (p.path("openQuestions").asLong() + p.path("inboxDelivered").asLong() + p.path("inboxFailed").asLong()
                    + p.path("inboxRefused").asLong() == 0) {
                continue;
            }
            out.printf("%-30s %6s %8s %15d %7d %8d  %s%n", p.path("kind").asString() + " " + p.path("id").asString(),
                    measured ? Long.toString(p.path("openQuestions").asLong()) : "-",
                    measured ? Long.toString(p.path("overdueQuestions").asLong()) : "-", p.path("inboxDelivered").asLong(),
                    p.path("inboxFailed").asLong(), p.path("inboxRefused").asLong(),
                    p.path("lastInboxDelivery").isNull() || p.path("lastInboxDelivery").isMissingNode() ? "-"
                            : p.path("lastInboxDelivery").asString());
        }
        for (JsonNode f : rc.path("feedback")) {
            if (f.path("alerts").asLong() == 0) {
                continue;
            }
            out.printf(Locale.ROOT, "Feedback %-11s %s of %d alerts old enough have an outcome%n", f.path("body").asString(),
                    f.path("rate").isNumber() ? Math.round(f.path("rate").asDouble() * 100) + " %" : "-", f.path("alerts").asLong());
        }
    }

    private static String seconds(JsonNode n) {
        return n.isNumber() ? String.format(Locale.ROOT, "%.3f s", n.asDouble()) : "-";
    }
}
