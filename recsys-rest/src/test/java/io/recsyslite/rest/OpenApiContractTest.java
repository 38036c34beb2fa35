package io.recsyslite.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The document describes every route of the API, and the contract check tells shapes apart. */
class OpenApiContractTest {
    private final OpenApiContract contract = new OpenApiContract();

    @Test
    void everyEndpointIsDescribed() {
        List<String> paths = new ArrayList<>();
        contract.document().get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).containsExactlyInAnyOrder("/recommend", "/similar-items", "/health", "/metrics", "/stats",
                "/events", "/gdpr/export", "/gdpr/users/{user_id}", "/img/{name}", OpenApi.PATH);
        assertThat(contract.document().get("openapi").asText()).startsWith("3.");
    }

    @Test
    void conformingAndDeviatingAnswersAreToldApart() {
        assertThat(contract.violations("GET", "/recommend", 404, "{\"error\": \"User 'x' not found\"}")).isEmpty();
        assertThat(contract.violations("GET", "/recommend", 200,
                "{\"user_id\": \"u\", \"personalized\": true, \"recommendation_id\": \"r1\", \"variant\": \"default\","
                        + " \"recommendations\": [{\"item_id\": \"i\", \"score\": 1.5,"
                        + " \"title\": null, \"category\": null, \"brand\": null, \"price\": 3, \"img_url\": null}]}"))
                .isEmpty();
        assertThat(contract.violations("GET", "/recommend", 200,
                "{\"userId\": \"u\", \"personalized\": true, \"recommendations\": []}")).isNotEmpty();
        assertThat(contract.violations("GET", "/recommend", 200,
                "{\"user_id\": \"u\", \"personalized\": \"yes\", \"recommendations\": []}")).isNotEmpty();
        assertThatThrownBy(() -> contract.violations("GET", "/recommend", 418, "{}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
