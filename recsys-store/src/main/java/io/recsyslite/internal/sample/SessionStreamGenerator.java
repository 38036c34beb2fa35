package io.recsyslite.internal.sample;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.internal.data.EventColumns;
import io.recsyslite.core.internal.data.TrainingDataBuilder;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A stream of anonymous browsing sessions whose next view depends on the current one: every item
 * has {@link #SUCCESSORS} fixed successors from its own category ("customers who viewed this next
 * viewed"), and a session walks them. A session starts at an item drawn by popularity (the
 * catalogue of {@link SampleCatalogue}), continues with probability {@code 1 - 1/meanLength}, and
 * each next view follows one of the current item's successors (probability 0.6, the first successor
 * most likely), or is another item of the same category (0.25), or any item by popularity. Each
 * session is one "user" {@code session_N}, its views 30 seconds apart, sessions ten minutes apart.
 * Deterministic for a seed; thread-safe.
 */
public final class SessionStreamGenerator {
    /** Successors per item. */
    public static final int SUCCESSORS = 4;
    private static final double[] SUCCESSOR_CUMULATIVE = {0.4, 0.7, 0.9, 1.0};
    private static final double FOLLOW_PROBABILITY = 0.6;
    private static final double SAME_CATEGORY_PROBABILITY = 0.25;
    private static final int MAX_LENGTH = 30;

    private final int sessions;
    private final double meanLength;
    private final long seed;
    private final SampleCatalogue catalogue;
    private final int[] successors;

    /**
     * @param sessions   number of sessions
     * @param items      catalogue size
     * @param meanLength mean views per session (> 1; sessions are cut at {@value #MAX_LENGTH})
     * @param seed       random seed
     */
    public SessionStreamGenerator(int sessions, int items, double meanLength, long seed) {
        if (sessions < 1 || items < SUCCESSORS + 1) {
            throw new InvalidParameterException("a session stream needs >= 1 session and > " + SUCCESSORS
                    + " items, was " + sessions + " sessions, " + items + " items");
        }
        if (!(meanLength > 1)) {
            throw new InvalidParameterException("meanLength must be > 1, was " + meanLength);
        }
        this.sessions = sessions;
        this.meanLength = meanLength;
        this.seed = seed;
        this.catalogue = new SampleCatalogue(items, Math.max(1, Math.min(30, items / 100)), seed);
        this.successors = new int[items * SUCCESSORS];
        SplittableRandom random = new SplittableRandom(seed ^ 0x3C6EF372FE94F82AL);
        for (int i = 0; i < items; i++) {
            for (int s = 0; s < SUCCESSORS; s++) {
                int next;
                int tries = 0;
                do { // a successor other than the item itself, unless its category has no other
                    next = catalogue.sampleInCategory(catalogue.category(i), random);
                } while (next == i && ++tries < 10);
                successors[i * SUCCESSORS + s] = next;
            }
        }
    }

    public static String sessionId(int session) {
        return "session_" + session;
    }

    /** All sessions in memory, one "user" per session, views in order. */
    public TrainingData trainingData(ConfidenceWeighting weighting) {
        int items = successors.length / SUCCESSORS;
        EventColumns events = new EventColumns(sessions * (int) Math.ceil(meanLength));
        SplittableRandom random = new SplittableRandom(seed);
        double endProbability = 1 / meanLength;
        for (int s = 0; s < sessions; s++) {
            long ts = SampleShopConfig.DEFAULT_START + 600L * s;
            int item = catalogue.sampleAny(random);
            events.add(s, item, ts, 1f);
            for (int v = 1; v < MAX_LENGTH && random.nextDouble() >= endProbability; v++) {
                item = next(item, random);
                ts += 30;
                events.add(s, item, ts, 1f);
            }
        }
        String[] itemIds = IntStream.range(0, items).mapToObj(SampleShopGenerator::itemId).toArray(String[]::new);
        IdIndex users = IdIndex.of(IntStream.range(0, sessions).mapToObj(SessionStreamGenerator::sessionId).toList());
        return TrainingDataBuilder.build(users, IdIndex.of(itemIds), events, weighting, catalogue.metadata());
    }

    private int next(int item, SplittableRandom random) {
        double r = random.nextDouble();
        if (r < FOLLOW_PROBABILITY) {
            double pick = random.nextDouble();
            int s = 0;
            while (pick >= SUCCESSOR_CUMULATIVE[s]) {
                s++;
            }
            return successors[item * SUCCESSORS + s];
        }
        if (r < FOLLOW_PROBABILITY + SAME_CATEGORY_PROBABILITY) {
            return catalogue.sampleInCategory(catalogue.category(item), random);
        }
        return catalogue.sampleAny(random);
    }
}
