package io.recsyslite.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code recsys.*} properties of the starter: where the store and the model are, how the
 * {@code RecSysEngine} serves, and the optional REST API and scheduled updates.
 */
@ConfigurationProperties(prefix = "recsys")
public class RecSysProperties {
    /** The DuckDB file holding events and the catalogue (it must exist: ingest data with the CLI first). */
    private Path storePath = Path.of("data", "recsys.db");

    /** Directory of the model to serve; a missing model is served as "no_model" until one is saved there. */
    private Path modelDir = Path.of("model_artifacts", "als");

    /** Item index serving embedding models: exact, or e.g. faiss-ivf-flat with recsys-faiss on the class path. */
    private String index = "exact";

    /** How long answers are cached; 0 disables the cache. */
    private Duration cacheExpiry = Duration.ofMinutes(5);

    /** The largest k a request may ask for. */
    private int maxRecommendations = 100;

    /** Threads of the item index and of retraining; default: the number of cores. */
    private int threads = Runtime.getRuntime().availableProcessors();

    /** Key the GDPR endpoints require in the X-API-Key header; none disables them. */
    private String apiKey;

    /** Whether POST /events is open without the API key, so a shop's browsers can post beacons. */
    private boolean publicEvents;

    /** Origins (e.g. https://shop.example) allowed to call the REST API from a browser; empty allows any for the public endpoints. */
    private List<String> corsOrigins = new ArrayList<>();

    /** Event types POST /events accepts (lower case), e.g. view, click, purchase; empty accepts any word. */
    private Set<String> eventTypes = new LinkedHashSet<>();

    private final Web web = new Web();

    private final Update update = new Update();

    /** The REST API of the example server, served by Spring MVC. */
    public static class Web {
        /** Serve the REST API (/recommend, /similar-items, /health, /metrics, /events, /gdpr/...). */
        private boolean enabled;

        /** Directory of a static page (e.g. the widget's built demo shop) served at /; none serves nothing there. */
        private Path demoDir;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Path getDemoDir() {
            return demoDir;
        }

        public void setDemoDir(Path demoDir) {
            this.demoDir = demoDir;
        }
    }

    /** Incremental updates and retraining by the library's UpdateWorker, as a Spring-scheduled task. */
    public static class Update {
        /** Run update cycles: ingest new event files, fold new events in, retrain every retrain-every; the new model is hot-swapped. */
        private boolean enabled;

        /** Time between update cycles. */
        private Duration interval = Duration.ofMinutes(1);

        /** Time between full retrains with the model's algorithm and parameters; 0 never retrains. */
        private Duration retrainEvery = Duration.ZERO;

        /** Directory polled for new event files (Parquet or CSV). */
        private Path incomingDir = Path.of("data", "incremental");

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public Duration getRetrainEvery() {
            return retrainEvery;
        }

        public void setRetrainEvery(Duration retrainEvery) {
            this.retrainEvery = retrainEvery;
        }

        public Path getIncomingDir() {
            return incomingDir;
        }

        public void setIncomingDir(Path incomingDir) {
            this.incomingDir = incomingDir;
        }
    }

    public Path getStorePath() {
        return storePath;
    }

    public void setStorePath(Path storePath) {
        this.storePath = storePath;
    }

    public Path getModelDir() {
        return modelDir;
    }

    public void setModelDir(Path modelDir) {
        this.modelDir = modelDir;
    }

    public String getIndex() {
        return index;
    }

    public void setIndex(String index) {
        this.index = index;
    }

    public Duration getCacheExpiry() {
        return cacheExpiry;
    }

    public void setCacheExpiry(Duration cacheExpiry) {
        this.cacheExpiry = cacheExpiry;
    }

    public int getMaxRecommendations() {
        return maxRecommendations;
    }

    public void setMaxRecommendations(int maxRecommendations) {
        this.maxRecommendations = maxRecommendations;
    }

    public int getThreads() {
        return threads;
    }

    public void setThreads(int threads) {
        this.threads = threads;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public boolean isPublicEvents() {
        return publicEvents;
    }

    public void setPublicEvents(boolean publicEvents) {
        this.publicEvents = publicEvents;
    }

    public List<String> getCorsOrigins() {
        return corsOrigins;
    }

    public void setCorsOrigins(List<String> corsOrigins) {
        this.corsOrigins = corsOrigins;
    }

    public Set<String> getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(Set<String> eventTypes) {
        this.eventTypes = eventTypes;
    }

    public Web getWeb() {
        return web;
    }

    public Update getUpdate() {
        return update;
    }
}
