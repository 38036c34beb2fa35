package io.recsyslite.internal.sample;

import java.util.SplittableRandom;

/**
 * Simulated shoppers reacting to recommendations, from the {@link SampleShopGenerator}'s own latent
 * preferences: a shopper shown an item clicks it with probability
 * {@code baseClick + preferredClick * affinity} and a click turns into a purchase with probability
 * {@code baseBuy + preferredBuy * affinity}, where the affinity is the share of the shopper's
 * sessions spent in the item's category ({@link SampleShopGenerator#categoryAffinity}; 0 outside
 * the preferred categories). A recommender that learnt the preferences is therefore clicked and
 * bought from more than one that did not. Immutable; callers bring their own random source.
 *
 * @param baseClick      click probability of an item outside the shopper's categories
 * @param preferredClick added click probability at full affinity
 * @param baseBuy        purchase probability after a click, outside the shopper's categories
 * @param preferredBuy   added purchase probability at full affinity
 */
public record ShopperClickModel(SampleShopGenerator shop, double baseClick, double preferredClick, double baseBuy,
                                double preferredBuy) {
    /** Clicks 2% + 25% x affinity, purchases after a click 10% + 30% x affinity. */
    public static ShopperClickModel defaults(SampleShopGenerator shop) {
        return new ShopperClickModel(shop, 0.02, 0.25, 0.10, 0.30);
    }

    public double clickProbability(int user, int item) {
        return baseClick + preferredClick * shop.categoryAffinity(user, item);
    }

    public double purchaseProbability(int user, int item) {
        return baseBuy + preferredBuy * shop.categoryAffinity(user, item);
    }

    /** Whether the shopper clicks the item, drawn from {@code random}. */
    public boolean clicks(int user, int item, SplittableRandom random) {
        return random.nextDouble() < clickProbability(user, item);
    }

    /** Whether a click of the shopper on the item ends in a purchase, drawn from {@code random}. */
    public boolean buysAfterClick(int user, int item, SplittableRandom random) {
        return random.nextDouble() < purchaseProbability(user, item);
    }
}
