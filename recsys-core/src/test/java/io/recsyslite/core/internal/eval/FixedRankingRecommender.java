package io.recsyslite.core.internal.eval;

import io.recsyslite.core.artifact.ArtifactWriter;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.rank.RecommendRequest;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.spi.ParamSpace;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.Recommender;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.IntStream;

/** A fake model returning fixed rankings, recording the requests it got. */
final class FixedRankingRecommender implements Recommender {
    private final int numUsers;
    private final int numItems;
    private final Map<Integer, int[]> userRankings;
    private final Function<int[], int[]> sessionRanking;
    final List<RecommendRequest> requests = new CopyOnWriteArrayList<>();

    FixedRankingRecommender(int numUsers, int numItems, Map<Integer, int[]> userRankings,
                            Function<int[], int[]> sessionRanking) {
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.userRankings = userRankings;
        this.sessionRanking = sessionRanking;
    }

    @Override
    public String algorithm() {
        return "fixed";
    }

    @Override
    public Params params() {
        return ParamSpace.of().defaults();
    }

    @Override
    public IdIndex users() {
        return IdIndex.of(IntStream.range(0, numUsers).mapToObj(u -> "u" + u).toList());
    }

    @Override
    public IdIndex items() {
        return IdIndex.of(IntStream.range(0, numItems).mapToObj(i -> "i" + i).toList());
    }

    @Override
    public ScoredItems recommend(int user, RecommendRequest request) {
        requests.add(request);
        return firstK(userRankings.getOrDefault(user, new int[0]), request.k());
    }

    @Override
    public ScoredItems recommendFor(int[] recentItems, RecommendRequest request) {
        requests.add(request);
        return firstK(sessionRanking.apply(recentItems), request.k());
    }

    @Override
    public ScoredItems similarItems(int item, RecommendRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void writeTo(ArtifactWriter out) {
        throw new UnsupportedOperationException();
    }

    private static ScoredItems firstK(int[] ranking, int k) {
        int n = Math.min(k, ranking.length);
        float[] scores = new float[n];
        for (int r = 0; r < n; r++) {
            scores[r] = -r;
        }
        return new ScoredItems(Arrays.copyOf(ranking, n), scores);
    }
}
