package io.recsyslite.internal.store;

/**
 * One stored event of a user, e.g. for a GDPR export.
 *
 * @param itemId     the item
 * @param ts         unix seconds
 * @param qty        quantity
 * @param eventType  e.g. "view" or "purchase"; null for events without a type
 * @param sessionId  the visitor session the event was recorded in, or null
 * @param sourceFile path of the file the event came from (a journal segment for live events)
 * @param recommendationId the recommendation an impression or click was about, or null
 */
public record UserEvent(String itemId, long ts, int qty, String eventType, String sessionId, String sourceFile,
                        String recommendationId) {
    /** An event not about a recommendation. */
    public UserEvent(String itemId, long ts, int qty, String eventType, String sessionId, String sourceFile) {
        this(itemId, ts, qty, eventType, sessionId, sourceFile, null);
    }

    /** An event without type and session, as in files of the original data contract. */
    public UserEvent(String itemId, long ts, int qty, String sourceFile) {
        this(itemId, ts, qty, null, null, sourceFile);
    }
}
