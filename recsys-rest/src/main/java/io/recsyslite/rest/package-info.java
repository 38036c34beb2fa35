/**
 * The REST API of RecSys-Lite, independent of any web framework: the JSON shapes of requests and
 * answers ({@link io.recsyslite.rest.ApiJson}, {@link io.recsyslite.rest.EventsRequest}) and the
 * reading of query parameters ({@link io.recsyslite.rest.QueryParams}), the endpoints, the API key
 * and the error answers ({@link io.recsyslite.rest.RestApi}) and the CORS rules
 * ({@link io.recsyslite.rest.CorsPolicy}), and the OpenAPI document of it all
 * ({@link io.recsyslite.rest.OpenApi}). The example Javalin
 * server and the Spring Boot starter both serve the API through these classes, so the widget gets
 * the same answers from either.
 */
package io.recsyslite.rest;
