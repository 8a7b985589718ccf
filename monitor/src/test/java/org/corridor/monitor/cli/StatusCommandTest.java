package org.corridor.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;

import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class StatusCommandTest {

    private static final String REPORT = """
            {"at":"2026-11-27T10:00:00Z","windowSeconds":60,
             "groups":[{"group":"corridor-router","state":"Empty","members":0,"status":"STOP","lag":340,"lagSeconds":75.2,
                        "explanation":"alerts.in.de-bka-0: no progress for 75 s (window 60 s): offset 1200, lag 340; no active members"}],
             "bodies":[{"body":"EUROPOL","status":"OK","lag":0,"delivered":12,"parked":1,"acknowledged":3,"escalated":0,"lastDelivered":null}],
             "deadLetters":{"total":2,"byReason":{"INVALID":2},"growthPerMinute":0.5,"recent":[],"parked":1},
             "latency":[{"stage":"routing","body":null,"p50":0.012,"p99":0.08,"p999":null,"count":100}],
             "returnChannel":{"measured":true,"countedAt":"2026-11-27T09:59:30Z",
                              "parties":[{"party":"body-caricc","kind":"body","id":"CARICC","openQuestions":2,"overdueQuestions":1,
                                          "inboxDelivered":5,"inboxFailed":1,"inboxRefused":0,"lastInboxDelivery":"2026-11-27T09:58:00Z"},
                                         {"party":"agency-tj-drug-control","kind":"agency","id":"tj-drug-control","openQuestions":2,
                                          "overdueQuestions":1,"inboxDelivered":7,"inboxFailed":0,"inboxRefused":0,"lastInboxDelivery":null}],
                              "feedback":[{"body":"UNODC","alerts":4,"withOutcome":3,"rate":0.75}]},
             "topics":[{"name":"alerts.feed.europol","kind":"feed","partitions":3,"replicationFactor":3,"underReplicated":1,
                        "offline":0,"records":20,"ratePerSecond":0.1}],
             "problems":["http://localhost:8083/actuator/prometheus: ConnectException"]}
            """;

    @Test
    void printsTheTableAndAsksForAttentionWhenAGroupStops() throws Exception {
        StringWriter text = new StringWriter();
        int exit = new StatusCommand().print(JsonMapper.shared().readTree(REPORT), new PrintWriter(text));
        assertThat(exit).isEqualTo(1);
        assertThat(text.toString())
                .contains("corridor-router                      STOP   Empty              0       340      75.2  alerts.in.de-bka-0: no progress")
                .contains("EUROPOL     OK            0         12       1             3          0  -")
                .contains("Dead letters: 2 {\"INVALID\":2}, 0.5 per minute over the window; parked deliveries: 1")
                .contains("Latency routing  p50 0.012 s  p99 0.080 s  p99.9 -  (100 measured)")
                .contains("Return channel (counted 2026-11-27T09:59:30Z)")
                .contains("body CARICC                         2        1               5       1        0  2026-11-27T09:58:00Z")
                .contains("agency tj-drug-control              2        1               7       0        0  -")
                .contains("Feedback UNODC       75 % of 4 alerts old enough have an outcome")
                .contains("topic alerts.feed.europol")
                .contains("not reachable: http://localhost:8083/actuator/prometheus");
    }

    @Test
    void anUnreachableMonitorIsExitCodeTwoWithAHint() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new StatusCommand()).setErr(new PrintWriter(err));
        assertThat(cli.execute("--monitor-url", "http://localhost:" + port)).isEqualTo(2);
        assertThat(err.toString()).contains("cannot reach the monitor at http://localhost:" + port).contains("./corridor up");
    }
}
