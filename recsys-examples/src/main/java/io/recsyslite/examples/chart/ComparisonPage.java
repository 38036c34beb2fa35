package io.recsyslite.examples.chart;

import io.recsyslite.core.internal.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A self-contained HTML page (no script, no network) holding comparison charts as inline SVG above
 * an HTML table of the same figures, so a browser opens it straight from disk. Written atomically.
 * Stateless.
 */
public final class ComparisonPage {
    private ComparisonPage() {
    }

    /**
     * Writes the page: {@code title}, a short {@code intro} paragraph, the SVG documents, then the
     * table (first row the header).
     */
    public static void write(Path file, String title, String intro, List<String> svgs, List<List<String>> table)
            throws IOException {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(escape(title)).append("</title><style>")
                .append("body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin-top:16px}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right;white-space:nowrap}td:first-child,th:first-child")
                .append("{text-align:left}th{background:#f3f3f3}.chart{margin:12px 0}</style></head><body>\n")
                .append("<h1>").append(escape(title)).append("</h1>\n<p>").append(escape(intro)).append("</p>\n");
        for (String svg : svgs) {
            html.append("<div class=\"chart\">").append(svg.replaceFirst("^<\\?xml[^>]*>", "")).append("</div>\n");
        }
        html.append("<table>\n");
        for (int r = 0; r < table.size(); r++) {
            String cell = r == 0 ? "th" : "td";
            html.append("<tr>");
            for (String value : table.get(r)) {
                html.append('<').append(cell).append('>').append(escape(value)).append("</").append(cell).append('>');
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n</body></html>\n");
        AtomicFiles.writeString(file, html);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
