// Write → timeline latency for `./crm bench api`: creates customers through the gateway at a steady rate and measures,
// for each, the time from sending the create until its activity shows in the recent-activity feed
// (GET /api/v1/activities, newest first). One reader polls the feed every POLL_INTERVAL, not back to back: polls of
// 200 entries as fast as they come cost the gateway and activity-service 0.7 of a core, far more than the writes at
// 10/s, and delayed what they measured. Each poll covers every customer still pending; a customer is seen when a
// poll's answer holds it, at most POLL_INTERVAL late. A single-file program (java WriteToTimeline.java): the JDK only,
// nothing to build.
//
//   WriteToTimeline <gateway URL> <rate per second> <seconds> <warm-up seconds>
//   with the bearer token in the environment variable CRM_BENCH_TOKEN
//
// Prints one line: BENCH rate=… sent=… seen=… lost=… failed=… p50_ms=… p90_ms=… p99_ms=… max_ms=… create_p50_ms=…
// create_p99_ms=… failures={status[/reason] or exception:count,…} poll_failures={…} (feed polls that got no 200)

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class WriteToTimeline {

    private static final Pattern FIRST_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private static final Pattern CUSTOMER_ID = Pattern.compile("\"customerId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private static final Duration DRAIN = Duration.ofSeconds(15);

    private static final long POLL_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** Newest entries per poll, the API's most: a second of 200 writes/s (older ones count as never seen). */
    private static final int POLL_SIZE = 200;

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int warmUp = Integer.parseInt(args[3]);
        String token = System.getenv("CRM_BENCH_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("CRM_BENCH_TOKEN is not set");
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        String run = Long.toString(System.currentTimeMillis(), 36);

        Map<String, Long> pending = new ConcurrentHashMap<>();
        List<Long> visible = Collections.synchronizedList(new ArrayList<>());
        List<Long> creates = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        // why creates failed: HTTP status or exception, with counts
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        Map<String, Integer> pollFailures = new ConcurrentHashMap<>();
        AtomicInteger inFlight = new AtomicInteger();
        long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmUp);

        // a daemon: an error on the main thread must end the program, not leave the writer running
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "writer");
            thread.setDaemon(true);
            return thread;
        });
        long total = (long) rate * (warmUp + seconds);
        AtomicInteger n = new AtomicInteger();
        writer.scheduleAtFixedRate(() -> {
            int i = n.incrementAndGet();
            if (i > total) {
                return;
            }
            long start = System.nanoTime();
            boolean measured = start >= measureFrom;
            if (measured) {
                sent.incrementAndGet();
            }
            inFlight.incrementAndGet();
            String tag = run + "-" + i;
            HttpRequest create = HttpRequest.newBuilder(gateway.resolve("/api/v1/customers"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Timeline " + tag
                            + "\",\"email\":\"timeline." + tag + "@bench.example\"}"))
                    .timeout(Duration.ofSeconds(10)).build();
            http.sendAsync(create, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                inFlight.decrementAndGet();
                Matcher id = error == null && response.statusCode() == 201 ? FIRST_ID.matcher(response.body()) : null;
                if (id == null || !id.find()) {
                    if (measured) {
                        failed.incrementAndGet();
                        failures.merge(error != null ? cause(error).getClass().getSimpleName() : why(response), 1,
                                Integer::sum);
                    }
                    return;
                }
                if (measured) {
                    creates.add(System.nanoTime() - start);
                    pending.put(id.group(1), start);
                }
            });
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);

        HttpRequest feed = HttpRequest.newBuilder(gateway.resolve("/api/v1/activities?size=" + POLL_SIZE))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build();
        long writesEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmUp + seconds);
        long deadline = writesEnd + DRAIN.toNanos();
        long nextPoll = System.nanoTime();
        while (System.nanoTime() < deadline
                && (System.nanoTime() < writesEnd || inFlight.get() > 0 || !pending.isEmpty())) {
            // pacing the reader, not waiting for a result
            long early = nextPoll - System.nanoTime();
            if (early > 0) {
                TimeUnit.NANOSECONDS.sleep(early);
            }
            nextPoll = System.nanoTime() + POLL_INTERVAL_NANOS;
            HttpResponse<String> answer;
            try {
                answer = http.send(feed, HttpResponse.BodyHandlers.ofString());
            }
            catch (java.net.http.HttpTimeoutException slow) {
                continue; // a slow poll is no answer; the next one still sees what arrived meanwhile
            }
            long seen = System.nanoTime();
            if (answer.statusCode() != 200) {
                // an overloaded stack answers a poll 503 (the gateway's time limit): no answer, the next poll sees more
                pollFailures.merge(why(answer), 1, Integer::sum);
                continue;
            }
            Matcher customer = CUSTOMER_ID.matcher(answer.body());
            while (customer.find()) {
                Long start = pending.remove(customer.group(1));
                if (start != null) {
                    visible.add(seen - start);
                }
            }
        }
        writer.shutdownNow();

        List<Long> latencies = sorted(visible);
        List<Long> createLatencies = sorted(creates);
        System.out.printf("BENCH rate=%d sent=%d seen=%d lost=%d failed=%d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f"
                + " max_ms=%.1f create_p50_ms=%.1f create_p99_ms=%.1f failures=%s poll_failures=%s%n", rate,
                sent.get(), latencies.size(), pending.size(), failed.get(), ms(percentile(latencies, 50)),
                ms(percentile(latencies, 90)), ms(percentile(latencies, 99)), ms(percentile(latencies, 100)),
                ms(percentile(createLatencies, 50)), ms(percentile(createLatencies, 99)), counts(failures),
                counts(pollFailures));
    }

    private static final Pattern REASON = Pattern.compile("\"reason\"\\s*:\\s*\"([a-z-]+)\"");

    /** The status, with the gateway fallback's reason (timeout, circuit-open, ...) when the body names one. */
    private static String why(HttpResponse<String> response) {
        Matcher reason = REASON.matcher(response.body() == null ? "" : response.body());
        return response.statusCode() + (reason.find() ? "/" + reason.group(1) : "");
    }

    private static Throwable cause(Throwable error) {
        return error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
    }

    private static String counts(Map<String, Integer> counts) {
        return counts.isEmpty() ? "none" : new java.util.TreeMap<>(counts).toString().replace(" ", "").replace('=', ':');
    }

    private static List<Long> sorted(List<Long> values) {
        synchronized (values) {
            List<Long> copy = new ArrayList<>(values);
            Collections.sort(copy);
            return copy;
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1_000_000;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
