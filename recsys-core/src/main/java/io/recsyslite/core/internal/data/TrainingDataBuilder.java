package io.recsyslite.core.internal.data;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.data.ItemMetadata;
import io.recsyslite.core.data.Sequences;
import io.recsyslite.core.data.TrainingData;

/** Builds {@link TrainingData} from event columns, and event columns back from a subset of its sequences. */
public final class TrainingDataBuilder {
    private TrainingDataBuilder() {
    }

    /** Training data from event columns over the given id indexes. */
    public static TrainingData build(IdIndex users, IdIndex items, EventColumns events, ConfidenceWeighting weighting,
                                     ItemMetadata metadata) {
        InteractionsBuilder.Built built = new InteractionsBuilder(weighting).build(events, users.size(), items.size());
        return new TrainingData(users, items, built.interactions(), built.sequences(), metadata, weighting);
    }

    /** The same ids, metadata and weighting over another set of events (e.g. a training split). */
    public static TrainingData withEvents(TrainingData data, EventColumns events) {
        return build(data.users(), data.items(), events, data.weighting(), data.metadata());
    }

    /** The events of {@code sequences} whose user and position {@code keep} accepts, as columns. */
    public static EventColumns events(Sequences sequences, EventPredicate keep) {
        EventColumns out = new EventColumns(sequences.totalEvents());
        for (int u = 0; u < sequences.numUsers(); u++) {
            for (int p = sequences.start(u); p < sequences.end(u); p++) {
                if (keep.test(u, p)) {
                    out.add(u, sequences.item(p), sequences.timestamp(p), sequences.quantity(p),
                            sequences.typeWeight(p));
                }
            }
        }
        return out;
    }

    /** Selects events by user and sequence position. */
    @FunctionalInterface
    public interface EventPredicate {
        boolean test(int user, int pos);
    }
}
