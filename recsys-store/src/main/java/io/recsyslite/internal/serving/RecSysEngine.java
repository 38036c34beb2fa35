package io.recsyslite.internal.serving;

import io.recsyslite.LiveEvent;
import io.recsyslite.RecSysConfig;
import io.recsyslite.RecommendOptions;
import io.recsyslite.Recommendations;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.error.NotFoundException;
import io.recsyslite.core.error.RecsysException;
import io.recsyslite.core.index.ItemIndexes;
import io.recsyslite.core.rank.ItemFilter;
import io.recsyslite.core.rank.RecommendRequest;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.EmbeddingModel;
import io.recsyslite.core.spi.Explainer;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.ScoringRecommender;
import io.recsyslite.internal.store.LiveEventContract;
import io.recsyslite.core.spi.ProgressListener;
import io.recsyslite.internal.store.RecsysStore;
import io.recsyslite.internal.store.StoreAccess;
import io.recsyslite.internal.store.ServedRecommendation;
import io.recsyslite.internal.store.StoreBusyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The facade a shop embeds: serves recommendations and similar items from a model directory
 * with catalogue data joined in, swaps models while serving, and answers GDPR requests against
 * the DuckDB store. Records live events ({@link #record}) and answers from them at once: a user's
 * next recommendations reflect their new events (on-demand fold-in), and a visitor's session
 * gets recommendations from its events ({@link #recommendForSession}).
 *
 * <p>Thread-safe: any number of threads may call {@link #recommend}, {@link #similarItems} and
 * {@link #record} while another swaps the model; a request finishes on the model it started with,
 * and a model's native resources are released when its last request ends. The DuckDB file is
 * opened only for the moment an operation needs it, so a trainer, worker or CLI process can use
 * it in between; recorded events wait in the store's journal meanwhile (see {@link LiveEvents}).
 * Owns background threads for the access audit and the journal; {@link #close()} releases
 * everything.
 *
 * <p>Online evaluation and A/B tests: every answer carries a recommendation id and the variant
 * that produced it, and what was served is kept in the store (written in bulk every
 * {@link RecSysConfig#journalFlushInterval()}) so that impressions, clicks and later purchases
 * can be attributed to it ({@link #onlineStats}). A RecSysEngine opened with a {@link TrafficSplit}
 * serves one model per variant, each swapped on its own ({@link #swapModel(String, Path)}); a
 * user or session keeps its variant.
 */
public final class RecSysEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecSysEngine.class);
    private static final String ACTOR = "api";
    private static final Duration STORE_BUSY_WAIT = Duration.ofSeconds(10);
    /** Rows one access-audit flush writes at most: one bulk statement of a few hundred milliseconds. */
    static final int AUDIT_ROWS_PER_FLUSH = 20_000;
    /** Served answers one write stores at most, and how many may wait for a busy store. */
    static final int SERVED_PER_FLUSH = 20_000;
    private static final int SERVED_WAITING = 100_000;
    /** History items named per recommended item with {@link RecommendOptions#explain()}. */
    public static final int REASONS_PER_ITEM = 3;

    private final RecSysConfig config;
    private final Algorithms algorithms;
    private final ItemIndexes indexes;
    private final ModelLoader loader;
    private final TrafficSplit split;
    /** The live model of each variant, in the split's order. */
    private final Map<String, AtomicReference<LiveModel>> live;
    private final AtomicLong generations = new AtomicLong();
    private final ResultCache<CacheKey, Object> cache;
    private final ServiceMetrics metrics = new ServiceMetrics();
    private final AccessAudit accessAudit = new AccessAudit();
    private final boolean auditAccess;
    private final ServedLog servedLog = new ServedLog(SERVED_WAITING);
    private final ScheduledExecutorService auditFlusher;
    /** One DuckDB instance per file and process at a time: in-process store work takes turns. */
    private final Object storeLock = new Object();
    private final LiveEvents liveEvents;
    private final QueuedErasures erasures;
    private final FreshUsers freshUsers = new FreshUsers();

    /** {@code id} is the subject events invalidate; {@code detail} the request's other items, if any. */
    private record CacheKey(long generation, String kind, String id, List<String> detail, int k,
                            RecommendOptions options) {
        /** The user or session whose events change this answer; null for answers about items. */
        String subject() {
            return kind.equals("recommend") || kind.equals("recommend_session") ? id : null;
        }
    }

    private RecSysEngine(RecSysConfig config, Algorithms algorithms, ItemIndexes indexes, TrafficSplit split) {
        this.config = config;
        this.algorithms = algorithms;
        this.indexes = indexes;
        this.split = split;
        Map<String, AtomicReference<LiveModel>> models = new LinkedHashMap<>();
        split.names().forEach(name -> models.put(name, new AtomicReference<>()));
        this.live = java.util.Collections.unmodifiableMap(models);
        this.loader = new ModelLoader(config, algorithms, indexes);
        this.cache = new ResultCache<>(config.cacheExpiry().toNanos(), 10_000, CacheKey::subject);
        auditFlusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "recsys-audit-flush");
            t.setDaemon(true);
            return t;
        });
        long flushMillis = config.accessAuditInterval().toMillis();
        auditAccess = flushMillis > 0;
        if (auditAccess) {
            auditFlusher.scheduleWithFixedDelay(() -> flushAccessAudit(Duration.ZERO), flushMillis, flushMillis,
                    TimeUnit.MILLISECONDS);
        }
        long servedMillis = config.journalFlushInterval().toMillis();
        auditFlusher.scheduleWithFixedDelay(() -> flushServed(Duration.ZERO), servedMillis, servedMillis,
                TimeUnit.MILLISECONDS);
        this.liveEvents = new LiveEvents(config.dbPath(), new LiveEventContract(config.eventTypes()),
                config.journalFlushInterval(), this::withStore, Clock.systemUTC());
        this.erasures = new QueuedErasures(config.dbPath());
        auditFlusher.scheduleWithFixedDelay(this::applyQueuedErasures, servedMillis, servedMillis,
                TimeUnit.MILLISECONDS);
    }

    /** A RecSysEngine over the store, with algorithms and indexes found on the class path; no model yet. */
    public static RecSysEngine open(RecSysConfig config) {
        return open(config, TrafficSplit.single());
    }

    /** A RecSysEngine serving an A/B test: one model per variant of the split, none loaded yet. */
    public static RecSysEngine open(RecSysConfig config, TrafficSplit split) {
        return new RecSysEngine(config, Algorithms.discover(), ItemIndexes.discover(), split);
    }

    /** Opens and loads the model in {@code modelDir}. */
    public static RecSysEngine open(RecSysConfig config, Path modelDir) throws IOException {
        RecSysEngine recSys = open(config);
        try {
            recSys.swapModel(modelDir);
            return recSys;
        } catch (IOException | RuntimeException e) {
            recSys.close();
            throw e;
        }
    }

    /** The algorithms this engine loads models of. */
    public Algorithms algorithms() {
        return algorithms;
    }

    public RecSysConfig config() {
        return config;
    }

    public TrafficSplit split() {
        return split;
    }

    /**
     * Loads the model in {@code dir} (verifying checksums) and makes it the live model in one
     * step. Requests already running finish on the previous model. A model that fails to load
     * leaves the current one serving.
     */
    public ModelStatus swapModel(Path dir) throws IOException {
        if (live.size() > 1) {
            throw new InvalidParameterException("this RecSysEngine serves the variants " + String.join(", ", live.keySet())
                    + "; name the one to swap");
        }
        return swapModel(split.names().get(0), dir);
    }

    /** {@link #swapModel(Path)} for one variant of an A/B test; the other variants keep serving. */
    public ModelStatus swapModel(String variant, Path dir) throws IOException {
        AtomicReference<LiveModel> slot = live.get(variant);
        if (slot == null) {
            throw new InvalidParameterException("no variant '" + variant + "'; this RecSysEngine serves "
                    + String.join(", ", live.keySet()));
        }
        LiveModel next = withStoreIo(store -> {
            LiveModel loaded = loader.load(dir, generations.incrementAndGet(), store);
            liveEvents.modelServed(loaded.manifest.provenance().dataReadInstant().orElse(Instant.EPOCH), store);
            return loaded;
        });
        LiveModel previous = slot.getAndSet(next);
        if (previous != null) {
            previous.release();
        }
        cache.clear();
        withStore(store -> {
            store.audit(ACTOR, "model_swap", next.manifest.algorithm(), "dir=" + dir + " generation=" + next.generation
                    + " variant=" + variant);
            return null;
        });
        LOG.info("Serving {} model from {} (generation {}, variant {})", next.manifest.algorithm(), dir,
                next.generation, variant);
        return status(next);
    }

    /** What is being served (by the first variant of an A/B test), or empty when no model is loaded. */
    public Optional<ModelStatus> status() {
        return status(split.names().get(0));
    }

    /** What a variant serves, or empty when it has no model loaded. */
    public Optional<ModelStatus> status(String variant) {
        AtomicReference<LiveModel> slot = live.get(variant);
        LiveModel m = slot == null ? null : slot.get();
        return m == null ? Optional.empty() : Optional.of(status(m));
    }

    /** The model every variant with a loaded model serves, in the split's order. */
    public Map<String, ModelStatus> statuses() {
        Map<String, ModelStatus> out = new LinkedHashMap<>();
        live.forEach((name, slot) -> {
            LiveModel m = slot.get();
            if (m != null) {
                out.put(name, status(m));
            }
        });
        return out;
    }

    /**
     * Online metrics of the last {@code days} days per variant (impressions, clicks, CTR,
     * conversions within {@code conversionWindow}, revenue, coverage) and each variant against the
     * first by a two-proportion z-test at {@code confidence}; events and served answers still
     * buffered are moved into the store first.
     */
    public OnlineStats onlineStats(int days, Duration conversionWindow, double confidence) {
        liveEvents.flush();
        flushServed(STORE_BUSY_WAIT);
        return withStore(store -> OnlineStats.compute(store, statuses(), split, days, conversionWindow, confidence));
    }

    /**
     * The top {@code k} items for a user, reflecting the user's events recorded since the model
     * was trained: folded in on demand when the model can fold in, otherwise at least as seen
     * items and as the recent items a model without fold-in recommends from. An unknown (or
     * deleted) user without recorded events gets the popular items, flagged as not personalised.
     */
    public Recommendations recommend(String userId, int k, RecommendOptions options) {
        return serve("recommend", userId, userId, null, k, options, m -> recommendFresh(m, userId, k, options));
    }

    /**
     * Items for a visitor's session from the events recorded in it ({@link #recommendForItems}); a
     * session a login linked to a user gets that user's recommendations. A session without
     * events gets the popular items, flagged as not personalised.
     */
    public Recommendations recommendForSession(String sessionId, int k, RecommendOptions options) {
        return recommendForSession(sessionId, List.of(), k, options);
    }

    /**
     * As {@link #recommendForSession(String, int, RecommendOptions)}, with items the visitor's page
     * knows were viewed in the session and whose events may not have been recorded yet (a view
     * event still in flight when the page asks): they count as recorded.
     */
    public Recommendations recommendForSession(String sessionId, List<String> viewedItemIds, int k,
                                               RecommendOptions options) {
        List<String> viewed = List.copyOf(viewedItemIds);
        return serve("recommend_session", sessionId, viewed, null, sessionId, k, options, m -> {
            String user = liveEvents.recent().userOfSession(sessionId);
            if (user != null) {
                return recommendFresh(m, user, k, options);
            }
            Set<String> items = new LinkedHashSet<>();
            liveEvents.recent().ofSession(sessionId).forEach(e -> items.add(e.itemId()));
            items.addAll(viewed);
            return forItems(m, null, List.copyOf(items), k, options);
        });
    }

    /**
     * Records events (one or a batch) of users and visitor sessions: checked against the events
     * data contract (one bad event rejects the batch with an
     * {@link io.recsyslite.core.error.InvalidDataException} naming its position and field; nothing
     * is written), on disk when this returns, seen by the next {@link #recommend} of those users
     * and sessions, and in the store within {@link RecSysConfig#journalFlushInterval()}. Safe to
     * call from many threads; they share disk syncs.
     *
     * @return the number of events recorded
     */
    public int record(List<LiveEvent> events) {
        try {
            return recordAsync(events).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * {@link #record(List)} without holding the calling thread while the disk syncs (for servers
     * that answer asynchronously): a bad event throws here, at once; the future completes with the
     * number recorded when {@link #record(List)} would have returned, or exceptionally with what it
     * would have thrown (wrapped in a {@link CompletionException}). The future completes on the
     * journal's writer thread: continue on another executor.
     */
    public CompletableFuture<Integer> recordAsync(List<LiveEvent> events) {
        return liveEvents.record(events).thenApply(checked -> {
            Set<String> changed = new LinkedHashSet<>();
            for (LiveEvent e : checked) {
                if (!e.isInteraction()) {
                    continue; // an impression changes no answer
                }
                if (e.userId() != null) {
                    changed.add(e.userId());
                }
                if (e.sessionId() != null) {
                    changed.add(e.sessionId());
                    String user = liveEvents.recent().userOfSession(e.sessionId());
                    if (user != null) {
                        changed.add(user);
                    }
                }
            }
            cache.removeSubjects(changed);
            return checked.size();
        });
    }

    /** Records one event; see {@link #record(List)}. */
    public int record(LiveEvent event) {
        return record(List.of(event));
    }

    /** Moves every recorded event into the store now (they are durable already; see {@link #record}). */
    public void flushEvents() {
        liveEvents.flush();
    }

    private Recommendations recommendFresh(LiveModel m, String userId, int k, RecommendOptions options) {
        if (erasures.contains(userId)) { // erased, still in the model until the store is free
            return new Recommendations(userId, false, join(m, popular(m, k, options), options.explain(), null));
        }
        List<LiveEvent> fresh = liveEvents.recent().ofUser(userId);
        FreshUsers.Folded folded = freshUsers.foldIn(m, userId, fresh, liveEvents.recent().version(userId));
        Recommender model = folded != null ? folded.model() : m.model;
        int user = folded != null ? folded.user() : m.model.users().indexOf(userId);
        if (folded == null && !fresh.isEmpty()) {
            // a model without fold-in answers from the new events as recent items
            List<String> items = fresh.stream().map(LiveEvent::itemId).toList();
            RecommendOptions notSeen = user >= 0 && options.excludeSeen() && m.model instanceof ScoringRecommender sr
                    ? options.withDenyIds(union(options.denyIds(), ids(m, sr.seenItems(user)))) : options;
            return forItems(m, userId, items, k, notSeen);
        }
        if (user < 0) {
            return new Recommendations(userId, false, join(m, popular(m, k, options), options.explain(), null));
        }
        ItemFilter business = m.filters.compile(options);
        ScoredItems top;
        if (m.index != null && options.useIndex() && model instanceof EmbeddingModel em) {
            ItemFilter filter = options.excludeSeen() ? business.and(ItemFilter.deny(em.seenItems(user))) : business;
            top = m.index.search(em.userVector(user), k, filter);
        } else {
            top = model.recommend(user, new RecommendRequest(k, options.excludeSeen(), business));
        }
        IntFunction<ScoredItems> reasons = model instanceof Explainer ex ? i -> ex.explain(user, i, REASONS_PER_ITEM) : null;
        return new Recommendations(userId, true, join(m, top, options.explain(), reasons));
    }

    /** Items for an anonymous visitor from the items they just looked at (unknown ids are ignored). */
    public Recommendations recommendForItems(List<String> recentItemIds, int k, RecommendOptions options) {
        return serve("recommend_items", String.join(",", recentItemIds), null, null, k, options,
                m -> forItems(m, null, recentItemIds, k, options));
    }

    private static Recommendations forItems(LiveModel m, String userId, List<String> recentItemIds, int k,
                                            RecommendOptions options) {
        int[] recent = recentItemIds.stream().mapToInt(m.model.items()::indexOf).filter(i -> i >= 0).toArray();
        if (recent.length == 0) {
            return new Recommendations(userId, false, join(m, popular(m, k, options), options.explain(), null));
        }
        ItemFilter business = m.filters.compile(options);
        IntFunction<ScoredItems> reasons = m.model instanceof Explainer ex
                ? i -> ex.explainFor(recent, i, REASONS_PER_ITEM) : null;
        return new Recommendations(userId, true, join(m,
                m.model.recommendFor(recent, new RecommendRequest(k, options.excludeSeen(), business)), options.explain(), reasons));
    }

    private static Set<String> ids(LiveModel m, int[] items) {
        Set<String> ids = new LinkedHashSet<>();
        for (int i : items) {
            ids.add(m.model.items().idOf(i));
        }
        return ids;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * Items most similar to {@code itemId} (an answer without user, always personalised); an unknown
     * item is a {@link NotFoundException}.
     */
    public Recommendations similarItems(String itemId, int k, RecommendOptions options) {
        return serve("similar_items", itemId, null, null, k, options, m -> {
            int item = m.model.items().indexOf(itemId);
            if (item < 0) {
                throw new NotFoundException("Item '" + itemId + "' not found");
            }
            ItemFilter business = m.filters.compile(options);
            return new Recommendations(null, true,
                    join(m, m.model.similarItems(item, new RecommendRequest(k, true, business)), false, null));
        });
    }

    /**
     * Writes every user's top {@code k} items under {@code options} (seen items excluded unless
     * turned off; always exact scoring) to a Parquet file with the columns {@code user_id, rank,
     * item_id, score}, one row per recommended item, users in model order. Memory does not grow
     * with the number of users; the file is replaced only when complete.
     *
     * @return the number of users
     */
    public long recommendAll(int k, RecommendOptions options, Path output, ProgressListener progress)
            throws IOException {
        checkK(k);
        LiveModel m = acquire(split.names().get(0));
        try {
            long users = new BatchRecommender(m, indexes, config.indexOptions().threads())
                    .writeAll(k, options, output, progress);
            withStore(store -> {
                store.audit(ACTOR, "recommend_all", m.manifest.algorithm(), users + " users, k=" + k + ", " + output);
                return null;
            });
            return users;
        } finally {
            m.release();
        }
    }

    /** Everything stored about a user (audited as an export), e.g. to answer over HTTP. */
    public UserDataExport exportUser(String userId) {
        liveEvents.flush();
        flushServed(STORE_BUSY_WAIT);
        return withStore(store -> Gdpr.export(store, userId));
    }

    /** Writes everything stored about a user as JSON to {@code output} (audited). */
    public UserDataExport exportUser(String userId, Path output) throws IOException {
        UserDataExport export = exportUser(userId);
        Gdpr.write(export, output);
        return export;
    }

    /**
     * Erases a user: their events, their traces in the live model's directory (the model is
     * reloaded from the scrubbed files), and cached answers. Afterwards the user gets only
     * non-personalised results.
     *
     * @return number of events removed
     */
    public long deleteUser(String userId) throws IOException {
        Map<String, Path> dirs = new LinkedHashMap<>();
        statuses().forEach((variant, status) -> dirs.put(variant, status.dir()));
        liveEvents.flush(); // events still in the journal are erased with the others
        flushServed(STORE_BUSY_WAIT); // and so are the answers served to them
        long removed = withStoreIo(store -> Gdpr.deleteUser(store, userId, List.copyOf(new LinkedHashSet<>(dirs.values()))));
        forgetInMemory(userId);
        for (Map.Entry<String, Path> d : dirs.entrySet()) {
            swapModel(d.getKey(), d.getValue());
        }
        return removed;
    }

    /**
     * Erases a user as {@link #deleteUser} does; when another process keeps the store busy beyond
     * the usual wait, queues the erasure durably instead (on disk when this returns) and applies
     * it as soon as the store is free, also after a restart. A queued user is served as unknown
     * from now on.
     */
    public Erasure erase(String userId) throws IOException {
        try {
            return new Erasure(userId, true, Instant.now(), deleteUser(userId));
        } catch (StoreBusyException busy) {
            QueuedErasures.Request request = erasures.add(userId, Instant.now());
            forgetInMemory(userId);
            LOG.info("Erasure queued until the store is free: {}", busy.getMessage());
            return new Erasure(userId, false, request.requestedAt(), 0);
        }
    }

    /** The user's erasure, done or queued; empty when the user was never erased. */
    public Optional<Erasure> erasureStatus(String userId) {
        Optional<QueuedErasures.Request> queued = erasures.find(userId);
        if (queued.isPresent()) {
            return Optional.of(new Erasure(userId, false, queued.get().requestedAt(), 0));
        }
        Instant at = withStore(store -> store.deletedUsers().get(userId));
        return Optional.ofNullable(at).map(t -> new Erasure(userId, true, t, 0));
    }

    /** Applies queued erasures while the store is free; a busy store leaves them for the next round. */
    private void applyQueuedErasures() {
        for (QueuedErasures.Request request : erasures.all()) {
            try {
                withStore(Duration.ZERO, store -> null); // free now? (else no 10 s wait on this thread)
                deleteUser(request.userId());
                erasures.remove(request.userId());
                LOG.info("Queued erasure applied (asked for at {})", request.requestedAt());
            } catch (StoreBusyException busy) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("A queued erasure stays queued: {}", e.getMessage());
            }
        }
    }

    private void forgetInMemory(String userId) {
        liveEvents.recent().forgetUser(userId);
        freshUsers.forget(userId);
        forgetCachedUser(userId);
    }

    public ServiceMetrics.Snapshot metrics() {
        return metrics.snapshot();
    }

    /**
     * Runs {@code work} with the store open; the file is closed again afterwards, so other
     * processes (worker, CLI) can use it in between. Opening waits while another process holds
     * the file (see {@link RecsysStore#open(Path)}).
     */
    public <T> T withStore(Function<RecsysStore, T> work) {
        return withStore(STORE_BUSY_WAIT, work);
    }

    private <T> T withStore(Duration busyWait, Function<RecsysStore, T> work) {
        synchronized (storeLock) {
            try (RecsysStore store = RecsysStore.open(config.dbPath(), busyWait)) {
                return work.apply(store);
            }
        }
    }

    /** This engine's way to the store, for components working beside it in this process (e.g. a {@link Trainer}). */
    public StoreAccess storeAccess() {
        return this::withStoreIo;
    }

    private <T> T withStoreIo(StoreAccess.Work<T> work) throws IOException {
        try {
            return withStore(store -> {
                try {
                    return work.run(store);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Drops cached answers about one user (after a deletion or an update of their data). */
    void forgetCachedUser(String userId) {
        cache.removeSubjects(List.of(userId));
    }

    @Override
    public void close() {
        liveEvents.close();
        auditFlusher.shutdownNow();
        try {
            auditFlusher.awaitTermination(10, TimeUnit.SECONDS); // a flush running now ends before the last ones
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        while (!accessAudit.isEmpty() && flushAccessAudit(STORE_BUSY_WAIT)) {
            // the last chance to write what is left: wait for a busy store as requests do
        }
        while (!servedLog.isEmpty() && flushServed(STORE_BUSY_WAIT)) {
            // likewise for the answers served
        }
        for (AtomicReference<LiveModel> slot : live.values()) {
            LiveModel m = slot.getAndSet(null);
            if (m != null) {
                m.release();
            }
        }
    }

    /**
     * Answers a request on the model of the variant {@code subject} is assigned to and records what
     * was served (for the user or session given, if any) under a new recommendation id.
     */
    private Recommendations serve(String action, String subject, String userId, String sessionId, int k,
                                  RecommendOptions options, Function<LiveModel, Recommendations> work) {
        return serve(action, subject, List.of(), userId, sessionId, k, options, work);
    }

    private Recommendations serve(String action, String subject, List<String> detail, String userId, String sessionId,
                                  int k, RecommendOptions options, Function<LiveModel, Recommendations> work) {
        long start = System.nanoTime();
        try {
            checkK(k);
            String variant = split.variantOf(subject);
            LiveModel m = acquire(variant);
            try {
                CacheKey key = new CacheKey(m.generation, action, subject, detail, k, options);
                Recommendations cached = (Recommendations) cache.get(key);
                metrics.recordCache(cached != null);
                Recommendations result = cached != null ? cached : work.apply(m);
                if (cached == null) {
                    cache.put(key, result);
                }
                metrics.recordRequest(System.nanoTime() - start, result.items().size());
                audit(action, subject);
                String id = UUID.randomUUID().toString();
                if (!result.items().isEmpty()) {
                    servedLog.record(new ServedRecommendation(id, Instant.now().getEpochSecond(), variant,
                            m.manifest.algorithm(), action, userId, sessionId,
                            result.items().stream().map(Recommendations.Item::itemId).toList()));
                }
                return new Recommendations(result.userId(), result.personalized(), result.items(), id, variant);
            } finally {
                m.release();
            }
        } catch (RuntimeException e) {
            metrics.recordError();
            throw e;
        }
    }

    private void audit(String action, String subject) {
        if (auditAccess) {
            accessAudit.record(action, subject);
        }
    }

    /**
     * Writes up to {@link #AUDIT_ROWS_PER_FLUSH} aggregated accesses, one bulk statement per action,
     * so the store is held briefly; a store busy beyond {@code busyWait} keeps them for the next flush.
     *
     * @return whether the rows were written
     */
    boolean flushAccessAudit(Duration busyWait) {
        Map<String, Map<String, Integer>> counts = accessAudit.drain(AUDIT_ROWS_PER_FLUSH);
        if (counts.isEmpty()) {
            return true;
        }
        try {
            withStore(busyWait, store -> {
                counts.forEach((action, bySubject) -> store.auditAll(ACTOR, action, List.copyOf(bySubject.keySet()),
                        bySubject.values().stream().map(n -> n + (n == 1 ? " request" : " requests")).toList()));
                return null;
            });
            return true;
        } catch (RecsysException e) {
            LOG.warn("Could not write the access audit, retrying later: {}", e.getMessage());
            accessAudit.restore(counts);
            return false;
        }
    }

    /**
     * Writes up to {@link #SERVED_PER_FLUSH} served answers in one bulk write; a store busy beyond
     * {@code busyWait} keeps them for the next flush.
     *
     * @return whether they were written
     */
    boolean flushServed(Duration busyWait) {
        List<ServedRecommendation> served = servedLog.drain(SERVED_PER_FLUSH);
        if (served.isEmpty()) {
            return true;
        }
        try {
            withStore(busyWait, store -> {
                store.recordServed(served);
                return null;
            });
            return true;
        } catch (RecsysException e) {
            LOG.debug("Could not store served recommendations yet, retrying: {}", e.getMessage());
            servedLog.restore(served);
            return false;
        }
    }

    private LiveModel acquire(String variant) {
        AtomicReference<LiveModel> slot = live.get(variant);
        while (true) {
            LiveModel m = slot.get();
            if (m == null) {
                throw new RecsysException("No model is loaded; train one (recsys-lite train ...) and load its directory");
            }
            if (m.acquire()) {
                return m;
            }
        }
    }

    private void checkK(int k) {
        if (k < 1 || k > config.maxRecommendations()) {
            throw new InvalidParameterException("k must be between 1 and " + config.maxRecommendations() + ", was " + k);
        }
    }

    private static ScoredItems popular(LiveModel m, int k, RecommendOptions options) {
        ItemFilter business = m.filters.compile(options);
        List<Integer> picked = new ArrayList<>(k);
        for (int r = 0; r < m.popular.size() && picked.size() < k; r++) {
            if (business.accept(m.popular.item(r))) {
                picked.add(r);
            }
        }
        int[] items = new int[picked.size()];
        float[] scores = new float[picked.size()];
        for (int j = 0; j < items.length; j++) {
            items[j] = m.popular.item(picked.get(j));
            scores[j] = m.popular.score(picked.get(j));
        }
        return new ScoredItems(items, scores);
    }

    /**
     * The items with their catalogue data and, when {@code explain}, their reasons from
     * {@code reasons} (model item int to history items; null: the model gives none).
     */
    private static List<Recommendations.Item> join(LiveModel m, ScoredItems top, boolean explain,
                                              IntFunction<ScoredItems> reasons) {
        List<Recommendations.Item> out = new ArrayList<>(top.size());
        for (int r = 0; r < top.size(); r++) {
            int i = top.item(r);
            float price = m.metadata.price(i);
            out.add(new Recommendations.Item(m.model.items().idOf(i), decimal(top.score(r)), m.metadata.title(i),
                    m.metadata.category(i), m.metadata.brand(i), Float.isNaN(price) ? null : decimal(price),
                    m.metadata.imageUrl(i), explain ? reasons(m, reasons == null ? null : reasons.apply(i)) : null));
        }
        return out;
    }

    private static List<Recommendations.Reason> reasons(LiveModel m, ScoredItems history) {
        if (history == null) {
            return List.of();
        }
        List<Recommendations.Reason> out = new ArrayList<>(history.size());
        for (int r = 0; r < history.size(); r++) {
            int j = history.item(r);
            out.add(new Recommendations.Reason(m.model.items().idOf(j), m.metadata.title(j), decimal(history.score(r))));
        }
        return out;
    }

    /** The float's shortest decimal form as a double, so 47.99f is reported as 47.99, not 47.9900016784668. */
    private static double decimal(float f) {
        return Double.parseDouble(Float.toString(f));
    }

    private static ModelStatus status(LiveModel m) {
        return new ModelStatus(m.manifest.algorithm(), m.dir, m.generation, m.manifest,
                m.index == null ? ItemIndexes.EXACT : m.index.type(), java.util.Optional.ofNullable(m.calibration));
    }
}
