package io.recsyslite.examples.cli;

import io.recsyslite.core.error.InvalidDataException;
import io.recsyslite.internal.store.IngestReport;
import io.recsyslite.internal.store.RecsysStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code recsys-lite ingest}: validated, transactional, idempotent ingest into DuckDB. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest events (Parquet or CSV) and items (CSV) into the DuckDB store.")
final class IngestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--events", description = "Events file: user_id, item_id, ts (unix seconds), qty.")
    Path events;

    @Option(names = "--items", description = "Items CSV: item_id, category, brand, price, img_url[, title, ...].")
    Path items;

    @Option(names = "--event-key", split = ",", defaultValue = "user_id,item_id,ts",
            description = "Columns identifying an event; a row whose key is stored already is skipped "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> eventKey;

    @Override
    public Integer call() {
        if (events == null && items == null) {
            throw new ParameterException(spec.commandLine(), "give --events, --items or both");
        }
        // Both files checked first: a typo must not leave half an ingest or a new empty store behind.
        for (Path file : new Path[] {items, events}) {
            if (file != null && !Files.isRegularFile(file)) {
                throw new InvalidDataException(file + ": no such file");
            }
        }
        ConsoleProgress progress = common.progress();
        try (RecsysStore store = RecsysStore.open(common.db(), Clock.systemUTC(), eventKey)) {
            // Items first, so the catalogue is there when events refer to it.
            if (items != null) {
                print(store.ingestItems(items, progress), progress);
            }
            if (events != null) {
                print(store.ingestEvents(events, progress), progress);
            }
            spec.commandLine().getOut().printf("%s now holds %,d events%n", common.db(), store.eventCount());
        }
        return 0;
    }

    private void print(IngestReport report, ConsoleProgress progress) {
        progress.finish();
        spec.commandLine().getOut().println(report.describe());
    }
}
