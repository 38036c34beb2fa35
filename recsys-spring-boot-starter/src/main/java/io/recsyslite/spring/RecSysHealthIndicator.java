package io.recsyslite.spring;

import io.recsyslite.internal.serving.ModelStatus;
import io.recsyslite.internal.serving.RecSysEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * {@code /actuator/health} of the {@link RecSysEngine}: UP while a model is served and the store file is
 * reachable (readable and writable; it is not opened, so a trainer holding it does not make the
 * service look down), with the model's algorithm, index, generation and age.
 */
public class RecSysHealthIndicator extends AbstractHealthIndicator {
    private final RecSysEngine recSys;
    private final Clock clock;

    RecSysHealthIndicator(RecSysEngine recSys, Clock clock) {
        super("RecSysEngine health check failed");
        this.recSys = recSys;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Path store = recSys.config().dbPath();
        boolean storeReachable = Files.isRegularFile(store) && Files.isReadable(store) && Files.isWritable(store);
        Optional<ModelStatus> status = recSys.status();
        builder.status(status.isPresent() && storeReachable ? "UP" : "DOWN")
                .withDetail("modelLoaded", status.isPresent())
                .withDetail("store", store.toString())
                .withDetail("storeReachable", storeReachable);
        status.ifPresent(s -> {
            builder.withDetail("algorithm", s.algorithm())
                    .withDetail("index", s.indexType())
                    .withDetail("generation", s.generation())
                    .withDetail("modelCreatedAt", s.manifest().createdAt());
            age(s).ifPresent(age -> builder.withDetail("modelAgeSeconds", age.toSeconds()));
        });
    }

    private Optional<Duration> age(ModelStatus status) {
        try {
            return Optional.of(Duration.between(Instant.parse(status.manifest().createdAt()), clock.instant()));
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty(); // a model.json of another writer without a parseable time
        }
    }
}
