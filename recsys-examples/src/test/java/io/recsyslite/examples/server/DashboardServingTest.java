package io.recsyslite.examples.server;

import io.recsyslite.RecSysConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.internal.serving.RecSysEngine;
import io.recsyslite.rest.Http;
import io.recsyslite.rest.Http.Reply;
import io.recsyslite.rest.RestApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built dashboard as static files at /dashboard/ next to the demo page, on a server with an
 * API key: the page itself loads without the key (it asks for it), protected data does not.
 */
class DashboardServingTest {
    private static final String KEY = "dash-key";

    @TempDir
    static Path root;
    private static RecSysEngine recSys;
    private static RestServer server;
    private static Http http;

    @BeforeAll
    static void start() throws IOException {
        TestShop shop = TestShop.create(root);
        Path demo = Files.createDirectories(root.resolve("demo"));
        Files.writeString(demo.resolve("index.html"), "<html><body>demo-shop-page</body></html>");
        Path dashboard = Files.createDirectories(root.resolve("dashboard/assets"));
        Files.writeString(root.resolve("dashboard/index.html"),
                "<html><body>dashboard-page<script src=\"./assets/app.js\"></script></body></html>");
        Files.writeString(dashboard.resolve("app.js"), "console.log('dashboard-script');");
        Files.writeString(root.resolve("secret.txt"), "not-for-the-web");
        recSys = RecSysEngine.open(RecSysConfig.defaults(shop.db), shop.modelDir);
        server = new RestServer(recSys, options(root.resolve("dashboard"))).start("127.0.0.1", 0);
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        recSys.close();
    }

    private static ServerOptions options(Path dashboard) {
        return new ServerOptions(Optional.of(KEY), List.of(), root.resolve("demo"), Optional.empty(), Duration.ofSeconds(1))
                .withDashboardDir(dashboard);
    }

    @Test
    void servesThePageAndItsAssetsWithoutTheKey() {
        Reply page = http.get("/dashboard/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.raw().body()).contains("dashboard-page");

        Reply script = http.get("/dashboard/assets/app.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).contains("javascript");
        assertThat(script.raw().body()).contains("dashboard-script");

        assertThat(http.get("/").raw().body()).contains("demo-shop-page"); // the demo page stays at /
    }

    @Test
    void theDashboardIsOpenedWithATrailingSlashSoThatItsRelativeAssetsResolve() {
        Reply bare = http.get("/dashboard");
        assertThat(bare.status()).isEqualTo(302);
        assertThat(bare.header("Location")).isEqualTo("/dashboard/");
        assertThat(http.get("/dashboard?days=7&refresh=5").header("Location")).isEqualTo("/dashboard/?days=7&refresh=5");
    }

    @Test
    void thePageNeedsNoKeyButProtectedDataStillDoes() {
        assertThat(http.get("/dashboard/").status()).isEqualTo(200);
        assertThat(http.get("/dashboard/", RestApi.API_KEY_HEADER, "wrong").status()).isEqualTo(200);
        assertThat(http.get("/gdpr/export?user_id=" + TestShop.KNOWN_USER).status()).isEqualTo(403);
        assertThat(http.get("/gdpr/export?user_id=" + TestShop.KNOWN_USER, RestApi.API_KEY_HEADER, KEY).status())
                .isEqualTo(200);
    }

    @Test
    void servesNothingOutsideTheDashboardDirectory() {
        for (String path : List.of("/dashboard/../secret.txt", "/dashboard/%2e%2e/secret.txt", "/dashboard/assets/../../secret.txt")) {
            Reply r = http.get(path);
            assertThat(r.raw().body()).as(path).doesNotContain("not-for-the-web");
            assertThat(r.status()).as(path).isGreaterThanOrEqualTo(400);
        }
        Reply missing = http.get("/dashboard/no-such-file.js");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asText()).isNotBlank();
    }

    @Test
    void saysHowToBuildTheDashboardWhenItIsNotBuilt() {
        try (RestServer unbuilt = new RestServer(recSys, options(root.resolve("no-dashboard"))).start("127.0.0.1", 0)) {
            Reply hint = new Http(unbuilt.port()).get("/dashboard/");
            assertThat(hint.status()).isEqualTo(200);
            assertThat(hint.raw().body()).contains("cd dashboard", "npm run build", "--dashboard-dir");
        }
    }
}
