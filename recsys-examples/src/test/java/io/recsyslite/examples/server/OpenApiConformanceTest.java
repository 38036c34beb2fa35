package io.recsyslite.examples.server;

import io.recsyslite.RecSysConfig;
import io.recsyslite.internal.serving.RecSysEngine;
import io.recsyslite.rest.Http;
import io.recsyslite.rest.OpenApiContract;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Javalin server's real answers, successes and errors, conform to recsys-rest's openapi.json, which it serves. */
class OpenApiConformanceTest {
    private static final String KEY = "k3y";
    private static final OpenApiContract CONTRACT = new OpenApiContract();

    @TempDir
    static Path root;
    private static RecSysEngine recSys;
    private static RestServer server;
    private static Http http;

    @BeforeAll
    static void start() throws IOException {
        TestShop shop = TestShop.create(root);
        recSys = RecSysEngine.open(RecSysConfig.defaults(shop.db), shop.modelDir);
        server = new RestServer(recSys, new ServerOptions(Optional.of(KEY), List.of(), root.resolve("no-demo"),
                Optional.empty(), Duration.ofSeconds(1))).start("127.0.0.1", 0);
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        recSys.close();
    }

    @Test
    void answersConformToTheDocumentWhichIsServed() {
        CONTRACT.assertServerConforms(http, KEY, TestShop.KNOWN_USER, "user_5");
    }
}
