package io.recsyslite.spring;

import io.recsyslite.Recommendations;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recsyslite.rest.ApiJson;
import io.recsyslite.rest.DemoImages;
import io.recsyslite.rest.OpenApi;
import io.recsyslite.rest.QueryParams;
import io.recsyslite.rest.RestApi;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST API's routes on Spring MVC: each one hands the request to {@link RestApi} and writes
 * the answer with {@link ApiJson#mapper()}, the mapping the Javalin server uses (not the
 * application's own ObjectMapper, whose naming may differ). Thread-safe.
 */
@RestController
public class RecSysController {
    /** The paths the API answers, for the servlet filter. */
    static final String[] URL_PATTERNS = {"/recommend", "/similar-items", "/health", "/metrics", "/events",
        "/gdpr/*", "/img/*", OpenApi.PATH};
    private static final ObjectMapper JSON = ApiJson.mapper();

    private final RestApi api;

    RecSysController(RestApi api) {
        this.api = api;
    }

    @GetMapping("/recommend")
    public ResponseEntity<byte[]> recommend(HttpServletRequest request) {
        return json(200, api.recommend(query(request)));
    }

    @GetMapping("/similar-items")
    public ResponseEntity<byte[]> similarItems(HttpServletRequest request) {
        Recommendations similar = api.similarItems(query(request));
        return ResponseEntity.ok().header(RestApi.RECOMMENDATION_ID_HEADER, similar.recommendationId())
                .header(RestApi.VARIANT_HEADER, similar.variant())
                .contentType(MediaType.APPLICATION_JSON).body(bytes(similar.items()));
    }

    @GetMapping("/stats")
    public ResponseEntity<byte[]> stats(HttpServletRequest request,
                                        @RequestHeader(name = RestApi.API_KEY_HEADER, required = false) String key) {
        return json(200, api.stats(query(request), key, RestApi.DEFAULT_CONVERSION_WINDOW));
    }

    @GetMapping("/health")
    public ResponseEntity<byte[]> health() {
        RestApi.Answer health = api.health();
        return json(health.status(), health.body());
    }

    @GetMapping("/metrics")
    public ResponseEntity<byte[]> metrics() {
        return json(200, api.metrics());
    }

    @GetMapping(OpenApi.PATH)
    public ResponseEntity<byte[]> openApi() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(OpenApi.document());
    }

    @PostMapping("/events")
    public ResponseEntity<byte[]> events(HttpServletRequest request,
                                         @RequestHeader(name = RestApi.API_KEY_HEADER, required = false) String key)
            throws IOException {
        return json(200, api.events(request.getInputStream(), key));
    }

    @GetMapping("/gdpr/export")
    public ResponseEntity<byte[]> export(HttpServletRequest request,
                                         @RequestHeader(name = RestApi.API_KEY_HEADER, required = false) String key) {
        api.requireApiKey(key);
        return json(200, api.export(query(request)));
    }

    @DeleteMapping("/gdpr/users/{user_id}")
    public ResponseEntity<byte[]> delete(@PathVariable("user_id") String userId,
                                         @RequestHeader(name = RestApi.API_KEY_HEADER, required = false) String key)
            throws IOException {
        api.requireApiKey(key);
        RestApi.Answer erasure = api.delete(userId);
        return json(erasure.status(), erasure.body());
    }

    @GetMapping("/gdpr/users/{user_id}")
    public ResponseEntity<byte[]> erasureStatus(@PathVariable("user_id") String userId,
                                                @RequestHeader(name = RestApi.API_KEY_HEADER, required = false) String key) {
        api.requireApiKey(key);
        return json(200, api.erasureStatus(userId));
    }

    @GetMapping("/img/{name}")
    public ResponseEntity<String> image(@PathVariable("name") String name) {
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1))).body(DemoImages.svg(name));
    }

    private static QueryParams query(HttpServletRequest request) {
        return new QueryParams(name -> {
            String[] values = request.getParameterValues(name);
            return values == null ? List.of() : Arrays.asList(values);
        });
    }

    /** The body as the API's JSON. */
    static ResponseEntity<byte[]> json(int status, Object body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(bytes(body));
    }

    private static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
