// Event → dashboard latency for `./crm bench reports`: publishes customer.created events to crm.customer at a steady
// rate, as customer-service's outbox relay would, and measures for each the time from its send until an open
// dashboard stream (GET /api/v1/reports/stream, server-sent events) first pushes figures counting it; beside that the
// Kafka floor: the time from the send until a plain consumer of the same topic (assigned, outside any group) receives
// it. Each event adds one customer, so the stream's `customers` counts them: the n-th event is reflected by the first
// `dashboard` event whose count is at least the count before the run plus n (reporting-service applies the topic's
// partitions in one consumer, so the count grows nearly in send order). A single-file program (java
// EventToDashboard.java) on the Kafka classpath that ./crm resolves anyway: nothing to build.
//
//   EventToDashboard <reporting-service URL> <Kafka bootstrap> <topic> <rate per second> <seconds> <warm-up seconds>
//   with an admin's bearer token in CRM_BENCH_TOKEN and the owner of the new customers in CRM_BENCH_OWNER
//
// Prints one line: BENCH rate=… sent=… seen=… kafka_p50_ms=… kafka_p95_ms=… kafka_p99_ms=… p50_ms=… p95_ms=…
// p99_ms=… max_ms=… pushes=…
// and one with reporting-service's own stages over the last minute (warm-up included), from its /actuator/prometheus:
// STAGES <stage>_p50=… <stage>_p95=… <stage>_p99=… for applied (record sent → its batch committed, ms), batch (a
// poll's transaction, ms), batch_size (records), push (commit → every stream written, ms), dashboard (one dashboard
// computed for a push, ms)

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

public class EventToDashboard {

    private static final Pattern CUSTOMERS = Pattern.compile("\"customers\"\\s*:\\s*(\\d+)");

    private static final Duration DRAIN = Duration.ofSeconds(20);

    /** A pushed dashboard: when it arrived and how many customers it counts. */
    record Push(long nanos, long customers) {
    }

    public static void main(String[] args) throws Exception {
        URI stream = URI.create(args[0] + "/api/v1/reports/stream");
        String bootstrap = args[1];
        String topic = args[2];
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int warmUp = Integer.parseInt(args[5]);
        String token = System.getenv("CRM_BENCH_TOKEN");
        String owner = System.getenv("CRM_BENCH_OWNER");
        if (token == null || token.isBlank() || owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("CRM_BENCH_TOKEN and CRM_BENCH_OWNER must be set");
        }

        List<Push> pushes = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(stream)
            .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + stream + " answered " + response.statusCode());
        }
        Thread reader = new Thread(() -> read(response.body(), pushes), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pushes.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        if (pushes.isEmpty()) {
            throw new IllegalStateException("the stream sent no dashboard within 10 s");
        }
        long before = pushes.get(0).customers();

        Map<String, Long> received = new ConcurrentHashMap<>();
        Thread floor = new Thread(() -> consume(bootstrap, topic, received), "kafka-floor");
        floor.setDaemon(true);
        floor.start();
        Thread.sleep(2000); // the floor consumer is assigned and at the end before the first send

        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        List<String> keys = new ArrayList<>();
        List<Long> sentAt = new ArrayList<>();
        int total = rate * (seconds + warmUp);
        int firstMeasured = rate * warmUp;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            long start = System.nanoTime();
            for (int n = 0; n < total; n++) {
                long due = start + n * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String customer = UUID.randomUUID().toString();
                keys.add(customer);
                sentAt.add(System.nanoTime());
                producer.send(new ProducerRecord<>(topic, customer, envelope(customer, owner)));
            }
            producer.flush();
        }

        long drainUntil = System.nanoTime() + DRAIN.toNanos();
        while (System.nanoTime() < drainUntil
                && (pushes.get(pushes.size() - 1).customers() < before + total || received.size() < total)) {
            Thread.sleep(50);
        }

        List<Long> dashboard = new ArrayList<>();
        List<Long> kafka = new ArrayList<>();
        List<Push> seen = List.copyOf(pushes);
        int p = 0;
        for (int n = firstMeasured; n < total; n++) {
            long count = before + n + 1;
            while (p < seen.size() && seen.get(p).customers() < count) {
                p++;
            }
            if (p < seen.size()) {
                dashboard.add(seen.get(p).nanos() - sentAt.get(n));
            }
            Long got = received.get(keys.get(n));
            if (got != null) {
                kafka.add(got - sentAt.get(n));
            }
        }
        Collections.sort(dashboard);
        Collections.sort(kafka);
        System.out.printf("BENCH rate=%d sent=%d seen=%d kafka_p50_ms=%.1f kafka_p95_ms=%.1f kafka_p99_ms=%.1f"
                + " p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f pushes=%d%n", rate, total - firstMeasured,
                dashboard.size(), ms(kafka, 0.50), ms(kafka, 0.95), ms(kafka, 0.99), ms(dashboard, 0.50),
                ms(dashboard, 0.95), ms(dashboard, 0.99), ms(dashboard, 1.0), seen.size());
        System.out.println("STAGES " + stages(http, URI.create(args[0] + "/actuator/prometheus"), token));
        System.exit(0);
    }

    /** reporting-service's stage timers, each metric's quantiles as {@code <stage>_p50=…}; ms for the timers. */
    private static String stages(HttpClient http, URI prometheus, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(prometheus)
            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return "unavailable=" + response.statusCode();
        }
        Map<String, String> metrics = Map.of("crm_events_applied_delay_seconds", "applied",
                "crm_events_batch_seconds", "batch", "crm_events_batch_size", "batch_size",
                "crm_reports_stream_push_delay_seconds", "push", "crm_reports_stream_dashboard_seconds", "dashboard");
        Pattern line = Pattern.compile("^(\\w+)\\{[^}]*quantile=\"([0-9.]+)\"[^}]*\\} (\\S+)$");
        StringBuilder stages = new StringBuilder();
        for (String text : response.body().split("\n")) {
            Matcher matcher = line.matcher(text);
            if (matcher.matches() && metrics.containsKey(matcher.group(1))
                    && (!text.contains("consumer=") || text.contains("consumer=\"reporting-service\""))) {
                double value = Double.parseDouble(matcher.group(3));
                boolean seconds = matcher.group(1).endsWith("_seconds");
                long percentile = Math.round(Double.parseDouble(matcher.group(2)) * 100);
                stages.append(String.format("%s_p%d=%.1f ", metrics.get(matcher.group(1)), percentile,
                        seconds ? value * 1000 : value));
            }
        }
        return stages.toString().trim();
    }

    private static String envelope(String customer, String owner) {
        String id = UUID.randomUUID().toString();
        String now = Instant.now().toString();
        return "{\"id\":\"" + id + "\",\"type\":\"customer.created\",\"version\":1,\"occurredAt\":\"" + now
                + "\",\"aggregateType\":\"customer\",\"aggregateId\":\"" + customer
                + "\",\"producer\":\"customer-service\",\"correlationId\":\"bench-" + id
                + "\",\"actor\":\"bench\",\"actorName\":\"Bench\",\"payload\":{\"id\":\"" + customer
                + "\",\"name\":\"Live bench\",\"ownerId\":\"" + owner + "\",\"createdAt\":\"" + now + "\"}}";
    }

    private static void read(InputStream body, List<Push> pushes) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = "message";
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    event = "message";
                }
                else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                }
                else if (line.startsWith("data:") && event.equals("dashboard")) {
                    Matcher customers = CUSTOMERS.matcher(line);
                    if (customers.find()) {
                        pushes.add(new Push(System.nanoTime(), Long.parseLong(customers.group(1))));
                    }
                }
            }
        }
        catch (Exception ex) {
            System.err.println("the stream ended: " + ex);
        }
    }

    private static void consume(String bootstrap, String topic, Map<String, Long> received) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    received.putIfAbsent(record.key(), System.nanoTime());
                }
            }
        }
    }

    private static double ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
