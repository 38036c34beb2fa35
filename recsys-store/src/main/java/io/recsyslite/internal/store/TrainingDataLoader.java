package io.recsyslite.internal.store;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.data.ItemMetadata;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.internal.data.EventColumns;
import io.recsyslite.core.internal.data.TrainingDataBuilder;
import io.recsyslite.core.spi.ProgressListener;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads training data straight from DuckDB into primitive arrays. DuckDB numbers users and items
 * (ids in sorted order, so the numbering is deterministic) and joins the numbers onto the events;
 * Java reads four primitive columns per row and never looks a string up per event. Run inside
 * one transaction so the ids, events and metadata are one snapshot.
 */
final class TrainingDataLoader {
    private static final int PROGRESS_EVERY = 1 << 20;

    private final Connection conn;

    TrainingDataLoader(Connection conn) {
        this.conn = conn;
    }

    TrainingData load(ConfidenceWeighting weighting, ProgressListener progress) throws SQLException {
        progress.update("load", 0, -1);
        try (Statement st = conn.createStatement()) {
            st.execute("""
                    CREATE OR REPLACE TEMP TABLE recsys_user_ids AS
                    SELECT user_id, (row_number() OVER (ORDER BY user_id) - 1)::INTEGER AS u
                    FROM (SELECT DISTINCT user_id FROM events WHERE user_id IS NOT NULL AND $interaction)"""
                    .replace("$interaction", FeedbackQueries.INTERACTION));
            st.execute("""
                    CREATE OR REPLACE TEMP TABLE recsys_item_ids AS
                    SELECT item_id, (row_number() OVER (ORDER BY item_id) - 1)::INTEGER AS i
                    FROM (SELECT item_id FROM items UNION SELECT item_id FROM events WHERE $interaction)"""
                    .replace("$interaction", FeedbackQueries.INTERACTION));
            IdIndex users = IdIndex.of(strings(st, "SELECT user_id FROM recsys_user_ids ORDER BY u"));
            IdIndex items = IdIndex.of(strings(st, "SELECT item_id FROM recsys_item_ids ORDER BY i"));
            EventColumns events = events(st, weighting, progress);
            ItemMetadata metadata = metadata(st, items.size());
            st.execute("DROP TABLE recsys_user_ids");
            st.execute("DROP TABLE recsys_item_ids");
            progress.update("build", 0, 1);
            TrainingData data = TrainingDataBuilder.build(users, items, events, weighting, metadata);
            progress.update("build", 1, 1);
            return data;
        }
    }

    private static List<String> strings(Statement st, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /**
     * Events of users as dense ints in time order, ties in insertion order, with the weight of
     * their type. A visitor's events without a user (no login yet) and impressions (what was shown,
     * not what the shopper did) are not training data.
     */
    private EventColumns events(Statement st, ConfidenceWeighting weighting, ProgressListener progress)
            throws SQLException {
        long total = Sql.queryLong(conn, "SELECT count(*) FROM events WHERE user_id IS NOT NULL AND "
                + FeedbackQueries.INTERACTION);
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException(total + " events do not fit in memory arrays");
        }
        EventColumns events = new EventColumns((int) total);
        progress.update("load", 0, total);
        try (ResultSet rs = st.executeQuery("SELECT u.u, i.i, e.ts, e.qty, " + typeWeightSql(weighting)
                + " FROM events e JOIN recsys_user_ids u USING (user_id) JOIN recsys_item_ids i USING (item_id)"
                + " WHERE e." + FeedbackQueries.INTERACTION + " ORDER BY e.ts, e.seq")) {
            while (rs.next()) {
                events.add(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getInt(4), rs.getFloat(5));
                if (events.size() % PROGRESS_EVERY == 0) {
                    progress.update("load", events.size(), total);
                }
            }
        }
        progress.update("load", events.size(), total);
        return events;
    }

    /** The SQL of an event's type weight, {@link ConfidenceWeighting#typeWeight} in the database. */
    private static String typeWeightSql(ConfidenceWeighting weighting) {
        StringBuilder sql = new StringBuilder("CASE e.event_type");
        weighting.eventTypeWeights().forEach((type, weight) ->
                sql.append(" WHEN ").append(Sql.literal(type)).append(" THEN ").append(weight.floatValue()));
        return sql.append(" ELSE 1.0 END::FLOAT").toString();
    }

    /** Catalogue attributes aligned with the item numbering; items only seen in events stay empty. */
    private static ItemMetadata metadata(Statement st, int numItems) throws SQLException {
        List<String> extraNames = strings(st,
                "SELECT DISTINCT unnest(json_keys(extra)) AS k FROM items WHERE extra IS NOT NULL ORDER BY k");
        StringBuilder sql = new StringBuilder(
                "SELECT i.i, t.title, t.category, t.brand, t.price, t.img_url");
        for (String name : extraNames) {
            sql.append(", t.extra ->> ").append(Sql.literal(name));
        }
        sql.append(" FROM recsys_item_ids i JOIN items t USING (item_id)");
        String[] titles = new String[numItems];
        String[] categories = new String[numItems];
        String[] brands = new String[numItems];
        float[] prices = new float[numItems];
        Arrays.fill(prices, Float.NaN);
        String[] imageUrls = new String[numItems];
        Map<String, String[]> extra = new LinkedHashMap<>();
        for (String name : extraNames) {
            extra.put(name, new String[numItems]);
        }
        try (ResultSet rs = st.executeQuery(sql.toString())) {
            while (rs.next()) {
                int i = rs.getInt(1);
                titles[i] = rs.getString(2);
                categories[i] = rs.getString(3);
                brands[i] = rs.getString(4);
                double price = rs.getDouble(5);
                prices[i] = rs.wasNull() ? Float.NaN : (float) price;
                imageUrls[i] = rs.getString(6);
                int col = 7;
                for (String[] values : extra.values()) {
                    values[i] = rs.getString(col++);
                }
            }
        }
        return new ItemMetadata(titles, categories, brands, prices, imageUrls, extra);
    }
}
