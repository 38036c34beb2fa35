package io.recsyslite.benchmarks.robustness;

import io.recsyslite.benchmarks.report.MovieLensLoader;
import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.data.ItemMetadata;
import io.recsyslite.core.data.Sequences;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.internal.data.EventColumns;
import io.recsyslite.core.internal.data.TrainingDataBuilder;
import io.recsyslite.core.internal.eval.BenchmarkProtocol;
import io.recsyslite.core.internal.eval.Splitter;
import io.recsyslite.internal.sample.LongTailShopGenerator;
import io.recsyslite.internal.sample.SampleShopConfig;
import io.recsyslite.internal.sample.SampleShopGenerator;
import io.recsyslite.internal.sample.SessionStreamGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The suite's datasets: the full set over MovieLens 100k and generated data, and a tiny smoke set. */
final class SuiteDatasets {
    /** Events further apart than this start a new MovieLens session. */
    static final long SESSION_GAP_SECONDS = 30 * 60;

    private SuiteDatasets() {
    }

    static List<SuiteDataset> full(Path movieLens, long seed) throws IOException {
        TrainingData ml = MovieLensLoader.load(movieLens);
        return List.of(
                SuiteDataset.topN("ml100k-last", "MovieLens 100k, each user's last rating by time held out",
                        ml, BenchmarkProtocol::split),
                SuiteDataset.topN("ml100k-random", "MovieLens 100k, one random rated item per user held out",
                        ml, Splitter.randomOneOut(seed)),
                longTail(LongTailShopGenerator.ofSeed(seed), seed),
                sessionStream(new SessionStreamGenerator(3_000, 2_000, 5, seed)),
                SuiteDataset.sessions("ml100k-sessions", "MovieLens 100k cut into sessions at gaps over 30 min "
                        + "(sessions of 2+ ratings, one \"user\" each), last item of each session held out",
                        movieLensSessions(ml, SESSION_GAP_SECONDS)));
    }

    /** Seconds to build and run: a few thousand generated events per protocol. */
    static List<SuiteDataset> smoke(long seed) {
        TrainingData shop = new SampleShopGenerator(SampleShopConfig.ofEvents(4_000).withSeed(seed))
                .trainingData(ConfidenceWeighting.binary());
        return List.of(
                SuiteDataset.topN("smoke-last", "generated shop, 4k events, last event per user held out",
                        shop, BenchmarkProtocol::split),
                longTail(new LongTailShopGenerator(SampleShopConfig.ofEvents(4_000).withUsers(200).withItems(1_500)
                        .withSeed(seed)), seed),
                sessionStream(new SessionStreamGenerator(300, 150, 5, seed)));
    }

    private static SuiteDataset longTail(LongTailShopGenerator generator, long seed) {
        TrainingData data = generator.trainingData(ConfidenceWeighting.binary());
        SampleShopConfig c = generator.config();
        return SuiteDataset.topN("longtail", String.format(Locale.ROOT, "generated long-tail shop (%d items, %d users, "
                + "%d events, %.0f%% of items with <= 3 interactions, random event order), one random item per user "
                + "held out", c.items(), c.users(), c.events(), 100 * shareWithAtMost(data, 3)),
                data, Splitter.randomOneOut(seed));
    }

    private static SuiteDataset sessionStream(SessionStreamGenerator generator) {
        TrainingData data = generator.trainingData(ConfidenceWeighting.binary());
        return SuiteDataset.sessions("session-stream", String.format(Locale.ROOT, "generated session stream "
                + "(%d sessions, %d items, %d views; next view follows an item-to-item transition), last item of "
                + "each session held out", data.numUsers(), data.numItems(), data.sequences().totalEvents()), data);
    }

    /** Items with at most {@code n} interactions, as a share of the items with any. */
    private static double shareWithAtMost(TrainingData data, int n) {
        int[] counts = new int[data.numItems()];
        Sequences seq = data.sequences();
        for (int p = 0; p < seq.totalEvents(); p++) {
            counts[seq.item(p)]++;
        }
        long seen = Arrays.stream(counts).filter(c -> c > 0).count();
        long few = Arrays.stream(counts).filter(c -> c > 0 && c <= n).count();
        return few / (double) Math.max(1, seen);
    }

    /** Each user's time-ordered events cut at gaps over {@code gapSeconds}; sessions of one event dropped. */
    static TrainingData movieLensSessions(TrainingData ml, long gapSeconds) {
        Sequences seq = ml.sequences();
        EventColumns events = new EventColumns(seq.totalEvents());
        List<String> ids = new ArrayList<>();
        for (int u = 0; u < seq.numUsers(); u++) {
            int start = seq.start(u);
            for (int p = seq.start(u) + 1; p <= seq.end(u); p++) {
                if (p == seq.end(u) || seq.timestamp(p) - seq.timestamp(p - 1) > gapSeconds) {
                    if (p - start >= 2) {
                        int session = ids.size();
                        ids.add(ml.users().idOf(u) + "#" + (start - seq.start(u)));
                        for (int q = start; q < p; q++) {
                            events.add(session, seq.item(q), seq.timestamp(q), 1f);
                        }
                    }
                    start = p;
                }
            }
        }
        return TrainingDataBuilder.build(IdIndex.of(ids), ml.items(), events, ConfidenceWeighting.binary(),
                ItemMetadata.empty(ml.numItems()));
    }
}
