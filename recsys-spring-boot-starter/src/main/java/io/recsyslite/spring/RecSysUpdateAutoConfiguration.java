package io.recsyslite.spring;

import io.recsyslite.internal.serving.RecSysEngine;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/** Scheduled updates and retraining ({@link RecSysUpdater}), switched on by {@code recsys.update.enabled=true}. */
@AutoConfiguration(after = RecSysAutoConfiguration.class)
@ConditionalOnBean(RecSysEngine.class)
@ConditionalOnProperty(prefix = "recsys.update", name = "enabled", havingValue = "true")
public class RecSysUpdateAutoConfiguration {
    @Bean
    public RecSysUpdater recSysUpdater(RecSysEngine recSys, RecSysProperties properties) {
        return new RecSysUpdater(recSys, properties);
    }
}
