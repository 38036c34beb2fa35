package io.recsyslite.spring;

import io.recsyslite.internal.serving.RecSysEngine;
import io.recsyslite.rest.CorsPolicy;
import io.recsyslite.rest.RestApi;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The REST API of the example server on Spring MVC, switched on by {@code recsys.web.enabled=true}:
 * the same endpoints, JSON, CORS rules and error answers (they live in recsys-rest's
 * {@link RestApi}, shared with the Javalin server).
 */
@AutoConfiguration(after = RecSysAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnProperty(prefix = "recsys.web", name = "enabled", havingValue = "true")
public class RecSysWebAutoConfiguration {

    @Bean
    public RestApi recSysRestApi(RecSysEngine recSys, RecSysProperties properties) {
        return new RestApi(recSys, Optional.ofNullable(properties.getApiKey()), properties.isPublicEvents());
    }

    @Bean
    public RecSysController recSysController(RestApi api) {
        return new RecSysController(api);
    }

    @Bean
    public RecSysExceptionHandler recSysExceptionHandler(RestApi api) {
        return new RecSysExceptionHandler(api);
    }

    /** CORS, JSON for the container's own error answers and the error count, around the API's paths only. */
    @Bean
    public FilterRegistrationBean<RecSysApiFilter> recSysApiFilter(RestApi api, RecSysProperties properties,
                                                                  ObjectProvider<RecSysRequestTimer> timer) {
        FilterRegistrationBean<RecSysApiFilter> registration = new FilterRegistrationBean<>(
                new RecSysApiFilter(api, new CorsPolicy(properties.getCorsOrigins()), timer.getIfAvailable()));
        registration.addUrlPatterns(RecSysController.URL_PATTERNS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Serves {@code recsys.web.demo-dir} (e.g. the widget's built demo shop) at {@code /}. */
    @Bean
    @ConditionalOnProperty(prefix = "recsys.web", name = "demo-dir")
    public WebMvcConfigurer recSysDemoPage(RecSysProperties properties) {
        String location = properties.getWeb().getDemoDir().toAbsolutePath().toUri().toString();
        return new WebMvcConfigurer() {
            @Override
            public void addResourceHandlers(ResourceHandlerRegistry registry) {
                registry.addResourceHandler("/**").addResourceLocations(location.endsWith("/") ? location : location + "/");
            }
        };
    }
}
