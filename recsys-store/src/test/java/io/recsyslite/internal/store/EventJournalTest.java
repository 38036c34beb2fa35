package io.recsyslite.internal.store;

import io.recsyslite.LiveEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.core.error.RecsysException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's group commit: many appending threads, one writer, and a kill -9 in the middle. */
class EventJournalTest {
    @TempDir
    Path tmp;

    @Test
    void concurrentAppendsAreAllWrittenInTheOrderOfTheirNumbers() throws Exception {
        Path dir = tmp.resolve("journal");
        ConcurrentHashMap<Long, String> itemOfNumber = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (EventJournal journal = EventJournal.open(dir)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        String item = "item_" + thread + "_" + i;
                        itemOfNumber.put(journal.append(List.of(event(item))).join(), item);
                    }
                }));
            }
            for (Future<?> w : writers) {
                w.get();
            }
            List<EventJournal.Segment> segments = journal.seal();
            assertThat(segments).hasSize(1);
            assertThat(segments.get(0).lastNumber()).isEqualTo(1600);
            List<String> items = items(segments.get(0).path());
            assertThat(items).hasSize(1600);
            for (int n = 1; n <= 1600; n++) { // event number n is line n after the header
                assertThat(items.get(n - 1)).isEqualTo(itemOfNumber.get((long) n));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aBatchIsNumberedByItsLastEventAndSealingStartsANewSegment() {
        try (EventJournal journal = EventJournal.open(tmp.resolve("journal"))) {
            assertThat(journal.append(List.of(event("a"), event("b"), event("c"))).join()).isEqualTo(3);
            assertThat(journal.seal()).extracting(EventJournal.Segment::lastNumber).containsExactly(3L);
            assertThat(journal.append(List.of(event("d"))).join()).isEqualTo(4);
            assertThat(journal.seal()).extracting(EventJournal.Segment::lastNumber).containsExactly(3L, 4L);
        }
    }

    @Test
    void aClosedJournalRefusesAppendsAndAnotherOpenTakesItsSegmentsOver() throws IOException {
        Path dir = tmp.resolve("journal");
        EventJournal journal = EventJournal.open(dir);
        journal.append(List.of(event("a"))).join();
        journal.close();
        journal.close();
        assertThatThrownBy(() -> journal.append(List.of(event("b"))).join()).isInstanceOf(RecsysException.class)
                .hasMessageContaining("closed");
        try (EventJournal again = EventJournal.open(dir)) {
            List<EventJournal.Segment> left = again.seal();
            assertThat(left).hasSize(1);
            assertThat(items(left.get(0).path())).containsExactly("a");
        }
    }

    @Test
    void aKilledRecorderLosesNoAcknowledgedEvent() throws Exception {
        Path dir = tmp.resolve("journal");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EventJournalTest.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Set<String> acknowledged = new HashSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < 3000 && (line = out.readLine()) != null) {
                acknowledged.add(line);
            }
            child.toHandle().destroyForcibly(); // SIGKILL: no shutdown hook, no close (keeps our pipe open)
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            while ((line = out.readLine()) != null) { // acknowledged before the kill, still in the pipe
                acknowledged.add(line);
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(3000);
        Set<String> journaled = new HashSet<>();
        try (EventJournal recovered = EventJournal.open(dir)) {
            for (EventJournal.Segment segment : recovered.seal()) {
                journaled.addAll(items(segment.path()));
            }
        }
        assertThat(journaled).containsAll(acknowledged);
    }

    /**
     * The recorder killed by {@link #aKilledRecorderLosesNoAcknowledgedEvent}: 16 threads append one
     * event at a time and print each item id once its append returned (was acknowledged).
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        EventJournal journal = EventJournal.open(Path.of(args[0]));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        for (int t = 0; t < 16; t++) {
            int thread = t;
            pool.submit(() -> {
                for (int i = 0; ; i++) {
                    String item = "item_" + thread + "_" + i;
                    journal.append(List.of(event(item))).join();
                    out.println(item);
                }
            });
        }
        pool.awaitTermination(10, TimeUnit.MINUTES); // until killed
    }

    private static LiveEvent event(String item) {
        return LiveEvent.ofUser("user_1", item, "view");
    }

    /** The item ids of a segment's lines, in order; every line whole (as many fields as the header). */
    private static List<String> items(Path segment) throws IOException {
        List<String> lines = Files.readAllLines(segment, StandardCharsets.UTF_8);
        assertThat(lines.get(0) + "\n").isEqualTo(EventJournal.HEADER);
        List<String> items = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            assertThat(fields).as(line).hasSize(EventJournal.HEADER.split(",", -1).length);
            items.add(fields[2].replace("\"", ""));
        }
        return items;
    }
}
