package io.recsyslite.internal.serving;

import io.recsyslite.LiveEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The live events a served model has not seen yet, per user, and every visitor session's recent
 * events: what makes the next answer fresh (on-demand fold-in, the seen filter, session queries)
 * before a worker or trainer writes a new model. Bounded: at most {@code maxPerKey} newest events
 * per user or session and {@code maxKeys} users and sessions each (least recently active dropped).
 * A session linked to a user by a login feeds that user from then on. Thread-safe (one lock).
 */
final class RecentEvents {
    /**
     * One remembered event: its journal number (0 when read back from the store) and, for events
     * read back from the store, when it got there.
     */
    record Entry(LiveEvent event, long journalNumber, Instant storedAt) {
    }

    private final int maxPerKey;
    private final Map<String, Deque<Entry>> byUser;
    private final Map<String, Deque<Entry>> bySession;
    private final Map<String, String> userOfSession;
    private final Map<String, Long> versions;

    RecentEvents(int maxKeys, int maxPerKey) {
        this.maxPerKey = maxPerKey;
        this.byUser = lru(maxKeys);
        this.bySession = lru(maxKeys);
        this.userOfSession = lru(maxKeys);
        this.versions = lru(maxKeys);
    }

    /** Remembers checked events (their journal numbers end at {@code lastNumber}, 0 for stored ones). */
    synchronized void add(List<LiveEvent> events, long lastNumber, Instant storedAt) {
        long number = lastNumber == 0 ? 0 : lastNumber - events.size();
        for (LiveEvent e : events) {
            Entry entry = new Entry(e, lastNumber == 0 ? 0 : ++number, storedAt);
            if (e.linksSession()) {
                String previous = userOfSession.put(e.sessionId(), e.userId());
                if (!e.userId().equals(previous)) {
                    for (Entry visit : bySession.getOrDefault(e.sessionId(), new ArrayDeque<>())) {
                        append(byUser, e.userId(), visit);
                    }
                }
            }
            if (e.sessionId() != null) {
                append(bySession, e.sessionId(), entry);
            }
            String user = e.userId() != null ? e.userId() : userOfSession.get(e.sessionId());
            if (user != null) {
                append(byUser, user, entry);
                versions.merge(user, 1L, Long::sum);
            }
        }
    }

    /** The user's remembered events, oldest first. */
    synchronized List<LiveEvent> ofUser(String userId) {
        return events(byUser.get(userId));
    }

    /** The session's events, oldest first. */
    synchronized List<LiveEvent> ofSession(String sessionId) {
        return events(bySession.get(sessionId));
    }

    /** The user a login linked the session to, or null. */
    synchronized String userOfSession(String sessionId) {
        return userOfSession.get(sessionId);
    }

    /** A number that changes with every event added for the user (for caches of folded-in users). */
    synchronized long version(String userId) {
        return versions.getOrDefault(userId, 0L);
    }

    /** Forgets the users' events a new model has seen; sessions stay (visitors are not training data). */
    synchronized void forgetUserEvents(Predicate<Entry> seenByModel) {
        byUser.values().forEach(events -> events.removeIf(seenByModel));
        byUser.values().removeIf(Deque::isEmpty);
    }

    /** Forgets everything about a user (GDPR erasure), including the sessions linked to them. */
    synchronized void forgetUser(String userId) {
        byUser.remove(userId);
        versions.merge(userId, 1L, Long::sum);
        List<String> sessions = new ArrayList<>();
        userOfSession.forEach((session, user) -> {
            if (user.equals(userId)) {
                sessions.add(session);
            }
        });
        sessions.forEach(s -> {
            userOfSession.remove(s);
            bySession.remove(s);
        });
    }

    private void append(Map<String, Deque<Entry>> map, String key, Entry entry) {
        Deque<Entry> events = map.computeIfAbsent(key, k -> new ArrayDeque<>());
        events.addLast(entry);
        if (events.size() > maxPerKey) {
            events.removeFirst();
        }
    }

    private static List<LiveEvent> events(Deque<Entry> entries) {
        return entries == null ? List.of() : entries.stream().map(Entry::event).toList();
    }

    private static <V> Map<String, V> lru(int maxKeys) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > maxKeys;
            }
        };
    }
}
