package io.recsyslite.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.recsyslite.internal.serving.RecSysEngine;
import java.time.Clock;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link RecSysEngine} in Actuator: a health indicator ({@code recSys}) with Spring Boot Actuator on
 * the class path, and Micrometer meters (the library's counters and the REST API's request timer)
 * with Micrometer.
 */
@AutoConfiguration(after = RecSysAutoConfiguration.class, afterName = {
    "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnBean(RecSysEngine.class)
public class RecSysActuatorAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {
        @Bean
        public RecSysHealthIndicator recSysHealthIndicator(RecSysEngine recSys) {
            return new RecSysHealthIndicator(recSys, Clock.systemUTC());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class Metrics {
        @Bean
        public RecSysMeters recSysMeters(RecSysEngine recSys) {
            return new RecSysMeters(recSys);
        }

        @Bean
        @ConditionalOnBean(MeterRegistry.class)
        public RecSysRequestTimer recSysRequestTimer(MeterRegistry registry) {
            return new RecSysRequestTimer(registry);
        }
    }
}
