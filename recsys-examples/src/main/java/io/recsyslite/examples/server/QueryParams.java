package io.recsyslite.examples.server;

import io.javalin.http.Context;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.serving.RecommendOptions;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the query parameters of the API into library types. Anything malformed is an
 * {@link InvalidParameterException} naming the parameter (answered with 400); range checks the
 * library does itself (such as k against MAX_RECOMMENDATIONS) are left to it.
 */
final class QueryParams {
    static final int DEFAULT_K = 10;

    private QueryParams() {
    }

    static String requiredId(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException(name + " is required");
        }
        return value;
    }

    /** The parameter's value, or null when it is absent or blank. */
    static String optionalId(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value;
    }

    static int k(Context ctx) {
        String raw = ctx.queryParam("k");
        if (raw == null) {
            return DEFAULT_K;
        }
        // ASCII digits only: Integer.parseInt would also take other scripts' digits such as '٣'
        if (!raw.matches("[0-9]{1,9}")) {
            throw new InvalidParameterException("k must be a whole number written with the digits 0-9, was '" + raw + "'");
        }
        return Integer.parseInt(raw);
    }

    /** A boolean parameter: true/false, 1/0 or yes/no. */
    static boolean bool(Context ctx, String name, boolean fallback) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return fallback;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidParameterException(name + " must be true or false, was '" + raw + "'");
        };
    }

    /** True for {@code fallback=popular}: unknown users get popular items instead of a 404. */
    static boolean popularFallback(Context ctx) {
        String raw = ctx.queryParam("fallback");
        if (raw == null || raw.equals("none")) {
            return false;
        }
        if (raw.equals("popular")) {
            return true;
        }
        throw new InvalidParameterException("fallback must be 'popular' or 'none', was '" + raw + "'");
    }

    /** The business filters and serving switches shared by the recommendation endpoints. */
    static RecommendOptions options(Context ctx) {
        Double minPrice = price(ctx, "min_price");
        Double maxPrice = price(ctx, "max_price");
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            throw new InvalidParameterException("min_price (" + minPrice + ") must not exceed max_price (" + maxPrice + ")");
        }
        return RecommendOptions.defaults()
                .withExcludeSeen(bool(ctx, "exclude_seen", true))
                .withUseIndex(bool(ctx, "use_faiss", true))
                .withCategories(list(ctx, "category"))
                .withBrands(list(ctx, "brand"))
                .withPriceRange(minPrice, maxPrice)
                .withInStockOnly(bool(ctx, "in_stock", false))
                .withDenyIds(list(ctx, "exclude"))
                .withExplain(bool(ctx, "explain", false));
    }

    private static Double price(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return null;
        }
        try {
            double v = Double.parseDouble(raw.trim());
            if (Double.isFinite(v) && v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameterException(name + " must be a non-negative number, was '" + raw + "'");
    }

    /** A repeatable parameter whose values may also be comma lists. */
    static Set<String> list(Context ctx, String name) {
        Set<String> values = new LinkedHashSet<>();
        for (String raw : ctx.queryParams(name)) {
            for (String v : raw.split(",")) {
                if (!v.isBlank()) {
                    values.add(v.trim());
                }
            }
        }
        return values;
    }
}
