/**
 * A shop backend in Spring Boot over the starter: the REST API the widget calls, Actuator health
 * and metrics ({@code ShopApplication}).
 */
package io.recsyslite.spring.example;
