package io.recsyslite.benchmarks.models2;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.data.ItemMetadata;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.internal.data.EventColumns;
import io.recsyslite.core.internal.data.TrainingDataBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads MovieLens u.data (user, item, rating, timestamp; tab-separated) as binary implicit events. */
final class MovieLens {
    private MovieLens() {
    }

    static TrainingData load(Path file) throws IOException {
        Map<String, Integer> users = new LinkedHashMap<>();
        Map<String, Integer> items = new LinkedHashMap<>();
        EventColumns events = new EventColumns(100_000);
        int row = 0;
        for (String line : Files.readAllLines(file)) {
            row++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 4) {
                throw new IOException(file + " row " + row + ": expected 4 tab-separated columns");
            }
            int u = users.computeIfAbsent(f[0], k -> users.size());
            int i = items.computeIfAbsent(f[1], k -> items.size());
            events.add(u, i, Long.parseLong(f[3].trim()), 1f);
        }
        return TrainingDataBuilder.build(IdIndex.of(new ArrayList<>(users.keySet())), IdIndex.of(List.copyOf(items.keySet())),
                events, ConfidenceWeighting.binary(), ItemMetadata.empty(items.size()));
    }
}
