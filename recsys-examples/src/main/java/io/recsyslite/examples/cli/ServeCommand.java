package io.recsyslite.examples.cli;

import io.recsyslite.RecSysConfig;
import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.core.index.IndexCalibration;
import io.recsyslite.core.index.ItemIndexes;
import io.recsyslite.internal.serving.ModelStatus;
import io.recsyslite.internal.serving.RecSysEngine;
import io.recsyslite.internal.serving.TrafficSplit;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.examples.config.Settings;
import io.recsyslite.examples.server.RestServer;
import io.recsyslite.examples.server.ServerOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code recsys-lite serve}: runs the REST server until Ctrl-C, then stops it and closes the
 * RecSysEngine. Defaults come from the environment ({@link Settings}: MODEL_DIR, DB_PATH, ...).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve recommendations over HTTP (the REST API, the demo shop page and the dashboard) until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
    /** The spec's serving index, used when the Faiss module is on the class path. */
    private static final String DEFAULT_ANN_INDEX = "faiss-ivf-flat";

    @Option(names = {"--model-dir", "--model"}, description = "Model directory (default: MODEL_DIR or model_artifacts/als).")
    Path modelDir;

    @Option(names = "--variant", paramLabel = "NAME=DIR:WEIGHT", description = "A/B test: serve the model in DIR "
            + "as variant NAME to WEIGHT parts of the traffic (repeat for each variant, e.g. --variant a=models/als:50 "
            + "--variant b=models/pop:50; instead of --model-dir). Users and sessions are assigned by a hash of their id; "
            + "each directory is watched on its own. Options can also come from a file: serve @ab.txt.")
    List<String> variants = new ArrayList<>();

    @Option(names = "--conversion-window-hours", defaultValue = "24", description = "How long after a recommendation "
            + "an add_to_cart or purchase of one of its items counts as its conversion in /stats (default: ${DEFAULT-VALUE}).")
    double conversionWindowHours;

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

    @Option(names = "--request-threads", description = "The most threads the server runs requests on "
            + "(default: ${DEFAULT-VALUE}).")
    int requestThreads = ServerOptions.DEFAULT_REQUEST_THREADS;

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
        Map<String, Path> variantDirs = new LinkedHashMap<>();
        TrafficSplit split = variants.isEmpty() ? TrafficSplit.single() : parseVariants(variants, variantDirs);
        if (variantDirs.isEmpty()) {
            variantDirs.put(split.names().get(0), models);
        } else if (modelDir != null) {
            throw new InvalidParameterException("give either --model-dir or --variant, not both");
        }
        ServerOptions options = new ServerOptions(Optional.ofNullable(apiKey), origins(), demoDir,
                watchModel ? Optional.of(models) : Optional.empty(), Duration.ofSeconds(watchIntervalSeconds), publicEvents)
                .withConversionWindow(Duration.ofSeconds(Math.round(conversionWindowHours * 3600)))
                .withDashboardDir(dashboardDir).withRequestThreads(requestThreads);
        if (watchModel && !variants.isEmpty()) {
            options = options.withWatchedVariants(variantDirs);
        }
        RecSysConfig config = settings.recSysConfig(CommonOptions.existing(db != null ? db : settings.dbPath()), indexType);
        RecSysEngine recSys = RecSysEngine.open(config.withIndex(indexType,
                        config.indexOptions().with(IndexCalibration.TARGET_RECALL_SETTING, targetRecall))
                .withEventTypes(eventTypes.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet())),
                split);
        RestServer server;
        try {
            for (Map.Entry<String, Path> v : variantDirs.entrySet()) {
                loadIfPresent(recSys, v.getKey(), v.getValue());
            }
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
    private static void loadIfPresent(RecSysEngine recSys, String variant, Path models) throws IOException {
        if (Files.exists(models.resolve(ModelArtifacts.MANIFEST))) {
            ModelStatus status = recSys.swapModel(variant, models);
            System.out.printf("Loaded %s model from %s (%s index%s)%s%n", status.algorithm(), models, status.indexType(),
                    status.calibration().map(c -> ", " + c).orElse(""),
                    recSys.split().variants().size() > 1 ? " as variant " + variant : "");
        } else {
            System.err.printf("No model in %s yet: serving no recommendations until one is saved there%n", models);
        }
    }

    /** {@code NAME=DIR:WEIGHT} (the weight after the last ':'), in order; fills {@code dirs}. */
    static TrafficSplit parseVariants(List<String> specs, Map<String, Path> dirs) {
        List<TrafficSplit.Variant> parsed = new ArrayList<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            int colon = spec.lastIndexOf(':');
            if (eq < 1 || colon < eq + 2 || !spec.substring(colon + 1).matches("[0-9]{1,6}")) {
                throw new InvalidParameterException("--variant must look like NAME=DIR:WEIGHT, e.g. a=models/als:50, was '"
                        + spec + "'");
            }
            TrafficSplit.Variant v = new TrafficSplit.Variant(spec.substring(0, eq),
                    Integer.parseInt(spec.substring(colon + 1)));
            parsed.add(v);
            dirs.put(v.name(), Path.of(spec.substring(eq + 1, colon)));
        }
        return new TrafficSplit(parsed);
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
