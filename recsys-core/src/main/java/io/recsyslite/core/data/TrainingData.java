package io.recsyslite.core.data;

import java.util.Objects;

/**
 * Everything a trainer gets: id indexes, the confidence matrix, time-ordered sequences and item
 * metadata. The item index covers the whole catalogue, so items without interactions (cold start)
 * have a dense int too. Immutable.
 *
 * @param users        user ids
 * @param items        item ids (catalogue and every item seen in events)
 * @param interactions user x item confidences
 * @param sequences    per-user time-ordered events
 * @param metadata     per-item attributes aligned with {@code items}
 * @param weighting    how events became confidences (kept so subsets are built the same way)
 */
public record TrainingData(IdIndex users, IdIndex items, Interactions interactions, Sequences sequences,
                           ItemMetadata metadata, ConfidenceWeighting weighting) {
    public TrainingData {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(items, "items");
        if (interactions.numUsers() != users.size() || interactions.numItems() != items.size()
                || sequences.numUsers() != users.size() || metadata.size() != items.size()) {
            throw new IllegalArgumentException("training data parts disagree in size");
        }
    }

    public int numUsers() {
        return users.size();
    }

    public int numItems() {
        return items.size();
    }
}
