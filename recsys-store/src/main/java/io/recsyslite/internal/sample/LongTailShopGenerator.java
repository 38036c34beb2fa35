package io.recsyslite.internal.sample;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.Sequences;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.internal.data.EventColumns;
import io.recsyslite.core.internal.data.TrainingDataBuilder;
import java.util.SplittableRandom;

/**
 * A long-tail shop whose event order carries no signal: the {@link SampleShopGenerator} shop with a
 * catalogue about ten times its usual size for the events (most items then have at most three
 * interactions), and each user's timestamps shuffled among that user's events, as when a shop
 * imports orders without a reliable time. Default size: 17,600 items, 1,900 users, 92,800 events.
 * Deterministic for a seed; thread-safe.
 */
public final class LongTailShopGenerator {
    private final SampleShopConfig config;

    public LongTailShopGenerator(SampleShopConfig config) {
        this.config = config;
    }

    /** The default long-tail shop for {@code seed}. */
    public static LongTailShopGenerator ofSeed(long seed) {
        return new LongTailShopGenerator(SampleShopConfig.ofEvents(92_800).withUsers(1_900).withItems(17_600)
                .withSeed(seed));
    }

    public SampleShopConfig config() {
        return config;
    }

    /** The shop in memory, every user's events in a random order. */
    public TrainingData trainingData(ConfidenceWeighting weighting) {
        TrainingData ordered = new SampleShopGenerator(config).trainingData(weighting);
        Sequences sequences = ordered.sequences();
        SplittableRandom random = new SplittableRandom(config.seed() ^ 0x7F4A7C15L);
        EventColumns shuffled = new EventColumns(sequences.totalEvents());
        for (int u = 0; u < sequences.numUsers(); u++) {
            long[] ts = sequences.timestamps(u);
            for (int i = ts.length - 1; i > 0; i--) { // Fisher-Yates over the user's timestamps
                int j = random.nextInt(i + 1);
                long swap = ts[i];
                ts[i] = ts[j];
                ts[j] = swap;
            }
            for (int p = sequences.start(u), k = 0; p < sequences.end(u); p++, k++) {
                shuffled.add(u, sequences.item(p), ts[k], sequences.quantity(p));
            }
        }
        return TrainingDataBuilder.withEvents(ordered, shuffled);
    }
}
