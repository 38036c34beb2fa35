package io.recsyslite.spring;

import io.recsyslite.rest.RestApi;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The API's errors as its JSON {@code {"error": ...}}, the way {@link RestApi#error} says; only for
 * {@link RecSysController}, so the application's own controllers keep their error handling.
 */
@RestControllerAdvice(assignableTypes = RecSysController.class)
public class RecSysExceptionHandler {
    private final RestApi api;

    RecSysExceptionHandler(RestApi api) {
        this.api = api;
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<byte[]> handle(Exception e, HttpServletRequest request) throws Exception {
        String path = RecSysApiFilter.path(request);
        RestApi.ErrorAnswer answer = api.error(e, request.getMethod(), path);
        if (answer == null) {
            if (e instanceof org.springframework.web.ErrorResponse) {
                throw e; // Spring's own (a missing header, an unreadable body): its resolvers answer, the filter writes JSON
            }
            answer = RestApi.internalError(e, request.getMethod(), path);
        }
        ResponseEntity<byte[]> body = RecSysController.json(answer.status(), answer.body());
        return answer.retryAfterSeconds()
                .map(s -> ResponseEntity.status(body.getStatusCode()).headers(body.getHeaders())
                        .header("Retry-After", Long.toString(s)).body(body.getBody()))
                .orElse(body);
    }
}
