package io.recsyslite.internal.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShopperClickModelTest {
    private final SampleShopGenerator shop = new SampleShopGenerator(SampleShopConfig.ofEvents(5000).withSeed(3));
    private final ShopperClickModel model = ShopperClickModel.defaults(shop);

    @Test
    void affinitiesAreTheSharesOfTheShoppersPreferredCategories() {
        for (int user = 0; user < 20; user++) {
            double total = 0;
            for (int c = 0; c < shop.config().categories(); c++) {
                total += affinityOfCategory(user, c);
            }
            assertThat(total).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void shoppersClickTheItemsTheyShopForMoreThanOthers() throws IOException {
        List<int[]> events = new ArrayList<>();
        shop.generate((user, item, ts, qty) -> events.add(new int[] {user, item}));
        double ownItems = events.stream().mapToDouble(e -> model.clickProbability(e[0], e[1])).average().orElseThrow();
        double anyItem = 0;
        SplittableRandom random = new SplittableRandom(1);
        for (int n = 0; n < 5000; n++) {
            anyItem += model.clickProbability(random.nextInt(shop.config().users()), random.nextInt(shop.config().items()));
        }
        anyItem /= 5000;
        assertThat(ownItems).isGreaterThan(1.5 * anyItem); // the generator drew its events from the same preferences
        assertThat(model.purchaseProbability(0, 0)).isBetween(0.10, 0.40);

        int clicks = 0;
        for (int n = 0; n < 10_000; n++) {
            clicks += model.clicks(0, 0, random) ? 1 : 0;
        }
        assertThat(clicks / 10_000.0).isCloseTo(model.clickProbability(0, 0), within(0.02));
    }

    private final SampleCatalogue catalogue = new SampleCatalogue(shop.config().items(), shop.config().categories(),
            shop.config().seed());

    private double affinityOfCategory(int user, int category) {
        for (int item = 0; item < shop.config().items(); item++) {
            if (catalogue.category(item) == category) {
                return shop.categoryAffinity(user, item);
            }
        }
        return 0;
    }
}
