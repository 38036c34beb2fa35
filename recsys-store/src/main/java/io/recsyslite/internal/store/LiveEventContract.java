package io.recsyslite.internal.store;

import io.recsyslite.LiveEvent;
import io.recsyslite.core.error.InvalidDataException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The events data contract ({@link DataContract}, which checks files in SQL) for events recorded
 * live, checked in Java before anything is written: the same limits, the same messages, plus the
 * live defaults (ts = now, qty = 1). Ids are trimmed; an event type is stored in lower case.
 * Immutable and thread-safe.
 */
public final class LiveEventContract {
    private static final Pattern EVENT_TYPE = Pattern.compile(DataContract.EVENT_TYPE_PATTERN);

    private final Set<String> allowedEventTypes;

    /** @param allowedEventTypes the event types a shop accepts (lower case); empty accepts any word */
    public LiveEventContract(Set<String> allowedEventTypes) {
        this.allowedEventTypes = Set.copyOf(allowedEventTypes);
    }

    /**
     * The events with defaults filled in and ids trimmed; the first bad event rejects them all
     * with an {@link InvalidDataException} naming its position (from 0) and field.
     */
    public List<LiveEvent> check(List<LiveEvent> events, long nowEpochSeconds) {
        List<LiveEvent> checked = new ArrayList<>(events.size());
        for (int n = 0; n < events.size(); n++) {
            LiveEvent e = events.get(n);
            if (e == null) {
                throw bad(n, "event", "missing event");
            }
            String user = id(n, "user_id", e.userId(), "user id");
            String session = id(n, "session_id", e.sessionId(), "session id");
            if (user == null && session == null) {
                throw bad(n, "user_id", "missing user id and session id (one is needed)");
            }
            String item = id(n, "item_id", e.itemId(), "item id");
            if (item == null) {
                throw bad(n, "item_id", "missing item id");
            }
            long ts = e.ts() == null ? nowEpochSeconds : e.ts();
            if (ts < DataContract.MIN_TS) {
                throw bad(n, "ts", "timestamp " + ts + " is before 2000-01-01 (expected unix seconds)");
            }
            if (ts > nowEpochSeconds + DataContract.MAX_FUTURE_SECONDS) {
                throw bad(n, "ts", "timestamp " + ts + " is more than 1 day in the future (expected unix seconds)");
            }
            int qty = e.qty() == null ? 1 : e.qty();
            if (qty < 0) {
                throw bad(n, "qty", "negative quantity " + qty);
            }
            String recommendation = id(n, "recommendation_id", e.recommendationId(), "recommendation id");
            checked.add(new LiveEvent(user, session, item, ts, qty, eventType(n, e.eventType()), recommendation));
        }
        return checked;
    }

    private String eventType(int n, String raw) {
        if (raw == null) {
            return null;
        }
        String type = raw.trim();
        if (!EVENT_TYPE.matcher(type).matches()) {
            throw bad(n, "event_type", "event type '" + printable(type)
                    + "' is not one word of letters, digits, _ or - (at most 64)");
        }
        type = type.toLowerCase(Locale.ROOT);
        if (!allowedEventTypes.isEmpty() && !allowedEventTypes.contains(type)) {
            throw bad(n, "event_type", "unknown event type '" + type + "' (this shop records "
                    + String.join(", ", new java.util.TreeSet<>(allowedEventTypes)) + ")");
        }
        return type;
    }

    /** The trimmed id, or null when absent; empty, too long or with control characters is an error. */
    private static String id(int n, String field, String raw, String label) {
        if (raw == null) {
            return null;
        }
        String id = raw.trim();
        if (id.isEmpty()) {
            throw bad(n, field, "empty " + label);
        }
        if (id.length() > DataContract.MAX_ID_LENGTH) {
            throw bad(n, field, label + " of " + id.length() + " characters (at most " + DataContract.MAX_ID_LENGTH + ")");
        }
        if (id.chars().anyMatch(Character::isISOControl)) {
            throw bad(n, field, label + " contains a control character");
        }
        return id;
    }

    private static String printable(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return shown.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static InvalidDataException bad(int n, String field, String problem) {
        return new InvalidDataException("event " + n + ", field " + field + ": " + problem + "; nothing was recorded");
    }
}
