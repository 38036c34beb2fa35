package io.recsyslite.internal.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultCacheTest {
    private static final long MINUTE = 60_000_000_000L;

    /** Keys "user:answer"; keys starting with "item" are about nobody in particular. */
    private static String subject(String key) {
        return key.startsWith("item") ? null : key.substring(0, key.indexOf(':'));
    }

    @Test
    void removingASubjectDropsItsEntriesAndNoOtherOnes() {
        ResultCache<String, String> cache = new ResultCache<>(MINUTE, 100, ResultCacheTest::subject);
        cache.put("u1:top10", "a");
        cache.put("u1:top20", "b");
        cache.put("u2:top10", "c");
        cache.put("item7:similar", "d");

        cache.removeSubjects(List.of("u1", "nobody"));

        assertThat(cache.get("u1:top10")).isNull();
        assertThat(cache.get("u1:top20")).isNull();
        assertThat(cache.get("u2:top10")).isEqualTo("c");
        assertThat(cache.get("item7:similar")).isEqualTo("d");
        assertThat(cache.indexedSubjects()).containsExactly("u2");
    }

    @Test
    void evictedAndExpiredEntriesLeaveTheIndexToo() throws InterruptedException {
        ResultCache<String, String> small = new ResultCache<>(MINUTE, 2, ResultCacheTest::subject);
        small.put("u1:top10", "a");
        small.put("u2:top10", "b");
        small.put("u3:top10", "c"); // evicts u1, the least recently used

        assertThat(small.size()).isEqualTo(2);
        assertThat(small.indexedSubjects()).containsExactlyInAnyOrder("u2", "u3");

        ResultCache<String, String> brief = new ResultCache<>(1_000_000L, 10, ResultCacheTest::subject);
        brief.put("u1:top10", "a");
        Thread.sleep(5);
        assertThat(brief.get("u1:top10")).isNull();
        assertThat(brief.indexedSubjects()).isEmpty();
    }
}
