package io.recsyslite.spring;

import io.recsyslite.rest.CorsPolicy;
import io.recsyslite.rest.ForbiddenException;
import io.recsyslite.rest.RestApi;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Around every request to the API's paths: the CORS rules ({@link CorsPolicy}: a disallowed origin
 * is refused before the endpoint runs, a preflight answered here), the error answers of Spring and
 * the servlet container (404, 405, ...) as the API's JSON instead of an error page, the error
 * count of {@code /metrics}, and the request timer when Micrometer is there. Thread-safe.
 */
public class RecSysApiFilter extends OncePerRequestFilter {
    private final RestApi api;
    private final CorsPolicy cors;
    private final RecSysRequestTimer timer;

    /** @param timer null without Micrometer */
    RecSysApiFilter(RestApi api, CorsPolicy cors, RecSysRequestTimer timer) {
        this.api = api;
        this.cors = cors;
        this.timer = timer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        JsonErrors wrapped = new JsonErrors(response, request);
        try {
            CorsPolicy.Decision decision = cors.check(request.getMethod(), path(request), request.getHeader("Origin"),
                    request.getHeader("Host"), request.getHeader("Access-Control-Request-Method"));
            decision.headers().forEach(response::setHeader);
            if (decision.answerPreflight()) {
                response.setStatus(HttpStatus.NO_CONTENT.value());
                return;
            }
            chain.doFilter(request, wrapped);
        } catch (ForbiddenException e) {
            write(response, new RestApi.ErrorAnswer(403, e.getMessage()));
        } finally {
            if (response.getStatus() >= 400) {
                api.countErrorAnswer();
            }
            if (timer != null) {
                timer.record(path(request), response.getStatus(), System.nanoTime() - started);
            }
        }
    }

    /** The request's path inside the application. */
    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static void write(HttpServletResponse response, RestApi.ErrorAnswer answer) throws IOException {
        byte[] body = RecSysController.json(answer.status(), answer.body()).getBody();
        response.setStatus(answer.status());
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** Turns sendError (Spring's 404 and 405, the container's refusals) into the API's JSON. */
    private static final class JsonErrors extends HttpServletResponseWrapper {
        private final HttpServletRequest request;

        JsonErrors(HttpServletResponse response, HttpServletRequest request) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            String allowed = getHeader("Allow");
            String text;
            if (status == 405 && allowed != null) {
                text = request.getMethod() + " is not allowed on " + path(request) + "; use " + allowed;
            } else if (status == 404) {
                text = "No endpoint " + request.getMethod() + " " + path(request);
            } else {
                HttpStatus known = HttpStatus.resolve(status);
                text = status + " " + (message != null && !message.isBlank() ? message
                        : known != null ? known.getReasonPhrase() : "error");
            }
            resetBuffer();
            write((HttpServletResponse) getResponse(), new RestApi.ErrorAnswer(status, text));
        }
    }
}
