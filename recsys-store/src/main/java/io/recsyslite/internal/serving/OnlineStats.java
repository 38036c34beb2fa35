package io.recsyslite.internal.serving;

import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.internal.eval.TwoProportionTest;
import io.recsyslite.internal.store.FeedbackCounts;
import io.recsyslite.internal.store.RecsysStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Online metrics of the recommendations served over the last {@code days} days, per A/B variant,
 * per day and overall, with the comparison of every variant against the first (the baseline) by a
 * {@link TwoProportionTest}: CTR is clicks per impression, the conversion rate conversions per
 * impression. Ratios are 0 when their denominator is 0. Written as JSON in snake_case this is the
 * shape of {@code GET /stats}.
 *
 * @param generatedAt           when it was computed
 * @param days                  the period
 * @param conversionWindowHours how long after a recommendation an add_to_cart or purchase of one of its items counts
 * @param variants              per variant, baseline first
 * @param daily                 per day (UTC) and variant
 * @param comparisons           each variant against the baseline (empty with one variant)
 * @param topItems              the most recommended items
 * @param eventsPerMinute       events of every type in each of the last 60 minutes
 */
public record OnlineStats(Instant generatedAt, int days, double conversionWindowHours, List<VariantStats> variants,
                          List<DailyStats> daily, List<Comparison> comparisons, List<TopItem> topItems,
                          List<MinuteEvents> eventsPerMinute) {
    /**
     * The model of a variant (null fields when unknown, e.g. for a variant no longer served).
     *
     * @param trainedAt      ISO-8601 time the model was saved
     * @param offlineMetrics the held-out metrics of model.json
     */
    public record ModelInfo(String algorithm, Map<String, Object> params, String trainedAt,
                            Map<String, Double> offlineMetrics, Path modelDir) {
    }

    /** @param trafficShare the configured share, or the observed share of answers for a variant not served now */
    public record VariantStats(String variant, double trafficShare, ModelInfo model, long recommendations,
                               long impressions, long clicks, double ctr, long conversions, double conversionRate,
                               double revenue, double catalogueCoverage) {
    }

    public record DailyStats(String day, String variant, long impressions, long clicks, double ctr, long conversions,
                             double conversionRate, double revenue) {
    }

    /** A variant against the baseline: differences in CTR and conversion rate with their intervals. */
    public record Comparison(String baseline, String variant, String method, double confidenceLevel,
                             TwoProportionTest.Result ctr, TwoProportionTest.Result conversionRate) {
    }

    public record TopItem(String itemId, String title, long recommended, long impressions, long clicks) {
    }

    public record MinuteEvents(Instant minute, long events) {
    }

    /** The top items listed. */
    static final int TOP_ITEMS = 10;

    /**
     * Computes the metrics from the store (e.g. for the CLI, without a server: {@code live} empty and
     * {@code split} null; the variants are those found in the served answers, in name order).
     *
     * @param live       the model each variant serves now
     * @param split      the traffic split served now, or null
     * @param confidence the confidence level of the comparisons, e.g. 0.95
     */
    public static OnlineStats compute(RecsysStore store, Map<String, ModelStatus> live, TrafficSplit split, int days,
                                      Duration conversionWindow, double confidence) {
        if (days < 1) {
            throw new InvalidParameterException("days must be at least 1, was " + days);
        }
        if (conversionWindow.isNegative() || conversionWindow.isZero()) {
            throw new InvalidParameterException("the conversion window must be positive, was " + conversionWindow);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new InvalidParameterException("the confidence level must be between 0 and 1, was " + confidence);
        }
        Instant now = store.now();
        FeedbackCounts counts = store.feedbackCounts(now.minus(Duration.ofDays(days)), conversionWindow, TOP_ITEMS);
        return of(counts, live, split, days, conversionWindow, confidence, now);
    }

    /**
     * Assembles the metrics from the store's counts and what is served now.
     *
     * @param live  the model each variant serves now (empty when computed without a server)
     * @param split the traffic split served now, or null
     */
    static OnlineStats of(FeedbackCounts counts, Map<String, ModelStatus> live, TrafficSplit split, int days,
                          Duration conversionWindow, double confidence, Instant now) {
        Map<String, FeedbackCounts.Variant> byName = new LinkedHashMap<>();
        if (split != null) {
            split.names().forEach(name -> byName.put(name, null));
        }
        counts.variants().forEach(v -> byName.put(v.variant(), v));
        long allAnswers = counts.variants().stream().mapToLong(FeedbackCounts.Variant::recommendations).sum();
        List<VariantStats> variants = new ArrayList<>();
        byName.forEach((name, c) -> {
            FeedbackCounts.Variant n = c != null ? c : new FeedbackCounts.Variant(name, null, 0, 0, 0, 0, 0, 0);
            double share = split != null && split.names().contains(name) ? split.share(name)
                    : TwoProportionTest.rate(n.recommendations(), allAnswers);
            variants.add(new VariantStats(name, share, model(live.get(name), n.algorithm()), n.recommendations(),
                    n.impressions(), n.clicks(), TwoProportionTest.rate(n.clicks(), n.impressions()), n.conversions(),
                    TwoProportionTest.rate(n.conversions(), n.impressions()), n.revenue(),
                    TwoProportionTest.rate(n.distinctItemsServed(), counts.catalogueSize())));
        });
        List<Comparison> comparisons = new ArrayList<>();
        for (int i = 1; i < variants.size(); i++) {
            VariantStats base = variants.get(0);
            VariantStats v = variants.get(i);
            comparisons.add(new Comparison(base.variant(), v.variant(), TwoProportionTest.METHOD, confidence,
                    TwoProportionTest.test(base.clicks(), base.impressions(), v.clicks(), v.impressions(), confidence),
                    TwoProportionTest.test(Math.min(base.conversions(), base.impressions()), base.impressions(),
                            Math.min(v.conversions(), v.impressions()), v.impressions(), confidence)));
        }
        List<DailyStats> daily = counts.daily().stream().map(d -> new DailyStats(d.day(), d.variant(), d.impressions(),
                d.clicks(), TwoProportionTest.rate(d.clicks(), d.impressions()), d.conversions(),
                TwoProportionTest.rate(d.conversions(), d.impressions()), d.revenue())).toList();
        List<TopItem> top = counts.topItems().stream().map(t -> new TopItem(t.itemId(), t.title(), t.recommended(),
                t.impressions(), t.clicks())).toList();
        Map<Long, Long> perMinute = new LinkedHashMap<>();
        counts.eventsPerMinute().forEach(m -> perMinute.put(m.minute(), m.events()));
        List<MinuteEvents> minutes = new ArrayList<>();
        long last = now.getEpochSecond() / 60 * 60;
        for (long minute = last - 59 * 60; minute <= last; minute += 60) {
            minutes.add(new MinuteEvents(Instant.ofEpochSecond(minute), perMinute.getOrDefault(minute, 0L)));
        }
        return new OnlineStats(now, days, conversionWindow.toMinutes() / 60.0, variants, daily, comparisons, top, minutes);
    }

    private static ModelInfo model(ModelStatus status, String algorithm) {
        if (status == null) {
            return new ModelInfo(algorithm, null, null, null, null);
        }
        return new ModelInfo(status.algorithm(), status.manifest().params(), status.manifest().createdAt(),
                status.manifest().provenance().metrics(), status.dir());
    }
}
