/**
 * The request, filter and result types every model and index shares: a {@link RecommendRequest}
 * (k, exclude-seen on by default, an extra {@link ItemFilter}) goes in, {@link ScoredItems} (dense
 * item ints and scores, best first) comes out. An {@link ItemFilter} is a small composable
 * predicate over dense item ints ({@code allow}, {@code deny}, {@code allowIds}, {@code denyIds},
 * {@code and}), applied inside the top-k selection so that k items come back whenever k pass;
 * {@link TopK} is the bounded heap that selects them. Requests, results and the filters the
 * factories return are immutable; a {@link TopK} is not thread-safe (use one per thread and merge).
 */
package io.recsyslite.core.rank;
