package io.recsyslite.benchmarks.report;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.data.ItemMetadata;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.error.InvalidDataException;
import io.recsyslite.core.internal.data.EventColumns;
import io.recsyslite.core.internal.data.TrainingDataBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a MovieLens {@code u.data} file (tab-separated user, item, rating, timestamp) as implicit
 * feedback: every rating is one positive event, binary confidence. Users and items are numbered in
 * ascending numeric id order, events keep file order. Stateless.
 */
public final class MovieLensLoader {
    private static final String[] COLUMNS = {"user", "item", "rating", "timestamp"};

    private MovieLensLoader() {
    }

    public static TrainingData load(Path file) throws IOException {
        List<long[]> rows = new ArrayList<>(); // raw user, raw item, timestamp
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length < 4) {
                    throw new InvalidDataException(file + " line " + lineNo + ": expected 4 tab-separated columns "
                            + "(user, item, rating, timestamp), found " + f.length);
                }
                rows.add(new long[] {number(f, 0, file, lineNo), number(f, 1, file, lineNo), number(f, 3, file, lineNo)});
            }
        }
        Map<Long, Integer> users = denseIds(rows, 0);
        Map<Long, Integer> items = denseIds(rows, 1);
        EventColumns events = new EventColumns(rows.size());
        for (long[] r : rows) {
            events.add(users.get(r[0]), items.get(r[1]), r[2], 1f);
        }
        return TrainingDataBuilder.build(idIndex(users), idIndex(items), events, ConfidenceWeighting.binary(),
                ItemMetadata.empty(items.size()));
    }

    private static long number(String[] fields, int column, Path file, int lineNo) {
        try {
            return Long.parseLong(fields[column].trim());
        } catch (NumberFormatException e) {
            throw new InvalidDataException(file + " line " + lineNo + " column " + (column + 1) + " ("
                    + COLUMNS[column] + "): not an integer: '" + fields[column] + "'");
        }
    }

    /** Raw id to dense int, dense ints in ascending raw id order. */
    private static Map<Long, Integer> denseIds(List<long[]> rows, int column) {
        List<Long> distinct = rows.stream().map(r -> r[column]).distinct().sorted(Comparator.naturalOrder()).toList();
        Map<Long, Integer> dense = new HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            dense.put(distinct.get(i), i);
        }
        return dense;
    }

    private static IdIndex idIndex(Map<Long, Integer> dense) {
        String[] ids = new String[dense.size()];
        dense.forEach((raw, i) -> ids[i] = Long.toString(raw));
        return IdIndex.of(ids);
    }
}
