package io.recsyslite.internal.serving;

import io.recsyslite.internal.store.AuditEntry;
import io.recsyslite.internal.store.CatalogItem;
import io.recsyslite.internal.store.ServedRecommendation;
import io.recsyslite.internal.store.UserEvent;
import java.util.List;

/**
 * Everything stored about one user, for a GDPR access request: every event, the catalogue data
 * of those items, the recommendations served to them, and the audit entries about the user.
 */
public record UserDataExport(String userId, String exportedAt, List<UserEvent> events, List<CatalogItem> items,
                             List<ServedRecommendation> recommendations, List<AuditEntry> audit) {
}
