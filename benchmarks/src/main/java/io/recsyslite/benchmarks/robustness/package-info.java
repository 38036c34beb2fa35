/**
 * The robustness suite: every algorithm with its defaults over time-ordered, random-order,
 * long-tail and session datasets (generated ones seeded), with bootstrap intervals and paired tests
 * against the best; one table and one chart ({@code RobustnessSuite}).
 */
package io.recsyslite.benchmarks.robustness;
