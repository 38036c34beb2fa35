package io.recsyslite.rest;

import io.recsyslite.RecommendOptions;
import io.recsyslite.core.error.InvalidParameterException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the query parameters of the API into library types. Anything malformed is an
 * {@link InvalidParameterException} naming the parameter (answered with 400); range checks the
 * library does itself (such as k against MAX_RECOMMENDATIONS) are left to it. Knows no web
 * framework: a server hands it the values of a parameter by name. Immutable if the lookup is.
 */
public final class QueryParams {
    public static final int DEFAULT_K = 10;

    private final Function<String, List<String>> lookup;

    /** @param values every value of the named query parameter, in order; empty when it is absent */
    public QueryParams(Function<String, List<String>> values) {
        this.lookup = values;
    }

    /** The first value of the parameter, or null. */
    private String first(String name) {
        List<String> all = lookup.apply(name);
        return all == null || all.isEmpty() ? null : all.get(0);
    }

    public String requiredId(String name) {
        String value = first(name);
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException(name + " is required");
        }
        return value;
    }

    /** The parameter's value, or null when it is absent or blank. */
    public String optionalId(String name) {
        String value = first(name);
        return value == null || value.isBlank() ? null : value;
    }

    public int k() {
        return wholeNumber("k", DEFAULT_K);
    }

    /** A whole number parameter of at least 1. */
    public int positiveInt(String name, int fallback) {
        int value = wholeNumber(name, fallback);
        if (value < 1) {
            throw new InvalidParameterException(name + " must be at least 1, was " + value);
        }
        return value;
    }

    private int wholeNumber(String name, int fallback) {
        String raw = first(name);
        if (raw == null) {
            return fallback;
        }
        // ASCII digits only: Integer.parseInt would also take other scripts' digits such as '٣'
        if (!raw.matches("[0-9]{1,9}")) {
            throw new InvalidParameterException(name + " must be a whole number written with the digits 0-9, was '"
                    + raw + "'");
        }
        return Integer.parseInt(raw);
    }

    /** A confidence level strictly between 0 and 1, e.g. {@code confidence=0.95}. */
    public double confidence(double fallback) {
        String raw = first("confidence");
        if (raw == null) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value > 0 && value < 1)) {
            throw new InvalidParameterException("confidence must be a number between 0 and 1 such as 0.95, was '"
                    + raw + "'");
        }
        return value;
    }

    /** A boolean parameter: true/false, 1/0 or yes/no. */
    public boolean bool(String name, boolean fallback) {
        String raw = first(name);
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
    public boolean popularFallback() {
        String raw = first("fallback");
        if (raw == null || raw.equals("none")) {
            return false;
        }
        if (raw.equals("popular")) {
            return true;
        }
        throw new InvalidParameterException("fallback must be 'popular' or 'none', was '" + raw + "'");
    }

    /** The business filters and serving switches shared by the recommendation endpoints. */
    public RecommendOptions options() {
        Double minPrice = price("min_price");
        Double maxPrice = price("max_price");
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            throw new InvalidParameterException("min_price (" + minPrice + ") must not exceed max_price (" + maxPrice + ")");
        }
        return RecommendOptions.defaults()
                .withExcludeSeen(bool("exclude_seen", true))
                .withUseIndex(bool("use_faiss", true))
                .withCategories(list("category"))
                .withBrands(list("brand"))
                .withPriceRange(minPrice, maxPrice)
                .withInStockOnly(bool("in_stock", false))
                .withDenyIds(list("exclude"))
                .withExplain(bool("explain", false));
    }

    private Double price(String name) {
        String raw = first(name);
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
    public Set<String> list(String name) {
        Set<String> values = new LinkedHashSet<>();
        for (String raw : lookup.apply(name)) {
            for (String v : raw.split(",")) {
                if (!v.isBlank()) {
                    values.add(v.trim());
                }
            }
        }
        return values;
    }
}
