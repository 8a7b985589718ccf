package org.corridor.bench;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;

import org.corridor.bench.fanout.FanoutCommand;
import org.corridor.bench.history.HistoryCommand;
import org.corridor.bench.load.LoadCommand;
import org.corridor.bench.profile.ProfileCommand;
import org.corridor.bench.raw.RawCommand;
import org.corridor.bench.serde.SerdeBenchmark;
import org.corridor.schemas.SampleAlerts;
import org.corridor.schemas.avro.TraffickingAlert;
import org.corridor.schemas.json.AlertJson;
import org.corridor.schemas.registry.InMemorySchemaRegistryClient;
import org.corridor.support.serde.AvroSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The benchmark tools: load, lag, routed, fanout, history, soak, raw, profile, sizes. JMH runs through its own main, org.openjdk.jmh.Main. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Corridor's benchmark tools (bench/run.sh runs them all).",
        subcommands = {LoadCommand.class, org.corridor.bench.lag.LagCommand.class, org.corridor.bench.routed.RoutedCommand.class, FanoutCommand.class, HistoryCommand.class, org.corridor.bench.soak.SoakCommand.class, RawCommand.class, ProfileCommand.class, BenchCli.Sizes.class, CommandLine.HelpCommand.class})
public final class BenchCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCli()).execute(args));
    }

    /** Bytes of the typical alert and of 1,000 varied ones in Avro (Confluent format) and JSON. */
    @Command(name = "sizes", description = "Serialized sizes: Avro (Confluent wire format) against JSON.")
    static final class Sizes implements Callable<Integer> {
        @Override
        public Integer call() {
            AvroSerializer<TraffickingAlert> avro = new AvroSerializer<>(new InMemorySchemaRegistryClient(1), Map.of(), false);
            TraffickingAlert typical = SerdeBenchmark.typicalAlert();
            int a = avro.serialize("t", typical).length;
            int j = AlertJson.toJson(typical).getBytes(StandardCharsets.UTF_8).length;
            long avroSum = 0;
            long jsonSum = 0;
            for (int i = 0; i < 1000; i++) {
                TraffickingAlert r = SampleAlerts.random(i);
                avroSum += avro.serialize("t", r).length;
                jsonSum += AlertJson.toJson(r).getBytes(StandardCharsets.UTF_8).length;
            }
            System.out.printf("sizes: typical alert %d bytes Avro, %d bytes JSON (Avro %.0f%% smaller)%n", a, j, 100.0 * (j - a) / j);
            System.out.printf("sizes: 1,000 varied alerts, average %.0f bytes Avro, %.0f bytes JSON (Avro %.0f%% smaller)%n",
                    avroSum / 1000.0, jsonSum / 1000.0, 100.0 * (jsonSum - avroSum) / jsonSum);
            System.out.printf("{\"typicalAvroBytes\":%d,\"typicalJsonBytes\":%d,\"averageAvroBytes\":%.1f,\"averageJsonBytes\":%.1f}%n",
                    a, j, avroSum / 1000.0, jsonSum / 1000.0);
            return 0;
        }
    }
}
