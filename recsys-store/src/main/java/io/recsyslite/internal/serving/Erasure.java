package io.recsyslite.internal.serving;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a user's erasure stands ({@link RecSysEngine#erase}, {@link RecSysEngine#erasureStatus}): done at
 * {@code at}, or queued since {@code at} because another process held the store (applied as soon
 * as the store is free; the user is served as unknown meanwhile).
 *
 * @param deletedEvents events this request removed (0 while queued and for an earlier erasure)
 */
public record Erasure(String userId, boolean done, Instant at, long deletedEvents) {
    public Erasure {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(at, "at");
    }
}
