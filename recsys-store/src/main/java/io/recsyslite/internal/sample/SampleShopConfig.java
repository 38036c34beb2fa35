package io.recsyslite.internal.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.recsyslite.core.error.InvalidDataException;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.internal.AtomicFiles;
import io.recsyslite.core.internal.SnakeCaseJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Size and seed of a synthetic shop. {@link #ofEvents} scales users and items with the number of
 * events (about 20 events per user and 50 per item, items capped at 500k); the {@code with*}
 * methods override single values. Immutable.
 *
 * @param events     number of events to generate (exact)
 * @param users      number of users; every user gets at least one event, so at most {@code events}
 * @param items      catalogue size
 * @param categories number of categories, at most {@code items}
 * @param seed       random seed; the same config always yields the same shop
 * @param startTs    unix seconds of the start of the one-year history
 */
public record SampleShopConfig(long events, int users, int items, int categories, long seed, long startTs) {
    /** 2024-01-01T00:00:00Z. */
    public static final long DEFAULT_START = 1_704_067_200L;
    /** The file beside a generated shop's data that records its config, so the shop can be regenerated. */
    public static final String FILE_NAME = "sample-shop.json";
    private static final ObjectMapper JSON = SnakeCaseJson.mapper();

    public SampleShopConfig {
        if (events < 1) {
            throw new InvalidParameterException("events must be >= 1, was " + events);
        }
        if (users < 1 || users > events) {
            throw new InvalidParameterException("users must be in 1.." + events + " (one event each at least), was " + users);
        }
        if (items < 1) {
            throw new InvalidParameterException("items must be >= 1, was " + items);
        }
        if (categories < 1 || categories > items) {
            throw new InvalidParameterException("categories must be in 1.." + items + ", was " + categories);
        }
    }

    /** A shop of {@code events} events with users, items and categories scaled to it, seed 42. */
    public static SampleShopConfig ofEvents(long events) {
        int users = (int) Math.max(1, Math.min(events, Math.max(10, events / 20)));
        int items = (int) Math.min(500_000, Math.max(50, events / 50));
        return new SampleShopConfig(events, users, items, categoriesFor(items), 42L, DEFAULT_START);
    }

    public SampleShopConfig withSeed(long s) {
        return new SampleShopConfig(events, users, items, categories, s, startTs);
    }

    public SampleShopConfig withUsers(int n) {
        return new SampleShopConfig(events, n, items, categories, seed, startTs);
    }

    /** Another catalogue size; the number of categories follows it. */
    public SampleShopConfig withItems(int n) {
        return new SampleShopConfig(events, users, n, Math.min(n, categoriesFor(n)), seed, startTs);
    }

    public SampleShopConfig withCategories(int n) {
        return new SampleShopConfig(events, users, items, n, seed, startTs);
    }

    private static int categoriesFor(int items) {
        return (int) Math.max(1, Math.min(items, Math.min(30, Math.max(4, Math.round(Math.sqrt(items) / 3)))));
    }

    /** The config of the shop generated into {@code dir} (its {@value #FILE_NAME}). */
    public static SampleShopConfig readFrom(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new InvalidDataException(file + " is missing: " + dir + " was not written by generate-sample");
        }
        try {
            return JSON.readValue(file.toFile(), SampleShopConfig.class);
        } catch (IOException e) {
            throw new InvalidDataException(file + " is not a sample shop config: " + e.getMessage(), e);
        }
    }

    void writeTo(Path dir) throws IOException {
        AtomicFiles.writeString(dir.resolve(FILE_NAME), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
    }
}
