package io.recsyslite.internal.store;

import io.recsyslite.core.error.InvalidDataException;
import io.recsyslite.core.spi.ProgressListener;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Checks the shape of a CSV file before DuckDB reads it, so that every structural problem is
 * reported with its row and column: text that is not UTF-8 (e.g. Latin-1), a row with more or
 * fewer fields than the header, a quote that is never closed. The dialect is the one ingest reads:
 * comma-separated, {@code "} quotes, {@code ""} inside quotes, LF or CRLF line ends; blank lines
 * are skipped. Row numbers count data rows (the header is row 0). Stateless.
 */
final class CsvShape {
    private static final long PROGRESS_EVERY = 1 << 20;

    private CsvShape() {
    }

    /**
     * Reads the whole file once and returns the header's column names.
     *
     * @throws InvalidDataException naming file, row and column of the first problem
     */
    static List<String> check(Path file, ProgressListener progress) throws IOException {
        long total = Files.size(file);
        boolean gzip = file.getFileName().toString().endsWith(".gz");
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
            return new Scan(file).run(in, total, gzip, progress);
        }
    }

    /** One pass over the bytes: a quote-aware field splitter with a UTF-8 check per field. */
    private static final class Scan {
        private final Path file;
        private final List<String> header = new ArrayList<>();
        private final ByteArrayOutputStream headerField = new ByteArrayOutputStream();
        private long row;
        private int field;
        private boolean inQuotes;
        private boolean quoteSeen; // a quote inside a quoted field: the end, or the first of ""
        private boolean lineEmpty = true;
        private boolean fieldStarted; // a quote opens a value only at its start
        private int utf8Pending; // continuation bytes still expected
        private int utf8Lead; // the first byte of the sequence being read, and where it is
        private long utf8LeadOffset;
        private long byteOffset;

        Scan(Path file) {
            this.file = file;
        }

        List<String> run(InputStream in, long total, boolean gzip, ProgressListener progress) throws IOException {
            byte[] buf = new byte[1 << 16];
            long nextReport = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    accept(buf[i]);
                    byteOffset++;
                }
                if (!gzip && byteOffset >= nextReport) {
                    progress.update("check csv", byteOffset, total);
                    nextReport = byteOffset + PROGRESS_EVERY;
                }
            }
            if (inQuotes && !quoteSeen) {
                throw fail("a quoted value is never closed (its closing \" is missing)");
            }
            if (!lineEmpty) {
                endRecord();
            }
            progress.update("check csv", total, total);
            return header;
        }

        private void accept(byte b) {
            utf8(b);
            if (inQuotes) {
                if (quoteSeen) {
                    quoteSeen = false;
                    if (b == '"') {
                        keep(b); // "" is one quote
                        return;
                    }
                    inQuotes = false; // the quote closed the value; b is what follows it
                } else {
                    if (b == '"') {
                        quoteSeen = true;
                    } else {
                        keep(b);
                    }
                    return;
                }
            }
            switch (b) {
                case ',' -> {
                    field++;
                    lineEmpty = false;
                    fieldStarted = false;
                    headerField();
                }
                case '\n' -> {
                    if (!lineEmpty) {
                        endRecord();
                    }
                }
                case '\r' -> {
                    // part of CRLF; a stray CR inside a value is kept by DuckDB, not a new row
                }
                case '"' -> {
                    if (fieldStarted) {
                        keep(b);
                    } else {
                        inQuotes = true;
                    }
                    lineEmpty = false;
                    fieldStarted = true;
                }
                default -> {
                    lineEmpty = false;
                    fieldStarted = true;
                    keep(b);
                }
            }
        }

        private void keep(byte b) {
            if (row == 0) {
                headerField.write(b);
            }
        }

        private void headerField() {
            if (row == 0) {
                header.add(headerField.toString(StandardCharsets.UTF_8).strip());
                headerField.reset();
            }
        }

        private void endRecord() {
            if (utf8Pending > 0) {
                throw fail("is not valid UTF-8 (a multi-byte character is cut off); save the file as UTF-8");
            }
            headerField();
            int fields = field + 1;
            if (row > 0 && fields != header.size()) {
                if (fields < header.size()) {
                    throw new InvalidDataException(file + ": row " + row + ", column " + header.get(fields)
                            + ": missing; the row has " + fields + " fields but the header has " + header.size()
                            + "; nothing from this file was ingested");
                }
                throw new InvalidDataException(file + ": row " + row + ", column " + (header.size() + 1)
                        + " (after " + header.get(header.size() - 1) + "): the row has " + fields
                        + " fields but the header has " + header.size() + "; nothing from this file was ingested");
            }
            row++;
            field = 0;
            lineEmpty = true;
            fieldStarted = false;
        }

        /** Tracks UTF-8 sequences; a byte that cannot be where it is fails with row and column. */
        private void utf8(byte b) {
            int v = b & 0xff;
            if (utf8Pending > 0) {
                if ((v & 0xc0) != 0x80) {
                    throw badByte(utf8Lead, utf8LeadOffset);
                }
                utf8Pending--;
            } else if (v >= 0x80) {
                utf8Lead = v;
                utf8LeadOffset = byteOffset;
                if (v >= 0xc2 && v <= 0xdf) {
                    utf8Pending = 1;
                } else if (v >= 0xe0 && v <= 0xef) {
                    utf8Pending = 2;
                } else if (v >= 0xf0 && v <= 0xf4) {
                    utf8Pending = 3;
                } else {
                    throw badByte(v, byteOffset);
                }
            }
        }

        private InvalidDataException badByte(int v, long offset) {
            return fail(String.format("is not valid UTF-8 (byte 0x%02X at byte %,d; Latin-1 or Windows-1252 text?);"
                    + " save the file as UTF-8", v, offset));
        }

        private InvalidDataException fail(String problem) {
            String column = row == 0 ? "header" : field < header.size() ? header.get(field) : Integer.toString(field + 1);
            return new InvalidDataException(file + ": row " + row + ", column " + column + ": " + problem
                    + "; nothing from this file was ingested");
        }
    }
}
