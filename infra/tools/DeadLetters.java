// Lists and replays the records on the CRM's dead-letter topics (<topic>.dlt). Run by `./crm events dlt` as a
// single-file program (java DeadLetters.java …) on the Kafka classpath that ./crm resolves anyway: nothing to build.
//
//   DeadLetters --bootstrap host:port list
//   DeadLetters --bootstrap host:port replay <topic>.dlt <offset|partition:offset>... | --all
//
// Replay republishes the chosen records, key, value and the original headers, to the topic they failed on; the
// consumer's inbox makes that safe for records that had been applied meanwhile. The dead-letter topic is a log: the
// replayed records stay on it (replay prints the new positions, so the list can be read against them).

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

public class DeadLetters {

    static final String SUFFIX = ".dlt";
    static final String DLT_HEADER_PREFIX = "kafka_dlt-";
    static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]{1,128})\"");

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    /** @return the exit status */
    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        String bootstrap = System.getenv().getOrDefault("CRM_KAFKA_BOOTSTRAP", "127.0.0.1:19092");
        if (rest.size() >= 2 && rest.get(0).equals("--bootstrap")) {
            bootstrap = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        if (rest.isEmpty() || rest.get(0).equals("list")) {
            list(bootstrap, out);
            return 0;
        }
        if (rest.get(0).equals("replay") && rest.size() >= 3) {
            return replay(bootstrap, rest.get(1), rest.subList(2, rest.size()), out, err);
        }
        err.println("usage: DeadLetters [--bootstrap host:port] list | replay <topic>.dlt <offset|partition:offset>...|--all");
        return 2;
    }

    static void list(String bootstrap, PrintStream out) throws Exception {
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            topics = new TreeSet<>(admin.listTopics().names().get());
        }
        topics.removeIf(topic -> !topic.endsWith(SUFFIX));
        out.printf("%-24s %4s %8s  %-36s  %-22s  %-24s  %s%n", "TOPIC", "PART", "OFFSET", "KEY", "EVENT TYPE",
                "TIME", "REASON");
        int count = 0;
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
            for (String topic : topics) {
                for (ConsumerRecord<String, String> record : readAll(consumer, topic)) {
                    count++;
                    out.printf("%-24s %4d %8d  %-36s  %-22s  %-24s  %s%n", record.topic(), record.partition(),
                            record.offset(), record.key(), eventType(record), Instant.ofEpochMilli(record.timestamp()),
                            reason(record));
                }
            }
        }
        out.printf("%d dead letter(s) on %d topic(s)%n", count, topics.size());
    }

    static int replay(String bootstrap, String topicArg, List<String> which, PrintStream out, PrintStream err)
            throws Exception {
        String topic = topicArg.endsWith(SUFFIX) ? topicArg : topicArg + SUFFIX;
        boolean all = which.contains("--all");
        List<ConsumerRecord<String, String>> chosen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
            for (ConsumerRecord<String, String> record : readAll(consumer, topic)) {
                if (all || which.contains(String.valueOf(record.offset()))
                        || which.contains(record.partition() + ":" + record.offset())) {
                    chosen.add(record);
                }
            }
        }
        for (String offset : which) {
            if (!offset.contains(":") && chosen.stream().filter(r -> offset.equals(String.valueOf(r.offset())))
                    .map(ConsumerRecord::partition).distinct().count() > 1) {
                err.println("offset " + offset + " is on several partitions of " + topic + ": name it as P:" + offset);
                return 2;
            }
        }
        if (chosen.isEmpty()) {
            err.println("no such record on " + topic + ": " + which);
            return 1;
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (ConsumerRecord<String, String> record : chosen) {
                String original = header(record, "kafka_dlt-original-topic");
                String target = original != null ? original : topic.substring(0, topic.length() - SUFFIX.length());
                ProducerRecord<String, String> copy = new ProducerRecord<>(target, record.key(), record.value());
                for (Header header : record.headers()) {
                    if (!header.key().startsWith(DLT_HEADER_PREFIX) && !header.key().equals("crm-dlt-reason")) {
                        copy.headers().add(header);
                    }
                }
                RecordMetadata sent = producer.send(copy).get();
                out.printf("replayed %s %d:%d -> %s %d:%d%n", record.topic(), record.partition(),
                        record.offset(), sent.topic(), sent.partition(), sent.offset());
            }
        }
        return 0;
    }

    /** Every record of the topic from its start to its end as of now. */
    static List<ConsumerRecord<String, String>> readAll(KafkaConsumer<String, String> consumer, String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " to its end within 30 s");
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    static String eventType(ConsumerRecord<String, String> record) {
        String type = header(record, "crm-event-type");
        if (type == null && record.value() != null) {
            Matcher matcher = TYPE.matcher(record.value());
            type = matcher.find() ? matcher.group(1) : null;
        }
        return type == null ? "?" : type;
    }

    static String reason(ConsumerRecord<String, String> record) {
        String cause = header(record, "kafka_dlt-exception-cause-fqcn");
        String exception = cause != null ? cause : header(record, "kafka_dlt-exception-fqcn");
        String reason = header(record, "crm-dlt-reason");
        String message = reason != null ? reason : header(record, "kafka_dlt-exception-message");
        String name = exception == null ? "" : exception.substring(exception.lastIndexOf('.') + 1);
        String text = (name + ": " + (message == null ? "" : message)).replaceAll("\\s+", " ").trim();
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
