package io.recsyslite.internal.store;

import io.recsyslite.LiveEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The SQL of online evaluation: writing served recommendations in bulk (one appender per batch,
 * not a transaction per request) and counting the feedback on them ({@link FeedbackCounts}).
 */
final class FeedbackQueries {
    /** Events that are something a shopper did: every event but impressions. */
    static final String INTERACTION = "event_type IS DISTINCT FROM '" + LiveEvent.IMPRESSION + "'";

    private FeedbackQueries() {
    }

    static void append(Connection conn, List<ServedRecommendation> served) throws SQLException {
        try (DuckDBAppender appender = conn.unwrap(DuckDBConnection.class).createAppender("main", "served")) {
            for (ServedRecommendation s : served) {
                for (int rank = 0; rank < s.itemIds().size(); rank++) {
                    appender.beginRow().append(s.recommendationId()).append(s.ts()).append(s.variant());
                    orNull(appender, s.algorithm()).append(s.kind());
                    orNull(orNull(appender, s.userId()), s.sessionId()).append(s.itemIds().get(rank))
                            .append(rank + 1).endRow();
                }
            }
        }
    }

    private static DuckDBAppender orNull(DuckDBAppender appender, String value) throws SQLException {
        return value == null ? appender.appendNull() : appender.append(value);
    }

    /** The served recommendations of a user, and of visitor sessions a login linked to them. */
    static List<ServedRecommendation> servedTo(Connection conn, String userId) throws SQLException {
        Map<String, ServedRecommendation> byId = new java.util.LinkedHashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT recommendation_id, ts, variant, algorithm, kind,"
                + " user_id, session_id, list(item_id ORDER BY rank) FROM served WHERE " + ofUser()
                + " GROUP BY ALL ORDER BY ts, recommendation_id")) {
            ps.setString(1, userId);
            ps.setString(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> items = new ArrayList<>();
                    for (Object item : (Object[]) rs.getArray(8).getArray()) {
                        items.add((String) item);
                    }
                    byId.put(rs.getString(1), new ServedRecommendation(rs.getString(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), items));
                }
            }
        }
        return new ArrayList<>(byId.values());
    }

    /** Deletes the served recommendations of a user (before their session links are deleted). */
    static long deleteServedTo(Connection conn, String userId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM served WHERE " + ofUser())) {
            ps.setString(1, userId);
            ps.setString(2, userId);
            return ps.executeLargeUpdate();
        }
    }

    private static String ofUser() {
        return "user_id = ? OR session_id IN (SELECT session_id FROM session_links WHERE user_id = ?)";
    }

    /**
     * Served recommendations and their feedback since {@code since} (unix seconds), the events of the
     * hour before {@code now} per minute, and the top {@code topItems} items.
     */
    static FeedbackCounts counts(Connection conn, long since, long now, long windowSeconds, int topItems)
            throws SQLException {
        // the CTEs every count uses: lists served, feedback pairs and conversion pairs
        String base = """
                WITH lists AS (SELECT recommendation_id, any_value(variant) AS variant, min(ts) AS ts FROM served
                        WHERE ts >= $since GROUP BY recommendation_id),
                    feedback AS (SELECT l.variant, e.event_type, e.recommendation_id, e.item_id, min(e.ts) AS ts
                        FROM events e JOIN lists l USING (recommendation_id)
                        WHERE e.event_type IN ('impression', 'click') GROUP BY ALL),
                    candidates AS (
                        SELECT e.seq, e.event_type, e.ts, e.qty, e.item_id, s.variant, s.recommendation_id, s.ts AS served_ts
                            FROM events e JOIN served s ON s.item_id = e.item_id AND s.user_id = e.user_id
                            WHERE e.event_type IN ('add_to_cart', 'purchase') AND s.ts >= $since
                                AND s.ts <= e.ts AND e.ts <= s.ts + $window
                        UNION
                        SELECT e.seq, e.event_type, e.ts, e.qty, e.item_id, s.variant, s.recommendation_id, s.ts AS served_ts
                            FROM events e JOIN served s ON s.item_id = e.item_id AND s.session_id = e.session_id
                            WHERE e.event_type IN ('add_to_cart', 'purchase') AND s.ts >= $since
                                AND s.ts <= e.ts AND e.ts <= s.ts + $window
                        UNION
                        -- lists asked for nobody in particular (similar items, recent items): the shopper's
                        -- impression or click of the item carries the list's id
                        SELECT e.seq, e.event_type, e.ts, e.qty, e.item_id, s.variant, s.recommendation_id, s.ts AS served_ts
                            FROM events e JOIN events f ON f.item_id = e.item_id
                                    AND (f.user_id = e.user_id OR f.session_id = e.session_id)
                                JOIN served s ON s.recommendation_id = f.recommendation_id AND s.item_id = e.item_id
                            WHERE e.event_type IN ('add_to_cart', 'purchase') AND f.event_type IN ('impression', 'click')
                                AND s.user_id IS NULL AND s.session_id IS NULL AND s.ts >= $since
                                AND s.ts <= e.ts AND e.ts <= s.ts + $window),
                    -- the list served last that showed the item; of lists served in the same second, the one
                    -- whose card was clicked, then the larger id: the same answer at every call
                    clicked AS (SELECT DISTINCT recommendation_id, item_id, true AS clicked FROM feedback
                        WHERE event_type = 'click'),
                    attributed AS (SELECT c.seq, any_value(c.event_type) AS event_type, any_value(c.ts) AS ts,
                            any_value(c.qty) AS qty, any_value(c.item_id) AS item_id,
                            arg_max(c.variant, (c.served_ts, coalesce(k.clicked, false), c.recommendation_id)) AS variant,
                            arg_max(c.recommendation_id, (c.served_ts, coalesce(k.clicked, false), c.recommendation_id))
                                AS recommendation_id
                        FROM candidates c LEFT JOIN clicked k USING (recommendation_id, item_id) GROUP BY c.seq),
                    conversions AS (SELECT a.variant, a.recommendation_id, a.item_id, min(a.ts) AS ts,
                            coalesce(sum(CASE WHEN a.event_type = 'purchase' THEN a.qty * i.price END), 0) AS revenue
                        FROM attributed a LEFT JOIN items i USING (item_id) GROUP BY ALL)
                """.replace("$since", Long.toString(since)).replace("$window", Long.toString(windowSeconds));
        Map<String, long[]> perVariant = new TreeMap<>();
        Map<String, String> algorithms = new TreeMap<>();
        Map<String, Double> revenue = new TreeMap<>();
        query(conn, base + """
                SELECT s.variant, any_value(s.algorithm), count(DISTINCT s.recommendation_id), count(DISTINCT s.item_id),
                    (SELECT count(*) FROM feedback f WHERE f.variant = s.variant AND f.event_type = 'impression'),
                    (SELECT count(*) FROM feedback f WHERE f.variant = s.variant AND f.event_type = 'click'),
                    (SELECT count(*) FROM conversions c WHERE c.variant = s.variant),
                    (SELECT coalesce(sum(revenue), 0) FROM conversions c WHERE c.variant = s.variant)
                FROM served s WHERE s.ts >= $since GROUP BY s.variant ORDER BY s.variant
                """.replace("$since", Long.toString(since)), rs -> {
            perVariant.put(rs.getString(1), new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                    rs.getLong(7)});
            algorithms.put(rs.getString(1), rs.getString(2));
            revenue.put(rs.getString(1), rs.getDouble(8));
        });
        List<FeedbackCounts.Variant> variants = new ArrayList<>();
        perVariant.forEach((v, n) -> variants.add(new FeedbackCounts.Variant(v, algorithms.get(v), n[0], n[2], n[3],
                n[4], revenue.get(v), n[1])));

        List<FeedbackCounts.Day> daily = new ArrayList<>();
        query(conn, base + """
                , days AS (SELECT variant, strftime(to_timestamp(ts), '%Y-%m-%d') AS day, event_type, 0.0 AS revenue
                        FROM feedback
                    UNION ALL SELECT variant, strftime(to_timestamp(ts), '%Y-%m-%d'), 'conversion', revenue FROM conversions)
                SELECT day, variant, count(*) FILTER (event_type = 'impression'), count(*) FILTER (event_type = 'click'),
                    count(*) FILTER (event_type = 'conversion'), sum(revenue)
                FROM days GROUP BY ALL ORDER BY day, variant
                """, rs -> daily.add(new FeedbackCounts.Day(rs.getString(1), rs.getString(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5), rs.getDouble(6))));

        List<FeedbackCounts.Item> top = new ArrayList<>();
        query(conn, base + """
                , shown AS (SELECT item_id, count(*) AS recommended FROM served WHERE ts >= $since GROUP BY item_id)
                SELECT s.item_id, i.title, s.recommended,
                    (SELECT count(*) FROM feedback f WHERE f.item_id = s.item_id AND f.event_type = 'impression'),
                    (SELECT count(*) FROM feedback f WHERE f.item_id = s.item_id AND f.event_type = 'click')
                FROM shown s LEFT JOIN items i USING (item_id) ORDER BY s.recommended DESC, s.item_id LIMIT $top
                """.replace("$since", Long.toString(since)).replace("$top", Integer.toString(topItems)),
                rs -> top.add(new FeedbackCounts.Item(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5))));

        List<FeedbackCounts.Minute> minutes = new ArrayList<>();
        long firstMinute = (now / 60 - 59) * 60;
        query(conn, "SELECT ts // 60 * 60 AS minute, count(*) FROM events WHERE ts >= " + firstMinute + " AND ts < "
                + (now / 60 + 1) * 60 + " GROUP BY minute ORDER BY minute",
                rs -> minutes.add(new FeedbackCounts.Minute(rs.getLong(1), rs.getLong(2))));

        long[] catalogue = new long[1];
        query(conn, "SELECT CASE WHEN (SELECT count(*) FROM items) > 0 THEN (SELECT count(*) FROM items)"
                + " ELSE (SELECT count(DISTINCT item_id) FROM events) END", rs -> catalogue[0] = rs.getLong(1));
        return new FeedbackCounts(variants, daily, top, minutes, catalogue[0]);
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection conn, String sql, Row row) throws SQLException {
        try (var st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }
}
