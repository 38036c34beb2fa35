package io.recsyslite.core.testing;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.data.ItemMetadata;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.internal.data.EventColumns;
import io.recsyslite.core.internal.data.TrainingDataBuilder;

/** Small hand-made training data for tests. */
public final class TinyData {
    private TinyData() {
    }

    /** 3 users x 5 items: u0 saw i0,i1; u1 saw i1,i2; u2 saw nothing. */
    public static TrainingData threeUsers() {
        EventColumns e = new EventColumns();
        e.add(0, 0, 1_700_000_000L, 1);
        e.add(0, 1, 1_700_000_100L, 1);
        e.add(1, 1, 1_700_000_000L, 2);
        e.add(1, 2, 1_700_000_200L, 1);
        return TrainingDataBuilder.build(IdIndex.of("u0", "u1", "u2"), IdIndex.of("i0", "i1", "i2", "i3", "i4"), e,
                ConfidenceWeighting.byQuantity(), ItemMetadata.empty(5));
    }
}
