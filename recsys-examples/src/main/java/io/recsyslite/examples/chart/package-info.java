/**
 * Comparison charts of evaluation results as a self-contained HTML page ({@code evaluate a,b,c}
 * and the benchmark reports).
 */
package io.recsyslite.examples.chart;
