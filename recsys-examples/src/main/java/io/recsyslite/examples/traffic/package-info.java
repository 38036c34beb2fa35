/**
 * Simulated shoppers for a running server ({@code simulate-traffic}): they view, click and buy
 * from what the API recommends, so the dashboard and A/B tests have data to show.
 */
package io.recsyslite.examples.traffic;
