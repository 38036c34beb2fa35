package io.recsyslite.spring;

import io.recsyslite.RecSys;
import io.recsyslite.RecSysConfig;
import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.core.index.IndexOptions;
import io.recsyslite.internal.serving.ModelStatus;
import io.recsyslite.internal.serving.RecSysEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * One shared {@link RecSysEngine} (thread-safe) from the {@code recsys.*} properties, serving the model
 * in {@code recsys.model-dir} when there is one; closed with the application context. An
 * application that defines its own {@code RecSysEngine} bean keeps it.
 */
@AutoConfiguration
@EnableConfigurationProperties(RecSysProperties.class)
public class RecSysAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(RecSysAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public RecSysEngine recSysEngine(RecSysProperties properties) throws IOException {
        RecSysConfig config = RecSysConfig.defaults(properties.getStorePath())
                .withIndex(properties.getIndex(), new IndexOptions(properties.getThreads(), Map.of()))
                .withCacheExpiry(properties.getCacheExpiry())
                .withMaxRecommendations(properties.getMaxRecommendations())
                .withEventTypes(properties.getEventTypes().stream().map(t -> t.trim().toLowerCase(Locale.ROOT))
                        .collect(Collectors.toSet()));
        RecSysEngine recSys = RecSysEngine.open(config);
        try {
            if (Files.exists(properties.getModelDir().resolve(ModelArtifacts.MANIFEST))) {
                ModelStatus status = recSys.swapModel(properties.getModelDir());
                LOG.info("Serving the {} model in {} ({} index)", status.algorithm(), status.dir(), status.indexType());
            } else {
                LOG.warn("No model in {} yet: no recommendations until one is saved there", properties.getModelDir());
            }
            return recSys;
        } catch (IOException | RuntimeException e) {
            recSys.close(); // a broken model fails the start
            throw e;
        }
    }

    /** The facade a shop's code injects, over the engine above (which the context closes). */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public RecSys recSys(RecSysEngine engine) {
        return RecSys.over(engine);
    }
}
