package io.recsyslite.examples.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recsyslite.rest.ApiJson;
import io.recsyslite.rest.ApiJson.ErrorResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own error answers (a request line or headers too long: 414, 431; other bad requests
 * Jetty refuses before the API sees them) as the API's JSON {@code {"error": ...}} instead of HTML.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final ObjectMapper JSON = ApiJson.mapper();

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status, reason));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType("application/json");
        response.getOutputStream().write(body(code, message));
    }

    private static byte[] body(int status, String reason) {
        String text = reason != null && !reason.isBlank() ? reason : HttpStatus.getMessage(status);
        try {
            return JSON.writeValueAsBytes(new ErrorResponse(status + " " + text));
        } catch (JsonProcessingException e) {
            return ("{\"error\": \"" + status + "\"}").getBytes(StandardCharsets.US_ASCII);
        }
    }
}
