package io.recsyslite.examples.server;

import io.recsyslite.RecSysConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.recsyslite.internal.sample.SampleShopConfig;
import io.recsyslite.internal.serving.RecSysEngine;
import io.recsyslite.examples.cli.RecsysLiteCli;
import io.recsyslite.rest.Http;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recsys-lite simulate-traffic} against a real server: everything it sent is in /stats. */
class SimulatedTrafficTest {
    private static final String KEY = "s3cret";
    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) requests, (\\d+) impressions, (\\d+) clicks, (\\d+) purchases");

    @TempDir
    Path root;

    @Test
    void theSimulatedShoppersImpressionsAndClicksAreAttributedToTheServedRecommendations() throws Exception {
        TestShop shop = TestShop.create(root, List.of(TestShop.POPULARITY));
        assertThat(root.resolve("data").resolve(SampleShopConfig.FILE_NAME)).exists();
        try (RecSysEngine recSys = RecSysEngine.open(RecSysConfig.defaults(shop.db).withAccessAuditInterval(Duration.ZERO),
                shop.modelDir);
             RestServer server = new RestServer(recSys, new ServerOptions(Optional.of(KEY), List.of(),
                     root.resolve("no-demo"), Optional.empty(), Duration.ofSeconds(1), true)).start("127.0.0.1", 0)) {
            StringWriter out = new StringWriter();
            var cli = RecsysLiteCli.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(new StringWriter()));
            int exit = cli.execute("simulate-traffic", "--api", "http://127.0.0.1:" + server.port(),
                    "--data", root.resolve("data").toString(), "--shoppers", "60", "--visits", "2");

            assertThat(exit).as(out.toString()).isZero();
            Matcher sent = SUMMARY.matcher(out.toString().replaceAll("(?<=\\d),(?=\\d)", ""));
            assertThat(sent.find()).as(out.toString()).isTrue();
            long impressions = Long.parseLong(sent.group(2));
            long clicks = Long.parseLong(sent.group(3));
            assertThat(impressions).isGreaterThanOrEqualTo(60 * 2 * 5); // at least /recommend's cards
            assertThat(clicks).isPositive();
            JsonNode stats = new Http(server.port()).get("/stats?days=1", "X-API-Key", KEY).json();
            JsonNode variant = stats.get("variants").get(0);
            assertThat(variant.get("impressions").asLong()).isEqualTo(impressions);
            assertThat(variant.get("clicks").asLong()).isEqualTo(clicks);
            assertThat(variant.get("conversions").asLong()).isLessThanOrEqualTo(Long.parseLong(sent.group(4)));
        }
    }

    @Test
    void aDirectoryNotWrittenByGenerateSampleIsRefusedByName() throws Exception {
        Path notAShop = Files.createDirectories(root.resolve("elsewhere"));
        StringWriter err = new StringWriter();
        var cli = RecsysLiteCli.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("simulate-traffic", "--api", "http://127.0.0.1:9", "--data", notAShop.toString()))
                .isNotZero();
        assertThat(err.toString()).contains(SampleShopConfig.FILE_NAME, "generate-sample");
    }
}
