package io.recsyslite.core.store;

/**
 * One stored event of a user, e.g. for a GDPR export.
 *
 * @param itemId     the item
 * @param ts         unix seconds
 * @param qty        quantity
 * @param sourceFile path of the file the event came from
 */
public record UserEvent(String itemId, long ts, int qty, String sourceFile) {
}
