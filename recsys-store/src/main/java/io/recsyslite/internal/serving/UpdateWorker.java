package io.recsyslite.internal.serving;

import io.recsyslite.TrainRequest;
import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.core.artifact.ModelManifest;
import io.recsyslite.core.artifact.Provenance;
import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.error.InvalidDataException;
import io.recsyslite.core.internal.data.EventColumns;
import io.recsyslite.core.internal.data.InteractionsBuilder;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.FoldIn;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.internal.store.RecsysStore;
import io.recsyslite.internal.store.StoreAccess;
import io.recsyslite.internal.store.UserEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a saved model current without full retrains. Each cycle it
 * <ol>
 *   <li>ingests new event files (Parquet or CSV) dropped into the incoming directory: a good file
 *       moves to {@code processed/}, a bad one to {@code rejected/} with its error beside it, never
 *       half-applied;</li>
 *   <li>folds the users with events newer than its mark (from those files or from anyone
 *       else's ingest) into the model when the algorithm supports it ({@link FoldIn}), leaving
 *       everything else untouched, and saves the model atomically;</li>
 *   <li>retrains fully with the model's own algorithm and parameters every {@code retrainEvery}
 *       (new items are served from then on).</li>
 * </ol>
 * A serving process picks the saved model up through its model-directory watch, or directly when
 * given a {@link RecSysEngine}. Not thread-safe: run cycles from one thread.
 *
 * <p>The mark (the newest event folded into the model) is kept in the store with the audit row of
 * each update, so a restarted or killed worker goes on where it stopped. A first start takes the
 * events the model was trained from (those ingested by its {@code data_read_at}) as folded in.
 * A crash between saving the model and recording the mark only folds the same users in again,
 * from their complete histories, which gives the same model.
 */
public final class UpdateWorker {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateWorker.class);

    private final StoreAccess store;
    private final Path modelDir;
    private final Path incomingDir;
    private final Duration retrainEvery;
    private final TrainingContext context;
    private final Algorithms algorithms;
    private final Clock clock;
    private Instant lastRetrain;

    /** What one cycle did. */
    public record CycleReport(List<Path> ingested, List<Path> rejected, int usersFolded, boolean retrained) {
        public boolean modelChanged() {
            return usersFolded > 0 || retrained;
        }
    }

    /**
     * @param retrainEvery zero for never; otherwise the time between full retrains, counted from
     *                     the worker's start
     * @throws io.recsyslite.core.error.CorruptModelException when {@code modelDir} holds no valid model
     */
    public UpdateWorker(Path db, Path modelDir, Path incomingDir, Duration retrainEvery, TrainingContext context,
                        Algorithms algorithms, Clock clock) throws IOException {
        this(StoreAccess.of(db), modelDir, incomingDir, retrainEvery, context, algorithms, clock);
    }

    /**
     * As {@link #UpdateWorker(Path, Path, Path, Duration, TrainingContext, Algorithms, Clock)},
     * reaching the store through {@code store}, e.g. the serving engine's in the same process.
     */
    public UpdateWorker(StoreAccess store, Path modelDir, Path incomingDir, Duration retrainEvery,
                        TrainingContext context, Algorithms algorithms, Clock clock) throws IOException {
        this.store = store;
        this.modelDir = modelDir;
        this.incomingDir = incomingDir;
        this.retrainEvery = retrainEvery;
        this.context = context;
        this.algorithms = algorithms;
        this.clock = clock;
        ModelManifest manifest = ModelArtifacts.verify(modelDir);
        store.withStore(s -> {
            Gdpr.applyPendingErasures(s); // erasures a crash or a busy directory left half done
            if (s.workerMark(modelDir).isEmpty()) {
                long seq = manifest.provenance().dataReadInstant().map(s::maxEventSeqIngestedBy)
                        .orElseGet(s::maxEventSeq);
                s.markWorkerProgress(modelDir, seq, "worker_start", manifest.algorithm(),
                        "first mark=" + seq + " dir=" + modelDir);
            }
            return null;
        });
        this.lastRetrain = clock.instant();
    }

    /**
     * One cycle. The store is open for the ingest and the fold-in; a retrain holds it only to read
     * the training data, so a serving process sharing the store keeps working.
     */
    public CycleReport runOnce() throws IOException {
        boolean retrain = !retrainEvery.isZero() && !clock.instant().isBefore(lastRetrain.plus(retrainEvery));
        CycleReport report = store.withStore(s -> {
            List<Path> ingested = new ArrayList<>();
            List<Path> rejected = new ArrayList<>();
            for (Path file : incomingFiles()) {
                try {
                    s.ingestEvents(file, context.progress());
                    ingested.add(moveTo(file, "processed"));
                } catch (InvalidDataException e) {
                    LOG.error("Rejected {}: {}", file.getFileName(), e.getMessage());
                    Path moved = moveTo(file, "rejected");
                    Files.writeString(moved.resolveSibling(moved.getFileName() + ".error.txt"), e.getMessage() + "\n");
                    rejected.add(moved);
                }
            }
            return new CycleReport(ingested, rejected, retrain ? 0 : foldInNewEvents(s), retrain);
        });
        if (retrain) {
            retrain();
        }
        return report;
    }

    /** Runs cycles every {@code interval} until the thread is interrupted. */
    public void run(Duration interval) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                CycleReport report = runOnce();
                if (report.modelChanged() || !report.ingested().isEmpty() || !report.rejected().isEmpty()) {
                    LOG.info("Update cycle: {}", report);
                }
            } catch (IOException | RuntimeException e) {
                LOG.error("Update cycle failed; the model is unchanged: {}", e.getMessage(), e);
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private int foldInNewEvents(RecsysStore store) throws IOException {
        long mark = store.workerMark(modelDir).orElse(0);
        long newest = store.maxEventSeq();
        if (newest <= mark) {
            return 0;
        }
        Map<String, List<UserEvent>> events = store.eventsOfUsersActiveAfter(mark);
        ModelArtifacts.Loaded loaded = ModelArtifacts.load(modelDir, algorithms);
        String algorithm = loaded.manifest().algorithm();
        if (!(loaded.model() instanceof FoldIn foldIn)) {
            LOG.info("{} cannot fold in new events; {} users wait for the next retrain", algorithm, events.size());
            store.markWorkerProgress(modelDir, newest, "model_update", algorithm,
                    "waiting_for_retrain_users=" + events.size() + " dir=" + modelDir);
            return 0;
        }
        List<String> users = new ArrayList<>(events.keySet());
        ConfidenceWeighting weighting = weighting(loaded.manifest());
        Recommender updated = foldIn.foldIn(users, rows(users, events, loaded.model().items(), weighting));
        save(store, updated, loaded.manifest());
        store.markWorkerProgress(modelDir, newest, "model_update", algorithm,
                "folded_in_users=" + users.size() + " dir=" + modelDir);
        return users.size();
    }

    private void retrain() throws IOException {
        ModelManifest manifest = ModelArtifacts.verify(modelDir);
        long newest = store.withStore(RecsysStore::maxEventSeq);
        new Trainer(algorithms).train(store, TrainRequest.of(manifest.algorithm(), modelDir).withParams(manifest.params())
                .withWeighting(weighting(manifest)).withContext(context));
        store.withStore(s -> {
            s.markWorkerProgress(modelDir, newest, "model_retrain", manifest.algorithm(), "dir=" + modelDir);
            return null;
        });
        lastRetrain = clock.instant();
    }

    /** The weighting the model was trained with; the default for models saved before it was recorded. */
    static ConfidenceWeighting weighting(ModelManifest manifest) {
        return manifest.provenance().weighting().orElse(Trainer.DEFAULT_WEIGHTING);
    }

    /** The users' complete histories as confidence rows over the model's items (unknown items wait for a retrain). */
    static CsrMatrix rows(List<String> users, Map<String, List<UserEvent>> events, IdIndex items,
                          ConfidenceWeighting weighting) {
        EventColumns columns = new EventColumns();
        for (int r = 0; r < users.size(); r++) {
            for (UserEvent e : events.get(users.get(r))) {
                int item = items.indexOf(e.itemId());
                if (item >= 0) {
                    columns.add(r, item, e.ts(), e.qty(), weighting.typeWeight(e.eventType()));
                }
            }
        }
        return new InteractionsBuilder(weighting).build(columns, users.size(), items.size()).interactions().userItems();
    }

    /**
     * Saves a folded-in model. It keeps the previous model's data-read time: the users it did not
     * touch still carry what the store held then, so users deleted since must still be scrubbed.
     */
    private void save(RecsysStore store, Recommender model, ModelManifest previous) throws IOException {
        Provenance p = previous.provenance();
        Provenance provenance = new Provenance(p.metrics(), store.dataFingerprint(), p.seed(), p.dataReadAt(),
                p.weighting(), p.selection());
        ModelArtifacts.save(model, modelDir, provenance);
        Gdpr.applyPendingErasures(store);
    }

    private List<Path> incomingFiles() throws IOException {
        if (!Files.isDirectory(incomingDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(incomingDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".parquet") || f.getFileName().toString().endsWith(".csv"))
                    .sorted().toList();
        }
    }

    private Path moveTo(Path file, String subdir) throws IOException {
        Path dir = incomingDir.resolve(subdir);
        Files.createDirectories(dir);
        return Files.move(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
}
