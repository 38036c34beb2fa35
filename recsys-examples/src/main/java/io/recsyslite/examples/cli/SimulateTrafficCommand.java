package io.recsyslite.examples.cli;

import io.recsyslite.internal.sample.SampleShopConfig;
import io.recsyslite.internal.sample.SampleShopGenerator;
import io.recsyslite.examples.traffic.ShopperTraffic;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recsys-lite simulate-traffic}: simulated shoppers of a generated sample shop visiting a
 * running server ({@link ShopperTraffic}), so that online metrics and the dashboard have traffic.
 */
@Command(name = "simulate-traffic", mixinStandardHelpOptions = true,
        description = "Send simulated shoppers of a sample shop (written by generate-sample) to a running server: "
                + "recommendations and similar items asked for, impressions, clicks and purchases posted to /events "
                + "(the server needs --public-events when it has an API key).")
final class SimulateTrafficCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--api", required = true, description = "Base url of the server, e.g. http://127.0.0.1:8000.")
    String api;

    @Option(names = "--data", required = true, description = "The sample shop's directory (as given to generate-sample --out).")
    Path data;

    @Option(names = "--shoppers", defaultValue = "300", description = "Shoppers that visit (default: ${DEFAULT-VALUE}).")
    int shoppers;

    @Option(names = "--visits", defaultValue = "3", description = "Visits of each shopper (default: ${DEFAULT-VALUE}).")
    int visits;

    @Option(names = "--max-seconds", defaultValue = "60", description = "Stop after this long (default: ${DEFAULT-VALUE}).")
    long maxSeconds;

    @Option(names = "--wait-seconds", defaultValue = "120",
            description = "How long to wait for the server's /health first (default: ${DEFAULT-VALUE}).")
    long waitSeconds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the shoppers' choices (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        SampleShopGenerator shop = new SampleShopGenerator(SampleShopConfig.readFrom(data));
        awaitHealthy();
        ConsoleProgress progress = ConsoleProgress.onStderr(spec);
        ShopperTraffic.Summary summary = new ShopperTraffic(api, shop).run(
                new ShopperTraffic.Options(shoppers, visits, 8, Duration.ofSeconds(maxSeconds), seed), progress);
        progress.finish();
        spec.commandLine().getOut().println("Simulated traffic: " + summary);
        return 0;
    }

    /** The demo starts the simulator beside a server that is still loading its model. */
    private void awaitHealthy() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create(api.replaceAll("/+$", "") + "/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
        while (true) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(api + "/health did not answer 200 within " + waitSeconds + " s");
            }
            Thread.sleep(500);
        }
    }
}
