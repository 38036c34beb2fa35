package io.recsyslite.internal.sample;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.internal.data.EventColumns;
import io.recsyslite.core.internal.data.TrainingDataBuilder;
import io.recsyslite.core.spi.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A deterministic synthetic shop for demos, tests and benchmarks. Items have a category, brand,
 * price, title and image URL and a power-law popularity; each user prefers one to three categories
 * and shops in sessions (a few events minutes apart, sessions days apart over one year), sometimes
 * buys an item again, and mostly buys one piece (some two or three). Users' activity is heavy-tailed
 * too. Events are streamed out user by user, oldest first, without an object per event, so any size
 * fits; the same config always gives the same events. Thread-safe (generation keeps its state
 * local).
 */
public final class SampleShopGenerator {
    private static final long YEAR_SECONDS = 365L * 24 * 3600;
    private static final double REPEAT_PROBABILITY = 0.08;
    private static final double EXPLORE_PROBABILITY = 0.15;
    /** Continuing a session has probability 0.6, so sessions average 1 + 0.6 / 0.4 events. */
    private static final double SESSION_END_PROBABILITY = 0.4;
    private static final double MEAN_SESSION_LENGTH = 1 + (1 - SESSION_END_PROBABILITY) / SESSION_END_PROBABILITY;

    private final SampleShopConfig config;
    private final SampleCatalogue catalogue;

    public SampleShopGenerator(SampleShopConfig config) {
        this.config = config;
        this.catalogue = new SampleCatalogue(config.items(), config.categories(), config.seed());
    }

    public SampleShopConfig config() {
        return config;
    }

    public static String userId(int user) {
        return "user_" + user;
    }

    public static String itemId(int item) {
        return "item_" + item;
    }

    /** Streams all {@code config.events()} events into {@code sink}. */
    public void generate(EventSink sink) throws IOException {
        double[] activity = activityWeights();
        double total = 0;
        for (double a : activity) {
            total += a;
        }
        long spare = config.events() - config.users(); // events beyond the one every user gets
        long given = 0;
        double cumulative = 0;
        UserHistory history = new UserHistory();
        for (int u = 0; u < activity.length; u++) {
            cumulative += activity[u];
            long upTo = u == activity.length - 1 ? spare : (long) Math.floor(spare * (cumulative / total));
            int count = (int) (1 + upTo - given);
            given = upTo;
            history.reset(count);
            generateUser(u, count, history, sink);
        }
    }

    /** The generated shop in memory, without files: ids, events weighted as given, and metadata. */
    public TrainingData trainingData(ConfidenceWeighting weighting) {
        if (config.events() > Integer.MAX_VALUE - 8) {
            throw new InvalidParameterException("an in-memory shop holds at most " + (Integer.MAX_VALUE - 8)
                    + " events; use writeTo for " + config.events());
        }
        EventColumns events = new EventColumns((int) config.events());
        try {
            generate((user, item, ts, qty) -> events.add(user, item, ts, qty));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: the sink does no I/O
        }
        String[] itemIds = IntStream.range(0, config.items()).mapToObj(SampleShopGenerator::itemId)
                .toArray(String[]::new);
        IdIndex users = IdIndex.of(IntStream.range(0, config.users()).mapToObj(SampleShopGenerator::userId).toList());
        return TrainingDataBuilder.build(users, IdIndex.of(itemIds), events, weighting, catalogue.metadata());
    }

    /**
     * Writes {@code events.parquet} (user_id VARCHAR, item_id VARCHAR, ts BIGINT, qty INTEGER) and
     * {@code items.csv} (item_id,title,category,brand,price,img_url) into {@code dir}.
     */
    public void writeTo(Path dir) throws IOException {
        writeTo(dir, ProgressListener.NONE);
    }

    /** As {@link #writeTo(Path)}, reporting the stages "generate events" and "write parquet". */
    public void writeTo(Path dir, ProgressListener progress) throws IOException {
        new SampleShopFiles(this, catalogue).write(dir, progress);
    }

    /**
     * How much a user likes an item's category in the generator's own latent preferences: the share
     * of the user's sessions (not exploring) that shop in it, 0 for a category the user does not
     * prefer. The click model of {@link ShopperClickModel} reads it.
     */
    double categoryAffinity(int user, int item) {
        int[] preferred = preferredCategories(userRandom(user));
        int category = catalogue.category(item);
        return (double) Arrays.stream(preferred).filter(c -> c == category).count() / preferred.length;
    }

    private SplittableRandom userRandom(int user) {
        return new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + user);
    }

    /** One user's events: sessions of a few events in one category, days apart. */
    private void generateUser(int user, int count, UserHistory history, EventSink sink) throws IOException {
        SplittableRandom random = userRandom(user);
        int[] preferred = preferredCategories(random);
        // Sessions average 2.5 events; gaps are sized so a history fits in the year, and the rare
        // long tail is squeezed to hourly visits past its end (sample data must not lie in the future).
        double sessions = count / MEAN_SESSION_LENGTH;
        double meanGap = YEAR_SECONDS / (sessions + 1.5);
        long end = config.startTs() + YEAR_SECONDS;
        long ts = config.startTs() + (long) (random.nextDouble() * meanGap);
        int left = count;
        while (left > 0) {
            int category = random.nextDouble() < EXPLORE_PROBABILITY
                    ? catalogue.sampleCategory(random)
                    : preferred[random.nextInt(preferred.length)];
            int sessionLength = Math.min(left, 1 + geometric(random, SESSION_END_PROBABILITY));
            for (int e = 0; e < sessionLength; e++) {
                int item;
                if (history.size() > 0 && random.nextDouble() < REPEAT_PROBABILITY) {
                    item = history.get(random.nextInt(history.size()));
                } else {
                    item = newItem(category, history, random);
                }
                history.add(item);
                sink.accept(user, item, ts, quantity(random));
                ts += 15 + random.nextInt(300); // next click within minutes
            }
            left -= sessionLength;
            long gap = 3600 + (long) (-Math.log(1 - random.nextDouble()) * meanGap); // next visit, hours to days later
            ts = ts + gap <= end ? ts + gap : Math.max(end, ts + 3600);
        }
    }

    /**
     * An item by popularity, mostly from the session's category, redrawn a few times if the user
     * has it already: repeats then come at about {@link #REPEAT_PROBABILITY}, not from the head of
     * the popularity curve being drawn twice.
     */
    private int newItem(int category, UserHistory history, SplittableRandom random) {
        int item;
        int tries = 0;
        do {
            item = random.nextDouble() < 0.85 ? catalogue.sampleInCategory(category, random)
                    : catalogue.sampleAny(random);
        } while (history.contains(item) && ++tries < 5);
        return item;
    }

    /** One to three distinct categories, popular ones more likely; the first is preferred most. */
    private int[] preferredCategories(SplittableRandom random) {
        double r = random.nextDouble();
        int n = Math.min(catalogue.numCategories(), r < 0.5 ? 1 : r < 0.8 ? 2 : 3);
        int[] chosen = new int[n];
        for (int j = 0; j < n; j++) {
            int c;
            do {
                c = catalogue.sampleCategory(random);
            } while (contains(chosen, j, c));
            chosen[j] = c;
        }
        // weight 3:2:1 by listing the favourite more often
        return n == 1 ? chosen : n == 2 ? new int[] {chosen[0], chosen[0], chosen[1]}
                : new int[] {chosen[0], chosen[0], chosen[0], chosen[1], chosen[1], chosen[2]};
    }

    /** Heavy-tailed activity (Pareto, alpha 1.5, capped at 200x the least active user). */
    private double[] activityWeights() {
        SplittableRandom random = new SplittableRandom(config.seed() ^ 0x2545F4914F6CDD1DL);
        double[] w = new double[config.users()];
        for (int u = 0; u < w.length; u++) {
            w[u] = Math.min(200, Math.pow(1 - random.nextDouble(), -1 / 1.5));
        }
        return w;
    }

    private static int quantity(SplittableRandom random) {
        double r = random.nextDouble();
        return r < 0.85 ? 1 : r < 0.96 ? 2 : 3;
    }

    private static int geometric(SplittableRandom random, double p) {
        return (int) Math.min(20, Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - p)));
    }

    private static boolean contains(int[] values, int length, int value) {
        return Arrays.stream(values, 0, length).anyMatch(v -> v == value);
    }
}
