/**
 * Spring Boot 3 auto-configuration of RecSys-Lite: a shared {@code RecSysEngine} bean from the
 * {@code recsys.*} properties ({@link io.recsyslite.spring.RecSysProperties}), the REST API of the
 * example server on Spring MVC ({@code recsys.web.enabled}), an Actuator health indicator and
 * Micrometer meters, and scheduled incremental updates ({@code recsys.update.enabled}). Uses the
 * library's public API only.
 */
package io.recsyslite.spring;
