package io.recsyslite.examples.cli;

import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.core.index.IndexCalibration;
import io.recsyslite.core.index.ItemIndexes;
import io.recsyslite.core.serving.ModelStatus;
import io.recsyslite.core.serving.RecSys;
import io.recsyslite.core.serving.RecSysConfig;
import io.recsyslite.examples.config.Settings;
import io.recsyslite.examples.server.RestServer;
import io.recsyslite.examples.server.ServerOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code recsys-lite serve}: runs the REST server until Ctrl-C, then stops it and closes the
 * RecSys. Defaults come from the environment ({@link Settings}: MODEL_DIR, DB_PATH, ...).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve recommendations over HTTP (the REST API, the demo shop page and the dashboard) until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
    /** The spec's serving index, used when the Faiss module is on the class path. */
    private static final String DEFAULT_ANN_INDEX = "faiss-ivf-flat";

    @Option(names = {"--model-dir", "--model"}, description = "Model directory (default: MODEL_DIR or model_artifacts/als).")
    Path modelDir;

    @Option(names = "--db", description = "DuckDB file (default: DB_PATH or data/recsys.db).")
    Path db;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8000", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--index", description = "Item index for embedding models: exact, faiss-ivf-flat, faiss-flat, "
            + "faiss-hnsw (default: faiss-ivf-flat when recsys-faiss is on the class path, else exact).")
    String index;

    @Option(names = "--target-recall", defaultValue = "0.95",
            description = "Recall@10 an approximate index is calibrated to on the model's user vectors, choosing the "
                    + "smallest nprobe / efSearch that reaches it (default: ${DEFAULT-VALUE}; FAISS_NPROBE overrides).")
    String targetRecall;

    @Option(names = "--api-key", defaultValue = "${env:RECSYS_API_KEY}",
            description = "Key for the GDPR endpoints (X-API-Key header; default: RECSYS_API_KEY). None disables them.")
    String apiKey;

    @Option(names = "--public-events", description = "Accept POST /events without the API key, so a shop's "
            + "browsers can post view and click beacons (only matters with --api-key).")
    boolean publicEvents;

    @Option(names = "--event-types", split = ",", description = "The event types POST /events accepts, e.g. "
            + "view,click,add_to_cart,purchase (default: any word).")
    List<String> eventTypes = new ArrayList<>();

    @Option(names = "--cors-origin", description = "Origin allowed to call the API from a browser, e.g. "
            + "https://shop.example (repeatable; default: CORS_ORIGINS, a comma list, else any origin).")
    List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--demo-dir", description = "Built demo page served at / (default: widget/dist-demo).")
    Path demoDir = ServerOptions.DEFAULT_DEMO_DIR;

    @Option(names = "--dashboard-dir", description = "Built dashboard served at /dashboard/ (default: dashboard/dist).")
    Path dashboardDir = ServerOptions.DEFAULT_DASHBOARD_DIR;

    @Option(names = "--watch-model", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Reload the model when a new one is saved into --model-dir (default: on).")
    boolean watchModel;

    @Option(names = "--watch-interval", defaultValue = "2",
            description = "Seconds between checks of the model directory (default: ${DEFAULT-VALUE}).")
    long watchIntervalSeconds;

    @Override
    public Integer call() throws Exception {
        Settings settings = Settings.fromEnvironment();
        Path models = modelDir != null ? modelDir : settings.modelDir();
        String indexType = indexType();
        ServerOptions options = new ServerOptions(Optional.ofNullable(apiKey), origins(), demoDir,
                watchModel ? Optional.of(models) : Optional.empty(), Duration.ofSeconds(watchIntervalSeconds), publicEvents,
                dashboardDir);
        RecSysConfig config = settings.recSysConfig(CommonOptions.existing(db != null ? db : settings.dbPath()), indexType);
        RecSys recSys = RecSys.open(config.withIndex(indexType,
                        config.indexOptions().with(IndexCalibration.TARGET_RECALL_SETTING, targetRecall))
                .withEventTypes(eventTypes.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet())));
        RestServer server;
        try {
            loadIfPresent(recSys, models);
            server = new RestServer(recSys, options).start(host, port);
        } catch (Exception e) {
            recSys.close();
            throw e;
        }
        System.out.printf("Serving on http://%s:%d/ (Ctrl-C to stop)%n", host, server.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            recSys.close();
            stopped.countDown();
        }, "recsys-serve-shutdown"));
        stopped.await();
        return 0;
    }

    /** A broken model fails the start; a missing one is served as "no_model" until one is saved. */
    private static void loadIfPresent(RecSys recSys, Path models) throws IOException {
        if (Files.exists(models.resolve(ModelArtifacts.MANIFEST))) {
            ModelStatus status = recSys.swapModel(models);
            System.out.printf("Loaded %s model from %s (%s index%s)%n", status.algorithm(), models, status.indexType(),
                    status.calibration().map(c -> ", " + c).orElse(""));
        } else {
            System.err.printf("No model in %s yet: serving no recommendations until one is saved there%n", models);
        }
    }

    private String indexType() {
        ItemIndexes indexes = ItemIndexes.discover();
        if (index == null) {
            return indexes.names().contains(DEFAULT_ANN_INDEX) ? DEFAULT_ANN_INDEX : ItemIndexes.EXACT;
        }
        if (!ItemIndexes.EXACT.equals(index)) {
            indexes.get(index); // an unknown type fails now, naming the known ones
        }
        return index;
    }

    private List<String> origins() {
        if (!corsOrigins.isEmpty()) {
            return corsOrigins;
        }
        String env = System.getenv("CORS_ORIGINS");
        return env == null ? List.of()
                : Arrays.stream(env.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
