package io.recsyslite.internal.store;

import io.recsyslite.core.error.InvalidDataException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static io.recsyslite.internal.store.TestFiles.TS;
import static io.recsyslite.internal.store.TestFiles.csv;
import static io.recsyslite.internal.store.TestFiles.parquet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestValidationTest {
    @TempDir
    Path dir;
    RecsysStore store;

    @BeforeEach
    void open() {
        store = RecsysStore.open(dir.resolve("db/recsys.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Three good rows, then row 4 carries the given cells for the given column. */
    private Path eventsCsv(String badTs, String badQty) {
        return csv(dir.resolve("events.csv"), "user_id,item_id,ts,qty",
                "u1,i1," + TS + ",1", "u2,i2," + TS + ",2", "u3,i3," + TS + ",1",
                "u4,i4," + badTs + "," + badQty, "u5,i5," + TS + ",-7");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "1.5; 1; column ts: not an integer: '1.5'",
        "abc; 1; column ts: not an integer: 'abc'",
        "'';  1; column ts: missing timestamp",
        "1626533119; 2.0; column qty: not an integer: '2.0'",
        "1626533119; x; column qty: not an integer: 'x'",
        "1626533119; -3; column qty: negative quantity -3",
        "946684799; 1; column ts: timestamp 946684799 is before 2000-01-01",
        "1626533119000; 1; column ts: timestamp 1626533119000 is more than 1 day in the future",
    })
    void rejectsTheFirstBadRowWithFileRowAndColumn(String ts, String qty, String expected) {
        Path file = eventsCsv(ts, qty);

        assertThatThrownBy(() -> store.ingestEvents(file))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith(file + ": row 4, " + expected);
        assertThat(store.eventCount()).isZero();
    }

    @Test
    void rejectsMissingColumnNamingIt() {
        Path file = parquet(dir.resolve("events.parquet"), "SELECT 'u1' AS user_id, 'i1' AS item_id, " + TS + " AS ts");

        assertThatThrownBy(() -> store.ingestEvents(file))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith(file + ": column qty: missing column");
    }

    @Test
    void rejectsNullAndEmptyIdsInParquet() {
        Path nullUser = parquet(dir.resolve("null-user.parquet"), "SELECT * FROM (VALUES ('u1', 'i1', " + TS
                + "::BIGINT, 1), (NULL, 'i2', " + TS + ", 1)) t(user_id, item_id, ts, qty)");
        Path emptyItem = parquet(dir.resolve("empty-item.parquet"), "SELECT * FROM (VALUES ('u1', 'i1', " + TS
                + "::BIGINT, 1), ('u2', 'i1', " + TS + ", 1), ('u3', '  ', " + TS + ", 1)) t(user_id, item_id, ts, qty)");

        assertThatThrownBy(() -> store.ingestEvents(nullUser))
                .hasMessageStartingWith(nullUser + ": row 2, column user_id: missing user id");
        assertThatThrownBy(() -> store.ingestEvents(emptyItem))
                .hasMessageStartingWith(emptyItem + ": row 3, column item_id: empty item id");
    }

    @Test
    void rejectsParquetTimestampsThatAreNotIntegers() {
        Path file = parquet(dir.resolve("double-ts.parquet"),
                "SELECT 'u1' AS user_id, 'i1' AS item_id, 1626533119.5::DOUBLE AS ts, 1 AS qty");

        assertThatThrownBy(() -> store.ingestEvents(file))
                .hasMessageStartingWith(file + ": row 1, column ts: not an integer: '1626533119.5'");
    }

    @Test
    void rejectsParquetQuantitiesOutOfIntegerRange() {
        Path file = parquet(dir.resolve("big-qty.parquet"),
                "SELECT 'u1' AS user_id, 'i1' AS item_id, " + TS + " AS ts, 3000000000::BIGINT AS qty");

        assertThatThrownBy(() -> store.ingestEvents(file))
                .hasMessageStartingWith(file + ": row 1, column qty: quantity out of range: 3000000000");
    }

    @Test
    void rejectsBadPrices() {
        Path notNumber = csv(dir.resolve("items.csv"), "item_id,category,brand,price,img_url",
                "i1,c,b,9.99,http://x/1.png", "i2,c,b,cheap,http://x/2.png");
        Path negative = csv(dir.resolve("items2.csv"), "item_id,category,brand,price,img_url",
                "i1,c,b,-1.5,http://x/1.png");

        assertThatThrownBy(() -> store.ingestItems(notNumber))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith(notNumber + ": row 2, column price: not a number: 'cheap'");
        assertThatThrownBy(() -> store.ingestItems(negative))
                .hasMessageStartingWith(negative + ": row 1, column price: negative price -1.5");
        assertThat(store.items(java.util.List.of("i1", "i2"))).isEmpty();
    }

    @Test
    void rejectedFileKeepsEarlierDataAndCanBeFixedAndIngested() {
        Path good = parquet(dir.resolve("good.parquet"), "SELECT 'u' || (i % 7) AS user_id, 'i' || (i % 5) AS item_id, "
                + TS + " + i AS ts, 1 AS qty FROM range(100) r(i)");
        store.ingestEvents(good);
        String fingerprint = store.dataFingerprint();
        Path bad = parquet(dir.resolve("bad.parquet"), "SELECT 'u' || i AS user_id, 'i1' AS item_id, " + TS
                + " AS ts, CASE WHEN i = 16 THEN -3 ELSE 1 END AS qty FROM range(50) r(i)");

        assertThatThrownBy(() -> store.ingestEvents(bad))
                .hasMessageStartingWith(bad + ": row 17, column qty: negative quantity -3");

        assertThat(store.eventCount()).isEqualTo(100);
        assertThat(store.dataFingerprint()).isEqualTo(fingerprint);
        assertThat(store.auditEntries(bad.toString())).singleElement()
                .satisfies(entry -> assertThat(entry.details()).startsWith("rejected: " + bad + ": row 17"));
        Path fixed = parquet(dir.resolve("bad.parquet"), "SELECT 'u' || i AS user_id, 'i1' AS item_id, " + TS
                + " AS ts, 1 AS qty FROM range(50) r(i)");
        assertThat(store.ingestEvents(fixed).rows()).isEqualTo(50);
        assertThat(store.eventCount()).isEqualTo(150);
    }

    @Test
    void idsAreStoredExactlyAsWrittenSoSpacesAndControlCharactersAreRefused() {
        Path spaced = csv(dir.resolve("spaced.csv"), "user_id,item_id,ts,qty", "u1,i1," + TS + ",1", " u9001 ,i1," + TS + ",1");
        assertThatThrownBy(() -> store.ingestEvents(spaced)).hasMessageStartingWith(spaced
                + ": row 2, column user_id: user id ' u9001 ' has leading or trailing spaces");
        Path nul = parquet(dir.resolve("nul.parquet"), "SELECT 'u' || chr(0) || '1' AS user_id, 'i1' AS item_id, "
                + TS + " AS ts, 1 AS qty");
        assertThatThrownBy(() -> store.ingestEvents(nul))
                .hasMessageStartingWith(nul + ": row 1, column user_id: user id contains the control character U+0000");
        Path tab = csv(dir.resolve("tab.csv"), "user_id,item_id,ts,qty", "u1,i\t1," + TS + ",1");
        assertThatThrownBy(() -> store.ingestEvents(tab)).hasMessageContaining("column item_id: item id contains the control character U+0009");
        assertThat(store.eventCount()).isZero();
    }

    @Test
    void listOrStructIdsAreRefused() {
        Path list = parquet(dir.resolve("list.parquet"), "SELECT ['user_0'] AS user_id, 'i1' AS item_id, " + TS + " AS ts, 1 AS qty");
        assertThatThrownBy(() -> store.ingestEvents(list))
                .hasMessageStartingWith(list + ": column user_id: has type VARCHAR[], which holds several values per row");
        Path struct = parquet(dir.resolve("struct.parquet"), "SELECT 'u1' AS user_id, {'id': 'i1'} AS item_id, " + TS + " AS ts, 1 AS qty");
        assertThatThrownBy(() -> store.ingestEvents(struct)).hasMessageContaining("column item_id: has type STRUCT");
        assertThat(store.eventCount()).isZero();
    }

    @Test
    void aRepeatedColumnNameIsRefused() {
        Path twice = csv(dir.resolve("twice.csv"), "user_id,item_id,ts,qty,user_id", "u1,i1," + TS + ",1,u2");
        assertThatThrownBy(() -> store.ingestEvents(twice)).hasMessageStartingWith(twice + ": column user_id: the name appears twice");
        Path cased = csv(dir.resolve("cased.csv"), "user_id,item_id,ts,qty,USER_ID", "u1,i1," + TS + ",1,u2");
        assertThatThrownBy(() -> store.ingestEvents(cased)).hasMessageContaining("(as user_id and USER_ID)");
    }

    @Test
    void brokenCsvIsRejectedWithRowAndColumn() throws Exception {
        Path ragged = csv(dir.resolve("ragged.csv"), "user_id,item_id,ts,qty", "u1,i1," + TS + ",1", "u1,i1," + TS + ",1,extra");
        assertThatThrownBy(() -> store.ingestEvents(ragged)).hasMessageStartingWith(ragged
                + ": row 2, column 5 (after qty): the row has 5 fields but the header has 4");
        Path shortRow = csv(dir.resolve("short.csv"), "user_id,item_id,ts,qty", "u1,i1," + TS);
        assertThatThrownBy(() -> store.ingestEvents(shortRow)).hasMessageStartingWith(shortRow
                + ": row 1, column qty: missing; the row has 3 fields but the header has 4");
        Path open = csv(dir.resolve("open.csv"), "user_id,item_id,ts,qty", "u1,i1," + TS + ",1", "\"u2,i1," + TS + ",1");
        assertThatThrownBy(() -> store.ingestEvents(open)).hasMessageStartingWith(open
                + ": row 2, column user_id: a quoted value is never closed");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, ("user_id,item_id,ts,qty\nu1,caf\u00e9," + TS + ",1\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> store.ingestEvents(latin1)).hasMessageStartingWith(latin1
                + ": row 1, column item_id: is not valid UTF-8 (byte 0xE9");
        assertThat(store.eventCount()).isZero();
    }

    @Test
    void aTruncatedParquetFileIsNamedWithoutInternalSql() throws Exception {
        Path whole = parquet(dir.resolve("whole.parquet"), "SELECT 'u' || i AS user_id, 'i1' AS item_id, " + TS
                + " AS ts, 1 AS qty FROM range(1000) r(i)");
        Path truncated = dir.resolve("truncated.parquet");
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> store.ingestEvents(truncated))
                .hasMessageStartingWith(truncated + ": is not a readable Parquet file (truncated or corrupt?)")
                .message().doesNotContain("LINE 1").doesNotContain("recsys_staging").doesNotContain("SELECT");
    }

    @Test
    void unreadableFilesAreRejectedWithTheirName() {
        Path ragged = csv(dir.resolve("ragged.csv"), "user_id,item_id,ts,qty", "u1,i1," + TS + ",1,extra,cells");
        Path text = csv(dir.resolve("events.txt"), "whatever");

        assertThatThrownBy(() -> store.ingestEvents(ragged))
                .isInstanceOf(InvalidDataException.class).hasMessageStartingWith(ragged + ": ");
        assertThatThrownBy(() -> store.ingestEvents(text))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining("expected .parquet or .csv");
        assertThatThrownBy(() -> store.ingestEvents(dir.resolve("nope.parquet")))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining("no such file");
    }
}
