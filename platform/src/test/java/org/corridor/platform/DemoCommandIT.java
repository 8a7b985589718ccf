package org.corridor.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./corridor demo} on the secured platform: the scenario's table, then its return channel, CARICC's question,
 * the agency's answer to CARICC and UNODC's shared seizure, with who got each response.
 */
class DemoCommandIT {

    @TempDir
    Path data;

    @Test
    void theDemoTellsItsStoryOfAlertsAndResponses() throws Exception {
        try (EmbeddedPlatform platform = new EmbeddedPlatform(new PlatformSettings(data, 0, 0, 0, 0, 0, 0, null, null, false),
                Map.of()).start()) {
            StringWriter text = new StringWriter();
            CommandLine demo = new CommandLine(new DemoCommand());
            demo.setOut(new PrintWriter(text));
            int exit = demo.execute("--data-dir", data.toString(), "--rest-url", platform.restUrl(),
                    "--subscriber-url", platform.subscriberUrl(), "--bootstrap-servers", platform.bootstrapServers(),
                    "--schema-registry-url", platform.registryUrl());
            String out = text.toString();
            System.out.println(out);
            assertThat(exit).as(out).isZero();
            assertThat(out).contains("Return channel on alert 1, heroin via Tajikistan v2:");
            // AGNCY, then the bodies in the table's order: CARICC CICA CIS CSTO EUDA EUROPOL INCB INTERPOL OSCE PARIS_PACT SCO SELEC UNODC.
            assertThat(out).containsPattern("QUESTION +Was the cotton loaded in Kunduz\\? +CARICC +yes +yes +\\. +\\. +\\. +\\. +\\. +\\. +\\. +\\. +\\. +\\. +\\. +\\.\\s");
            assertThat(out).containsPattern("ANSWER +Yes, a Kunduz mill \\(the waybill\\) +tj-drug-control +yes +yes +\\. +\\. +\\. +\\. +\\. +\\. +\\. +\\. +\\. +\\. +\\. +\\.\\s");
            assertThat(out).containsPattern("OUTCOME +SEIZED 37 kg heroin, shared +UNODC +yes +yes +yes +yes +yes +\\. +\\. +\\. +yes +\\. +yes +yes +\\. +yes\\s");
        }
    }
}
