package io.recsyslite;

import io.recsyslite.core.spi.ProgressListener;
import io.recsyslite.internal.serving.Erasure;
import io.recsyslite.internal.serving.RecSysEngine;
import io.recsyslite.internal.serving.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The library as a shop uses it: one object over the shop's store (an embedded DuckDB file) to
 * ingest the catalogue and past events, train a model, serve recommendations from it, record what
 * shoppers do and erase a user. Thread-safe; close it when the application stops.
 *
 * <p>The other types a shop needs are in this package: {@link RecSysConfig} (where the store is,
 * serving settings), {@link TrainRequest}, {@link RecommendOptions}, {@link Recommendations} with
 * its {@link Recommendations.Item}s, and {@link LiveEvent}. The REST server, A/B tests and the
 * dashboard use the {@linkplain #engine() engine} behind this facade.
 */
public final class RecSys implements AutoCloseable {
    private final RecSysEngine engine;
    private final boolean owned;

    private RecSys(RecSysEngine engine, boolean owned) {
        this.engine = engine;
        this.owned = owned;
    }

    /** Opens the store file {@code db} (created if missing) with default settings; no model is served yet. */
    public static RecSys open(Path db) {
        return open(RecSysConfig.defaults(db));
    }

    /** Opens the store of {@code config}; no model is served until {@link #train} or {@link #serve}. */
    public static RecSys open(RecSysConfig config) {
        return new RecSys(RecSysEngine.open(config), true);
    }

    /** Opens the store of {@code config} and serves the model saved in {@code modelDir}. */
    public static RecSys open(RecSysConfig config, Path modelDir) throws IOException {
        return new RecSys(RecSysEngine.open(config, modelDir), true);
    }

    /** A facade over an engine someone else opened and closes (e.g. the Spring Boot starter's). */
    public static RecSys over(RecSysEngine engine) {
        return new RecSys(engine, false);
    }

    /**
     * Adds or updates catalogue items from a CSV or Parquet file (see the items data contract); a
     * bad file is rejected whole, naming the row and column.
     *
     * @return the number of rows read
     */
    public long ingestItems(Path file) throws IOException {
        return engine.storeAccess().withStore(store -> store.ingestItems(file)).rows();
    }

    /**
     * Adds past events from a CSV or Parquet file (see the events data contract); a bad file is
     * rejected whole, naming the row and column; a file ingested twice adds nothing the second time.
     *
     * @return the number of rows read
     */
    public long ingestEvents(Path file) throws IOException {
        return engine.storeAccess().withStore(store -> store.ingestEvents(file)).rows();
    }

    /**
     * Trains a model on the store's data as {@code request} says, saves it to the request's output
     * directory and serves it from the next request on. The store stays usable while the model
     * fits: events are recorded and answers served meanwhile.
     *
     * @return the metrics measured on the held-out part when the request asked for one
     *         ({@link TrainRequest#withTestSize}), with popularity's beside them under the prefix
     *         {@code popularity_}; empty otherwise
     */
    public Map<String, Double> train(TrainRequest request) throws IOException {
        Trainer.Result result = new Trainer(engine.algorithms()).train(engine.storeAccess(), request);
        engine.swapModel(request.output());
        return result.manifest().provenance().metrics();
    }

    /** Serves the model saved in {@code modelDir} from the next request on (a hot swap). */
    public void serve(Path modelDir) throws IOException {
        engine.swapModel(modelDir);
    }

    /** See {@link RecSysEngine#recommend}. */
    public Recommendations recommend(String userId, int k, RecommendOptions options) {
        return engine.recommend(userId, k, options);
    }

    /** See {@link RecSysEngine#recommendForSession(String, int, RecommendOptions)}. */
    public Recommendations recommendForSession(String sessionId, int k, RecommendOptions options) {
        return engine.recommendForSession(sessionId, k, options);
    }

    /** See {@link RecSysEngine#recommendForItems}. */
    public Recommendations recommendForItems(List<String> recentItemIds, int k, RecommendOptions options) {
        return engine.recommendForItems(recentItemIds, k, options);
    }

    /** See {@link RecSysEngine#similarItems}. */
    public Recommendations similarItems(String itemId, int k, RecommendOptions options) {
        return engine.similarItems(itemId, k, options);
    }

    /**
     * Writes every user's top {@code k} to a Parquet file ({@code user_id, rank, item_id, score});
     * see {@link RecSysEngine#recommendAll}.
     *
     * @return the number of users
     */
    public long recommendAll(int k, RecommendOptions options, Path output) throws IOException {
        return engine.recommendAll(k, options, output, ProgressListener.NONE);
    }

    /** Records events of users and visitor sessions, durable when this returns; see {@link RecSysEngine#record(List)}. */
    public int record(List<LiveEvent> events) {
        return engine.record(events);
    }

    /** Records one event; see {@link #record(List)}. */
    public int record(LiveEvent event) {
        return engine.record(event);
    }

    /**
     * Writes everything stored about a user as JSON to {@code output} (GDPR access; audited).
     *
     * @return the number of the user's events in it
     */
    public int exportUser(String userId, Path output) throws IOException {
        return engine.exportUser(userId, output).events().size();
    }

    /**
     * Erases a user: their events, their traces in the served model and its directory, and cached
     * answers; from now on they get only non-personalised results (GDPR erasure; audited).
     *
     * @return true when the erasure is done; false when another process keeps the store busy and
     *         the erasure is queued on disk, applied as soon as the store is free (also after a restart)
     */
    public boolean erase(String userId) throws IOException {
        Erasure erasure = engine.erase(userId);
        return erasure.done();
    }

    /**
     * The engine behind this facade: A/B splits, model status, online statistics, metrics and the
     * store itself, as the REST server and the dashboard use them. An internal API: it may change
     * between versions.
     */
    public RecSysEngine engine() {
        return engine;
    }

    /** Closes the engine (when this facade opened it): events are flushed to the store. */
    @Override
    public void close() {
        if (owned) {
            engine.close();
        }
    }
}
