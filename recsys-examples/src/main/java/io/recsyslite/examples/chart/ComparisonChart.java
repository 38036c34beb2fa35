package io.recsyslite.examples.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * A grouped bar chart of metric values with their 95% intervals as whiskers, drawn by JFreeChart
 * into an SVG document with JFreeSVG (both maintained libraries from Maven Central, pure Java, no
 * display needed). JFreeChart's statistical bars draw symmetric whiskers, so each whisker spans half
 * the interval's width either side of the value; over hundreds of users a bootstrap interval of a
 * mean is close to symmetric. Stateless.
 */
public final class ComparisonChart {
    private static final Color[] PALETTE = {new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759),
        new Color(0x76B7B2), new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
        new Color(0x9C755F), new Color(0xBAB0AC)};

    private ComparisonChart() {
    }

    /**
     * One bar: {@code series} (e.g. an algorithm) within {@code group} (e.g. a metric), with its
     * value and interval; low = high = value for a figure without an interval.
     */
    public record Bar(String group, String series, double value, double low, double high) {
    }

    /** The chart as a standalone SVG document of the given size in pixels. */
    public static String svg(String title, String valueAxis, List<Bar> bars, int width, int height) {
        DefaultStatisticalCategoryDataset dataset = new DefaultStatisticalCategoryDataset();
        for (Bar bar : bars) {
            dataset.add(bar.value(), (bar.high() - bar.low()) / 2, bar.series(), bar.group());
        }
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setErrorIndicatorPaint(Color.DARK_GRAY);
        renderer.setErrorIndicatorStroke(new BasicStroke(1.2f));
        renderer.setItemMargin(0.05);
        for (int s = 0; s < dataset.getRowCount(); s++) {
            renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
        }
        CategoryAxis groups = new CategoryAxis();
        if (dataset.getColumnCount() > 4) {
            groups.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis values = new NumberAxis(valueAxis);
        values.setAutoRangeIncludesZero(true);
        CategoryPlot plot = new CategoryPlot(dataset, groups, values, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setTitle(new TextTitle(title, new Font(Font.SANS_SERIF, Font.BOLD, 15)));
        chart.setBackgroundPaint(Color.WHITE);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new java.awt.Rectangle(0, 0, width, height));
        return g.getSVGDocument();
    }
}
