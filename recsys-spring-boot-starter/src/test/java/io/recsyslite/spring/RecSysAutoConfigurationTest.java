package io.recsyslite.spring;

import io.recsyslite.RecSysConfig;
import io.recsyslite.RecommendOptions;
import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.internal.serving.RecSysEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The RecSysEngine bean from recsys.* properties, its lifecycle, and what stays off unless asked for. */
class RecSysAutoConfigurationTest {
    @TempDir
    static Path root;
    private static SampleShop shop;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RecSysAutoConfiguration.class, RecSysWebAutoConfiguration.class,
                    RecSysActuatorAutoConfiguration.class, RecSysUpdateAutoConfiguration.class));

    @BeforeAll
    static void createShop() throws IOException {
        shop = SampleShop.create(root, 2000, "popularity");
    }

    private ApplicationContextRunner withShop() {
        return runner.withPropertyValues("recsys.store-path=" + shop.db(), "recsys.model-dir=" + shop.modelDir());
    }

    @Test
    void recSysServesTheModelWithThePropertiesAndIsClosedWithTheContext() {
        AtomicReference<RecSysEngine> served = new AtomicReference<>();
        withShop().withPropertyValues("recsys.max-recommendations=7", "recsys.cache-expiry=0s", "recsys.threads=3",
                        "recsys.event-types=View,purchase")
                .run(context -> {
                    RecSysEngine recSys = context.getBean(RecSysEngine.class);
                    served.set(recSys);
                    RecSysConfig config = recSys.config();
                    assertThat(config.dbPath()).isEqualTo(shop.db());
                    assertThat(config.maxRecommendations()).isEqualTo(7);
                    assertThat(config.cacheExpiry()).isZero();
                    assertThat(config.indexOptions().threads()).isEqualTo(3);
                    assertThat(config.eventTypes()).containsExactlyInAnyOrder("view", "purchase");
                    assertThat(recSys.status()).get().extracting(s -> s.algorithm()).isEqualTo("popularity");
                    assertThat(recSys.recommend(SampleShop.KNOWN_USER, 5, RecommendOptions.defaults()).items())
                            .hasSize(5);
                });
        assertThat(served.get().status()).as("the model is released on close").isEmpty();
    }

    @Test
    void withoutAModelTheBeanStartsAndServesNothingYet() {
        runner.withPropertyValues("recsys.store-path=" + shop.db(), "recsys.model-dir=" + root.resolve("no-model"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(RecSysEngine.class).status()).isEmpty();
                });
    }

    @Test
    void aBrokenModelFailsTheStart() throws IOException {
        Path broken = Files.createDirectories(root.resolve("broken"));
        Files.writeString(broken.resolve(ModelArtifacts.MANIFEST), "{\"format_version\": 1, \"files\": {\"x.bin\": \"00\"}}");
        runner.withPropertyValues("recsys.store-path=" + shop.db(), "recsys.model-dir=" + broken)
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void webAndUpdatesAreOffUnlessEnabled() {
        withShop().run(context -> {
            assertThat(context).doesNotHaveBean(RecSysController.class);
            assertThat(context).doesNotHaveBean(RecSysUpdater.class);
            assertThat(context).hasSingleBean(RecSysHealthIndicator.class);
            assertThat(context).hasSingleBean(RecSysMeters.class);
        });
        withShop().withPropertyValues("recsys.update.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(RecSysUpdater.class));
    }

    @Test
    void anApplicationsOwnRecSysIsKept() {
        withShop().withUserConfiguration(OwnRecSys.class).run(context -> {
            assertThat(context).hasSingleBean(RecSysEngine.class);
            assertThat(context.getBean(RecSysEngine.class).config().maxRecommendations()).isEqualTo(3);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRecSys {
        @Bean(destroyMethod = "close")
        RecSysEngine ownRecSys() {
            return RecSysEngine.open(RecSysConfig.defaults(shop.db()).withMaxRecommendations(3));
        }
    }
}
