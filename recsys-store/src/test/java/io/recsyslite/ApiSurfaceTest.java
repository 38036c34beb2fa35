package io.recsyslite;

import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.core.testing.PublicTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store module's public API is the facade package; everything else public is in a package named internal. */
class ApiSurfaceTest {
    @Test
    void aShopLearnsSixTypesFromOnePackageAndEverythingElseIsInternal() throws Exception {
        List<String> published = PublicTypes.besides(RecSys.class).stream().filter(PublicTypes::isExported).toList();

        assertThat(published).containsExactlyInAnyOrder(
                "io.recsyslite.RecSys", "io.recsyslite.RecSysConfig", "io.recsyslite.TrainRequest",
                "io.recsyslite.RecommendOptions", "io.recsyslite.Recommendations",
                "io.recsyslite.LiveEvent");
    }
}
