package io.recsyslite.examples.server;

import io.recsyslite.RecSysConfig;
import io.recsyslite.internal.serving.RecSysEngine;
import io.recsyslite.rest.Http;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A {@link TestShop}'s served model behind a real server with an API key, on a random port. */
final class ServedShop implements AutoCloseable {
    static final String KEY = "s3cret";

    final RecSysEngine recSys;
    final Http http;
    private final RestServer server;

    ServedShop(TestShop shop, Path root) throws IOException {
        recSys = RecSysEngine.open(RecSysConfig.defaults(shop.db).withAccessAuditInterval(Duration.ZERO), shop.modelDir);
        server = new RestServer(recSys, new ServerOptions(Optional.of(KEY), List.of(), root.resolve("no-demo"),
                Optional.empty(), Duration.ofSeconds(1))).start("127.0.0.1", 0);
        http = new Http(server.port());
    }

    @Override
    public void close() {
        server.close();
        recSys.close();
    }
}
