/** An A/B test between two models on simulated shoppers through the REST server. */
package io.recsyslite.benchmarks.abtest;
