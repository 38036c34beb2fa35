package io.recsyslite.internal.sample;

import io.recsyslite.core.spi.ProgressListener;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes a generated shop in the data contract. Events go as four int columns (20 bytes a row)
 * through a DuckDB appender into an in-memory table, which DuckDB spills to a temporary directory
 * next to the output when it outgrows its 1 GB memory limit, and are then copied to Parquet in
 * generation order; ids are formatted by DuckDB from the dense ints. The Parquet file appears
 * by atomic rename, so a failed write leaves no partial file.
 */
final class SampleShopFiles {
    private final SampleShopGenerator generator;
    private final SampleCatalogue catalogue;

    SampleShopFiles(SampleShopGenerator generator, SampleCatalogue catalogue) {
        this.generator = generator;
        this.catalogue = catalogue;
    }

    /** Events between progress reports. */
    private static final long PROGRESS_EVERY = 1 << 16;

    void write(Path dir, ProgressListener progress) throws IOException {
        Files.createDirectories(dir);
        writeItems(dir.resolve("items.csv"));
        writeEvents(dir.resolve("events.parquet"), progress);
        generator.config().writeTo(dir);
    }

    private void writeItems(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("item_id,title,category,brand,price,img_url\n");
            for (int i = 0; i < generator.config().items(); i++) {
                String id = SampleShopGenerator.itemId(i);
                out.write(id + ',' + catalogue.title(i) + ',' + catalogue.categoryName(catalogue.category(i)) + ','
                        + catalogue.brandName(i) + ',' + SampleCatalogue.formatPrice(catalogue.price(i)) + ','
                        + catalogue.imageUrl(i) + '\n');
            }
        }
    }

    private void writeEvents(Path file, ProgressListener progress) throws IOException {
        Path spill = file.resolveSibling(".sample-shop-spill");
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = conn.createStatement()) {
            // bounded native memory at any size: beyond the limit DuckDB spills to the temp directory
            st.execute("SET memory_limit = '1GB'");
            st.execute("SET temp_directory = " + quoted(spill));
            st.execute("CREATE TABLE ev (u INTEGER, i INTEGER, ts BIGINT, qty INTEGER)");
            long total = generator.config().events();
            long[] done = {0};
            try (DuckDBAppender appender = conn.unwrap(DuckDBConnection.class).createAppender("main", "ev")) {
                generator.generate((user, item, ts, qty) -> {
                    try {
                        appender.beginRow().append(user).append(item).append(ts).append(qty).endRow();
                    } catch (SQLException e) {
                        throw new IOException("could not append event of user " + user, e);
                    }
                    if (++done[0] % PROGRESS_EVERY == 0) {
                        progress.update("generate events", done[0], total);
                    }
                });
            }
            progress.update("generate events", total, total);
            progress.update("write parquet", 0, 1);
            st.execute("COPY (SELECT 'user_' || u AS user_id, 'item_' || i AS item_id, ts, qty FROM ev) TO "
                    + quoted(tmp) + " (FORMAT PARQUET)");
            progress.update("write parquet", 1, 1);
        } catch (SQLException e) {
            throw new IOException("could not write " + file + ": " + e.getMessage(), e);
        } finally {
            deleteTree(spill);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String quoted(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
