/**
 * The example REST server (Javalin): {@link RestServer} puts the product spec's HTTP API over a
 * {@code RecSysEngine}, with the GDPR endpoints behind an API key, the demo shop page and a watch on the
 * model directory for hot swaps, configured by {@link ServerOptions}. Every answer is JSON; what a
 * client sends wrong is a 4xx with {@code {"error": ...}}. The server is thread-safe and does not
 * own the {@code RecSysEngine}: {@code close()} stops the server and the watch, the caller closes the
 * {@code RecSysEngine}. An example of wrapping the library, not part of its API.
 */
package io.recsyslite.examples.server;
