package io.recsyslite.spring.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A shop backend in Spring Boot serving RecSys-Lite through the starter: the REST API the widget
 * calls, Actuator health and metrics (Prometheus at /actuator/prometheus). Everything comes from
 * application.properties and the recsys.* properties; e.g.
 * {@code java -jar recsys-spring-boot-example.jar --recsys.store-path=data/recsys.db --recsys.model-dir=model}.
 */
@SpringBootApplication
public class ShopApplication {
    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
