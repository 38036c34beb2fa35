package io.recsyslite.core.internal.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs work over users in fixed-size chunks on an own pool of threads and returns the chunk
 * results in chunk order, so merged sums do not depend on the number of threads.
 */
final class UserChunks {
    private static final int CHUNK = 128;

    private UserChunks() {
    }

    /** Work on the users {@code users[from..to)}. */
    @FunctionalInterface
    interface ChunkWork<T> {
        T run(int[] users, int from, int to);
    }

    static <T> List<T> map(int threads, int[] users, ChunkWork<T> work) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "recsys-eval-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int from = 0; from < users.length; from += CHUNK) {
                int start = from;
                int end = Math.min(users.length, from + CHUNK);
                futures.add(pool.submit(() -> work.run(users, start, end)));
            }
            List<T> results = new ArrayList<>(futures.size());
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("evaluation failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
