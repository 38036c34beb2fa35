package io.recsyslite.examples.cli;

import io.recsyslite.internal.sample.SampleShopConfig;
import io.recsyslite.internal.sample.SampleShopGenerator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code recsys-lite generate-sample}: a deterministic synthetic shop in the data contract. */
@Command(name = "generate-sample", mixinStandardHelpOptions = true,
        description = "Write a synthetic shop (events.parquet + items.csv) for demos and benchmarks.")
final class GenerateSampleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "Directory to write events.parquet and items.csv into.")
    Path out;

    @Option(names = "--events", defaultValue = "100000", description = "Number of events (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--users", description = "Number of users (default: scales with --events).")
    Integer users;

    @Option(names = "--items", description = "Number of items (default: scales with --events).")
    Integer items;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        SampleShopConfig config = SampleShopConfig.ofEvents(events).withSeed(seed);
        if (users != null) {
            config = config.withUsers(users);
        }
        if (items != null) {
            config = config.withItems(items);
        }
        spec.commandLine().getErr().printf("Generating %,d events for %,d users and %,d items...%n",
                config.events(), config.users(), config.items());
        ConsoleProgress progress = ConsoleProgress.onStderr(spec);
        new SampleShopGenerator(config).writeTo(out, progress);
        progress.finish();
        spec.commandLine().getOut().printf("Wrote %s and %s%n", out.resolve("events.parquet"), out.resolve("items.csv"));
        return 0;
    }
}
