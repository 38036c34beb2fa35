package io.recsyslite.internal.store;

import java.util.List;

/**
 * What the store counts of recommendations served and the feedback on them over a period (see
 * {@link RecsysStore#feedbackCounts}): the raw counts behind the online metrics. An impression or
 * click counts once per recommendation and item; a conversion is an {@code add_to_cart} or
 * {@code purchase} by the same user or session of an item of a recommendation served at most the
 * conversion window before (the latest such recommendation gets it; of several served in the same
 * second, the one whose card the shopper clicked), once per recommendation and
 * item; revenue is price x qty of the purchases among them.
 *
 * @param variants        per A/B variant, in name order
 * @param daily           per day (UTC, "YYYY-MM-DD") and variant that had feedback
 * @param topItems        the most recommended items
 * @param eventsPerMinute events of every type by minute (unix seconds of the minute's start); minutes without events are absent
 * @param catalogueSize   items in the catalogue (or, without one, items seen in events)
 */
public record FeedbackCounts(List<Variant> variants, List<Day> daily, List<Item> topItems,
                             List<Minute> eventsPerMinute, long catalogueSize) {
    public record Variant(String variant, String algorithm, long recommendations, long impressions, long clicks,
                          long conversions, double revenue, long distinctItemsServed) {
    }

    public record Day(String day, String variant, long impressions, long clicks, long conversions, double revenue) {
    }

    public record Item(String itemId, String title, long recommended, long impressions, long clicks) {
    }

    public record Minute(long minute, long events) {
    }
}
