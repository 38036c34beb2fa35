package io.recsyslite.spring;

import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.core.index.IndexOptions;
import io.recsyslite.core.serving.ModelStatus;
import io.recsyslite.core.serving.RecSys;
import io.recsyslite.core.serving.RecSysConfig;
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
 * One shared {@link RecSys} (thread-safe) from the {@code recsys.*} properties, serving the model
 * in {@code recsys.model-dir} when there is one; closed with the application context. An
 * application that defines its own {@code RecSys} bean keeps it.
 */
@AutoConfiguration
@EnableConfigurationProperties(RecSysProperties.class)
public class RecSysAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(RecSysAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public RecSys recSys(RecSysProperties properties) throws IOException {
        RecSysConfig config = RecSysConfig.defaults(properties.getStorePath())
                .withIndex(properties.getIndex(), new IndexOptions(properties.getThreads(), Map.of()))
                .withCacheExpiry(properties.getCacheExpiry())
                .withMaxRecommendations(properties.getMaxRecommendations())
                .withEventTypes(properties.getEventTypes().stream().map(t -> t.trim().toLowerCase(Locale.ROOT))
                        .collect(Collectors.toSet()));
        RecSys recSys = RecSys.open(config);
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
}
