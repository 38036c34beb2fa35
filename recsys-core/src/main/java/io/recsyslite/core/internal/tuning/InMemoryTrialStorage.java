package io.recsyslite.core.internal.tuning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Keeps trials in memory (tests, throw-away studies). Thread-safe. */
public final class InMemoryTrialStorage implements TrialStorage {
    private final Map<String, List<Trial>> studies = new HashMap<>();

    @Override
    public synchronized List<Trial> load(String study) {
        List<Trial> trials = new ArrayList<>(studies.getOrDefault(study, List.of()));
        trials.sort(Comparator.comparingInt(Trial::number));
        return trials;
    }

    @Override
    public synchronized void save(String study, Trial trial) {
        studies.computeIfAbsent(study, s -> new ArrayList<>()).add(trial);
    }
}
