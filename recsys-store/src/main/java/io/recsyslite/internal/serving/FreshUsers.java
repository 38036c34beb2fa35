package io.recsyslite.internal.serving;

import io.recsyslite.LiveEvent;
import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.internal.data.EventColumns;
import io.recsyslite.core.internal.data.InteractionsBuilder;
import io.recsyslite.core.spi.FoldIn;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.ScoringRecommender;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * On-demand fold-in: a user with live events the served model has not seen is folded into it
 * (training confidences plus the new events, weighted as the model was trained) when they ask
 * for recommendations. The folded model is cached per user until the user's next event or the
 * next model. Thread-safe.
 */
final class FreshUsers {
    private static final int CACHED_USERS = 64;

    /** A model with the user folded in, and the user's int in it. */
    record Folded(Recommender model, int user) {
    }

    private record Key(long generation, String userId, long version) {
    }

    private final Map<String, Map.Entry<Key, Folded>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map.Entry<Key, Folded>> eldest) {
            return size() > CACHED_USERS;
        }
    };

    /**
     * The model with the user's new events folded in; null when the model cannot fold in or no new
     * event is about an item the model knows.
     */
    Folded foldIn(LiveModel m, String userId, List<LiveEvent> fresh, long version) {
        if (!(m.model instanceof FoldIn foldIn) || fresh.isEmpty()) {
            return null;
        }
        Key key = new Key(m.generation, userId, version);
        synchronized (this) {
            Map.Entry<Key, Folded> hit = cache.get(userId);
            if (hit != null && hit.getKey().equals(key)) {
                return hit.getValue();
            }
        }
        CsrMatrix row = row(m, userId, fresh);
        if (row == null) {
            return null;
        }
        Recommender folded = foldIn.foldInAlone(userId, row);
        Folded result = new Folded(folded, folded.users().indexOf(userId));
        synchronized (this) {
            cache.put(userId, Map.entry(key, result));
        }
        return result;
    }

    synchronized void forget(String userId) {
        cache.remove(userId);
    }

    /** Training confidences of the user (if known) plus the new events', as one row; null if nothing new is usable. */
    private static CsrMatrix row(LiveModel m, String userId, List<LiveEvent> fresh) {
        ConfidenceWeighting weighting = UpdateWorker.weighting(m.manifest);
        int numItems = m.model.items().size();
        EventColumns events = new EventColumns(fresh.size());
        for (LiveEvent e : fresh) {
            int item = m.model.items().indexOf(e.itemId());
            if (item >= 0) {
                events.add(0, item, e.ts(), e.qty(), weighting.typeWeight(e.eventType()));
            }
        }
        if (events.size() == 0) {
            return null;
        }
        CsrMatrix added = new InteractionsBuilder(weighting).build(events, 1, numItems).interactions().userItems();
        float[] values = new float[numItems];
        boolean[] present = new boolean[numItems];
        int user = m.model.users().indexOf(userId);
        if (user >= 0 && m.model instanceof ScoringRecommender scoring) {
            CsrMatrix seen = scoring.seen();
            for (int p = seen.start(user); p < seen.end(user); p++) {
                values[seen.col(p)] = seen.value(p);
                present[seen.col(p)] = true;
            }
        }
        boolean binary = weighting.quantity() == ConfidenceWeighting.Quantity.BINARY;
        for (int p = added.start(0); p < added.end(0); p++) {
            int item = added.col(p);
            values[item] = binary ? 1f : values[item] + added.value(p);
            present[item] = true;
        }
        int nnz = 0;
        for (boolean b : present) {
            nnz += b ? 1 : 0;
        }
        int[] indices = new int[nnz];
        float[] vals = new float[nnz];
        int q = 0;
        for (int i = 0; i < numItems; i++) {
            if (present[i]) {
                indices[q] = i;
                vals[q++] = values[i];
            }
        }
        return new CsrMatrix(1, numItems, new int[] {0, nnz}, indices, Arrays.copyOf(vals, nnz));
    }
}
