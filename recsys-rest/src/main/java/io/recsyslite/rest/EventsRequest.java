package io.recsyslite.rest;

import io.recsyslite.LiveEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recsyslite.core.error.InvalidParameterException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /events}: one JSON event object or an array of them, with the fields
 * {@code user_id}, {@code session_id}, {@code item_id} (strings; integers are taken as their
 * text), {@code ts} (unix seconds), {@code qty} (integer) and {@code event_type}. What JSON cannot
 * hold or a field of the wrong kind is an {@link InvalidParameterException} naming the event and
 * field; the data contract itself is checked by {@code RecSysEngine.record}. Stateless.
 */
public final class EventsRequest {
    /** The largest body accepted, in bytes. */
    public static final int MAX_BODY_BYTES = 1 << 20;
    /** The most events one request may carry. */
    public static final int MAX_EVENTS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("user_id", "session_id", "item_id", "ts", "qty", "event_type",
            "recommendation_id");

    private EventsRequest() {
    }

    /** Reads at most {@link #MAX_BODY_BYTES} of the body; a longer one is a 413. */
    public static List<LiveEvent> read(InputStream body) {
        byte[] bytes;
        try {
            bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new BodyTooLargeException("The body is larger than " + MAX_BODY_BYTES + " bytes; send at most "
                    + MAX_EVENTS + " events per request");
        }
        return parse(bytes);
    }

    public static List<LiveEvent> parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidParameterException("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidParameterException("the body is empty; send a JSON event or an array of events");
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(nodes::add);
        } else {
            nodes.add(root);
        }
        if (nodes.isEmpty()) {
            throw new InvalidParameterException("the array holds no events");
        }
        if (nodes.size() > MAX_EVENTS) {
            throw new BodyTooLargeException(nodes.size() + " events in one request; at most " + MAX_EVENTS);
        }
        List<LiveEvent> events = new ArrayList<>(nodes.size());
        for (int n = 0; n < nodes.size(); n++) {
            events.add(event(n, nodes.get(n)));
        }
        return events;
    }

    private static LiveEvent event(int n, JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidParameterException("event " + n + ": must be a JSON object, was " + node.getNodeType());
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidParameterException("event " + n + ", field " + shortened(name)
                        + ": unknown field (known: user_id, session_id, item_id, ts, qty, event_type, recommendation_id)");
            }
        }
        return new LiveEvent(text(n, node, "user_id"), text(n, node, "session_id"), text(n, node, "item_id"),
                integer(n, node, "ts"), qty(n, node), text(n, node, "event_type"), text(n, node, "recommendation_id"));
    }

    private static String text(int n, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isIntegralNumber()) {
            return value.asText();
        }
        throw new InvalidParameterException("event " + n + ", field " + field + ": must be a string, was "
                + value.getNodeType());
    }

    private static Long integer(int n, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidParameterException("event " + n + ", field " + field + ": must be an integer, was "
                    + shortened(value.toString()));
        }
        return value.longValue();
    }

    private static Integer qty(int n, JsonNode node) {
        Long qty = integer(n, node, "qty");
        if (qty != null && (qty > Integer.MAX_VALUE || qty < Integer.MIN_VALUE)) {
            throw new InvalidParameterException("event " + n + ", field qty: out of range: " + qty);
        }
        return qty == null ? null : qty.intValue();
    }

    private static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
