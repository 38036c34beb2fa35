package io.recsyslite;

/**
 * One event as a shop records it live: who ({@code userId}, or for a visitor not logged in a
 * {@code sessionId}; at least one), which item, when, how many and what happened. Optional parts
 * may be null: {@code ts} defaults to the time of recording, {@code qty} to 1, {@code eventType}
 * to none (weight 1). An event with both ids links the session to the user (a login): the
 * session's events count for the user from then on.
 *
 * @param userId    the shop's user id, or null for a visitor
 * @param sessionId the visitor's session id, or null
 * @param itemId    the item
 * @param ts        unix seconds, or null for now
 * @param qty       quantity (0 or more), or null for 1
 * @param eventType one word such as "view", "click", "add_to_cart", "purchase", or null;
 *                  {@value #IMPRESSION} marks an item shown to the shopper (feedback, never training data)
 * @param recommendationId the recommendation an impression or click was about, or null
 */
public record LiveEvent(String userId, String sessionId, String itemId, Long ts, Integer qty, String eventType,
                        String recommendationId) {
    /** The event type of an item shown in a recommendation; counted in online metrics, never trained on. */
    public static final String IMPRESSION = "impression";

    /** An event not about a recommendation. */
    public LiveEvent(String userId, String sessionId, String itemId, Long ts, Integer qty, String eventType) {
        this(userId, sessionId, itemId, ts, qty, eventType, null);
    }

    /** A user's event of a type, now, quantity 1. */
    public static LiveEvent ofUser(String userId, String itemId, String eventType) {
        return new LiveEvent(userId, null, itemId, null, null, eventType);
    }

    /** A visitor's event of a type, now, quantity 1. */
    public static LiveEvent ofSession(String sessionId, String itemId, String eventType) {
        return new LiveEvent(null, sessionId, itemId, null, null, eventType);
    }

    /** Whether this is something the shopper did (training data), not an {@link #IMPRESSION}. */
    public boolean isInteraction() {
        return !IMPRESSION.equals(eventType);
    }

    /** Whether this event links a visitor session to a user (a login). */
    public boolean linksSession() {
        return userId != null && sessionId != null;
    }
}
