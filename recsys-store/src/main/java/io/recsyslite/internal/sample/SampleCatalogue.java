package io.recsyslite.internal.sample;

import io.recsyslite.core.data.ItemMetadata;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The synthetic catalogue: each item's category, brand, price and a power-law popularity weight
 * (Zipf, exponent 1, over a random permutation of the items), with cumulative weights per category
 * and overall for sampling by binary search. Memory is a few arrays of catalogue size. Immutable.
 */
final class SampleCatalogue {
    private static final String[][] CATEGORIES = {
        {"Electronics", "Headphones"}, {"Clothing", "Jacket"}, {"Home", "Cushion"}, {"Garden", "Planter"},
        {"Sports", "Racket"}, {"Toys", "Puzzle"}, {"Books", "Novel"}, {"Beauty", "Serum"},
        {"Grocery", "Coffee"}, {"Pets", "Chew Toy"}, {"Automotive", "Wiper"}, {"Office", "Notebook"},
        {"Music", "Guitar Strings"}, {"Health", "Vitamins"}, {"Kitchen", "Pan"}, {"Shoes", "Sneaker"},
        {"Jewelry", "Necklace"}, {"Baby", "Blanket"}, {"Outdoor", "Tent"}, {"Tools", "Drill"},
        {"Games", "Board Game"}, {"Art", "Brush Set"}, {"Travel", "Backpack"}, {"Lighting", "Lamp"},
    };
    private static final String[] ADJECTIVES = {"Classic", "Premium", "Compact", "Eco", "Deluxe", "Smart",
        "Vintage", "Essential", "Ultra", "Soft", "Pro", "Mini"};
    private static final String[] BRAND_START = {"Nord", "Acme", "Blue", "Terra", "Nova", "Urban", "Silver",
        "Pine", "Zen", "Bright", "Iron", "Luna", "Oak", "Swift", "Coral", "Polar"};
    private static final String[] BRAND_END = {"line", "works", "craft", "ware", "labs", "co", "nest", "field"};

    private final int[] category;
    private final int[] brand;
    private final float[] price;
    private final int[][] itemsByCategory;
    private final double[][] cumulativeByCategory;
    private final double[] cumulativeCategories;
    private final double[] cumulativeItems;

    SampleCatalogue(int numItems, int numCategories, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int[] rank = permutation(numItems, random);
        double[] weight = new double[numItems];
        for (int i = 0; i < numItems; i++) {
            weight[i] = 1.0 / (rank[i] + 1);
        }
        category = new int[numItems];
        int[] size = new int[numCategories];
        double[] categoryShare = new double[numCategories];
        for (int c = 0; c < numCategories; c++) {
            categoryShare[c] = 1.0 / Math.pow(c + 1, 0.6); // some categories are bigger than others
        }
        double[] cumulativeShare = cumulative(categoryShare);
        for (int i = 0; i < numItems; i++) {
            category[i] = i < numCategories ? i : sample(cumulativeShare, random);
            size[category[i]]++;
        }
        itemsByCategory = new int[numCategories][];
        for (int c = 0; c < numCategories; c++) {
            itemsByCategory[c] = new int[size[c]];
        }
        int[] filled = new int[numCategories];
        for (int i = 0; i < numItems; i++) {
            itemsByCategory[category[i]][filled[category[i]]++] = i;
        }
        cumulativeByCategory = new double[numCategories][];
        double[] categoryWeight = new double[numCategories];
        for (int c = 0; c < numCategories; c++) {
            double[] w = new double[size[c]];
            for (int j = 0; j < w.length; j++) {
                w[j] = weight[itemsByCategory[c][j]];
                categoryWeight[c] += w[j];
            }
            cumulativeByCategory[c] = cumulative(w);
        }
        cumulativeCategories = cumulative(categoryWeight);
        cumulativeItems = cumulative(weight);

        int[] brandsPerCategory = new int[numCategories];
        int[] firstBrand = new int[numCategories];
        double[] basePrice = new double[numCategories];
        for (int c = 0, next = 0; c < numCategories; c++) {
            brandsPerCategory[c] = 3 + random.nextInt(8);
            firstBrand[c] = next;
            next += brandsPerCategory[c];
            basePrice[c] = Math.exp(Math.log(5) + random.nextDouble() * Math.log(60)); // 5 .. 300
        }
        brand = new int[numItems];
        price = new float[numItems];
        for (int i = 0; i < numItems; i++) {
            int c = category[i];
            brand[i] = firstBrand[c] + random.nextInt(brandsPerCategory[c]);
            double p = basePrice[c] * Math.exp(0.5 * random.nextGaussian());
            price[i] = (float) (Math.floor(p) + 0.99);
        }
    }

    int numCategories() {
        return itemsByCategory.length;
    }

    /** A category, the more likely the more popular its items. */
    int sampleCategory(SplittableRandom random) {
        return sample(cumulativeCategories, random);
    }

    /** An item of category {@code c}, by popularity. */
    int sampleInCategory(int c, SplittableRandom random) {
        return itemsByCategory[c][sample(cumulativeByCategory[c], random)];
    }

    /** Any item, by popularity. */
    int sampleAny(SplittableRandom random) {
        return sample(cumulativeItems, random);
    }

    int category(int item) {
        return category[item];
    }

    String categoryName(int c) {
        String name = CATEGORIES[c % CATEGORIES.length][0];
        return c < CATEGORIES.length ? name : name + " " + (c / CATEGORIES.length + 1);
    }

    String brandName(int item) {
        int b = brand[item];
        int combos = BRAND_START.length * BRAND_END.length;
        String name = BRAND_START[b % BRAND_START.length] + BRAND_END[(b / BRAND_START.length) % BRAND_END.length];
        return b < combos ? name : name + " " + (b / combos + 1);
    }

    float price(int item) {
        return price[item];
    }

    /** E.g. "Nordline Classic Lamp 17" for item_17; never contains a comma or quote. */
    String title(int item) {
        return brandName(item) + " " + ADJECTIVES[item % ADJECTIVES.length] + " "
                + CATEGORIES[category[item] % CATEGORIES.length][1] + " " + item;
    }

    /**
     * A picture of the item's category on the serving host ({@code /img/<category>.svg}, which the
     * example server draws), so the demo shows images without reaching a third-party host.
     */
    String imageUrl(int item) {
        return "/img/" + categoryName(category[item]).toLowerCase(Locale.ROOT).replace(' ', '-') + ".svg";
    }

    /** The catalogue as item metadata, aligned with item ints. */
    ItemMetadata metadata() {
        int n = category.length;
        String[] titles = new String[n];
        String[] categories = new String[n];
        String[] brands = new String[n];
        String[] images = new String[n];
        for (int i = 0; i < n; i++) {
            titles[i] = title(i);
            categories[i] = categoryName(category[i]);
            brands[i] = brandName(i);
            images[i] = imageUrl(i);
        }
        return new ItemMetadata(titles, categories, brands, price.clone(), images, Map.of());
    }

    static String formatPrice(float price) {
        return String.format(Locale.ROOT, "%.2f", price);
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static double[] cumulative(double[] w) {
        double[] c = new double[w.length];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i];
            c[i] = sum;
        }
        return c;
    }

    /** An index drawn with probability proportional to its weight, given cumulative weights. */
    private static int sample(double[] cumulative, SplittableRandom random) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int p = Arrays.binarySearch(cumulative, x);
        int i = p >= 0 ? p + 1 : -p - 1;
        return Math.min(i, cumulative.length - 1);
    }
}
