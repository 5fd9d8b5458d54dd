// A history of CRM events for `./crm bench reports rebuild`: the events the other services' outboxes would have
// written over two years, produced to the topics under a prefix of their own (so that no service of the stack consumes
// them), and the Kafka floor of replaying them. A single-file program (java EventHistory.java) on the Kafka classpath
// that ./crm resolves anyway: nothing to build.
//
//   EventHistory write <Kafka bootstrap> <topic prefix> <events>
//     creates <prefix>crm.customer, .lead, .payment, .activity (3 partitions, kept forever, as the services declare
//     them) and produces the history unless they already hold that many records. Every 70 events: 10 customers
//     created, 10 leads created, 4 lead status changes, 1 lead assigned, 1 customer's new owner, 1 customer's new
//     tags, 2 payments completed, 2 follow-ups created and 1 completed, 38 notes, communications and documents, in
//     time order, each naming customers and leads created before it (7M events: 1M customers, 1M leads, 5M more).
//     Prints: HISTORY events=… produced=… seconds=…
//   EventHistory read <Kafka bootstrap> <topic prefix>
//     reads every record of those topics from the beginning as the rebuild does (assigned, outside any group, values
//     as strings) and prints: FLOOR records=… seconds=… per_second=…

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

public class EventHistory {

    private static final List<String> TOPICS = List.of("crm.customer", "crm.lead", "crm.payment", "crm.activity");

    private static final String[] TAGS = { "vip", "eu", "us", "partner", "smb", "enterprise", "churn-risk", "renewal",
            "newsletter", "trial", "reseller", "public-sector" };

    private static final String[] SOURCES = { "WEB", "REFERRAL", "EVENT", "PARTNER", "COLD_CALL", "ADVERTISING" };

    private static final String[] CURRENCIES = { "EUR", "USD", "GBP" };

    private static final int OWNERS = 40;

    /** One block of the history, in order: the event types of every 70 events. */
    private static final String[] BLOCK = block();

    public static void main(String[] args) throws Exception {
        String bootstrap = args[1];
        String prefix = args[2];
        if (args[0].equals("write")) {
            write(bootstrap, prefix, Long.parseLong(args[3]));
        }
        else {
            read(bootstrap, prefix);
        }
    }

    private static String[] block() {
        List<String> types = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            types.add("customer.created");
            types.add("lead.created");
            types.add("customer.note-added");
            types.add("customer.note-added");
            types.add("customer.communication-logged");
        }
        for (int i = 0; i < 4; i++) {
            types.add("lead.status-changed");
            types.add("customer.communication-logged");
            types.add("customer.document-attached");
        }
        types.addAll(List.of("lead.assigned", "customer.owner-changed", "customer.updated", "payment.recorded",
                "payment.recorded", "follow-up.created", "follow-up.created", "follow-up.completed"));
        while (types.size() < 70) {
            types.add("customer.note-added");
        }
        return types.toArray(String[]::new);
    }

    private static void write(String bootstrap, String prefix, long events) throws Exception {
        long before = createTopics(bootstrap, prefix);
        if (before >= events) {
            System.out.printf("HISTORY events=%d produced=0 seconds=0%n", before);
            return;
        }
        if (before > 0) {
            throw new IllegalStateException("the topics under '" + prefix + "' hold " + before + " records, fewer than "
                    + events + ": delete them (or choose another prefix) and write again");
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "1");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(128L << 20));
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            new History(events).forEach((topic, key, json) -> producer.send(new ProducerRecord<>(prefix + topic, key,
                    json)));
            producer.flush();
        }
        System.out.printf("HISTORY events=%d produced=%d seconds=%.1f%n", events, events,
                (System.nanoTime() - started) / 1e9);
    }

    /** Creates the missing topics; the records they hold. */
    private static long createTopics(String bootstrap, String prefix) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var existing = admin.listTopics().names().get();
            List<NewTopic> missing = TOPICS.stream().map(t -> prefix + t).filter(t -> !existing.contains(t))
                .map(t -> new NewTopic(t, 3, (short) 1).configs(Map.of("retention.ms", "-1")))
                .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        }
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = partitions(consumer, prefix);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            return consumer.endOffsets(partitions).entrySet().stream()
                .mapToLong(e -> e.getValue() - begin.get(e.getKey())).sum();
        }
    }

    private static void read(String bootstrap, String prefix) {
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = partitions(consumer, prefix);
            long started = System.nanoTime();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long records = 0;
            long chars = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    chars += record.value().length();
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("FLOOR records=%d seconds=%.1f per_second=%.0f mb=%.0f%n", records, seconds,
                    records / seconds, chars / 1e6);
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // as the rebuild's replay polls
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String prefix) {
        return TOPICS.stream()
            .flatMap(t -> consumer.partitionsFor(prefix + t).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())))
            .collect(Collectors.toList());
    }

    interface Sink {
        void send(String topic, String key, String json);
    }

    /** The events, generated in time order from a fixed seed: the same history every time. */
    static final class History {

        private final long events;
        private final SplittableRandom random = new SplittableRandom(20261203);
        private final Instant start = Instant.parse("2025-01-01T00:00:00Z");
        private final long step;
        private final UUID[] customers;
        private final int[] customerOwner;
        private final UUID[] leads;
        private final int[] leadCustomer;
        private final UUID[] followUps;
        private final int[] followUpCustomer;
        private int customerCount;
        private int leadCount;
        private int followUpCount;
        private int followUpsDone;

        History(long events) {
            this.events = events;
            // two years, spread evenly over the events
            this.step = Duration.ofDays(730).toMillis() * 1000 / Math.max(1, events);
            int blocks = (int) (events / BLOCK.length + 1);
            this.customers = new UUID[blocks * 10];
            this.customerOwner = new int[customers.length];
            this.leads = new UUID[blocks * 10];
            this.leadCustomer = new int[leads.length];
            this.followUps = new UUID[blocks * 2];
            this.followUpCustomer = new int[followUps.length];
        }

        void forEach(Sink sink) {
            for (long n = 0; n < events; n++) {
                Instant at = start.plusNanos(n * step * 1000);
                event(BLOCK[(int) (n % BLOCK.length)], at, sink);
            }
        }

        private void event(String type, Instant at, Sink sink) {
            switch (type) {
                case "customer.created" -> {
                    int c = customerCount++;
                    customers[c] = uuid();
                    customerOwner[c] = random.nextInt(OWNERS);
                    String tags = tags();
                    send(sink, type, "customer", customers[c], at, "\"id\":\"" + customers[c] + "\",\"name\":\"Customer "
                            + c + "\",\"ownerId\":\"" + owner(customerOwner[c]) + "\",\"ownerName\":\"Owner "
                            + customerOwner[c] + "\",\"tags\":" + tags + ",\"createdAt\":\"" + at + "\"");
                }
                case "customer.owner-changed" -> {
                    int c = anyCustomer();
                    int to = random.nextInt(OWNERS);
                    send(sink, type, "customer", customers[c], at, "\"customerId\":\"" + customers[c] + "\",\"from\":\""
                            + owner(customerOwner[c]) + "\",\"to\":\"" + owner(to) + "\",\"toName\":\"Owner " + to + "\"");
                    customerOwner[c] = to;
                }
                case "customer.updated" -> {
                    int c = anyCustomer();
                    send(sink, type, "customer", customers[c], at, "\"id\":\"" + customers[c] + "\",\"name\":\"Customer "
                            + c + "\",\"tags\":" + tags());
                }
                case "customer.note-added", "customer.document-attached" -> {
                    int c = anyCustomer();
                    send(sink, type, "customer", customers[c], at, "\"customerId\":\"" + customers[c]
                            + "\",\"occurredAt\":\"" + at + "\"");
                }
                case "customer.communication-logged" -> {
                    int c = anyCustomer();
                    send(sink, type, "customer", customers[c], at, "\"customerId\":\"" + customers[c]
                            + "\",\"type\":\"CALL\",\"occurredAt\":\"" + at.minusSeconds(600) + "\"");
                }
                case "lead.created" -> {
                    int l = leadCount++;
                    leads[l] = uuid();
                    leadCustomer[l] = anyCustomer();
                    int owner = customerOwner[leadCustomer[l]];
                    send(sink, type, "lead", leads[l], at, lead(l) + ",\"source\":\"" + SOURCES[random.nextInt(
                            SOURCES.length)] + "\",\"value\":\"" + (100 + random.nextInt(50_000)) + ".00\",\"currency\":\""
                            + CURRENCIES[random.nextInt(CURRENCIES.length)] + "\",\"status\":\"NEW\",\"assignedTo\":\""
                            + owner(owner) + "\",\"assigneeName\":\"Owner " + owner + "\"");
                }
                case "lead.status-changed" -> {
                    int l = anyLead();
                    int roll = random.nextInt(4);
                    String to = roll < 2 ? "IN_PROGRESS" : roll == 2 ? "CLOSED_WON" : "CLOSED_LOST";
                    send(sink, type, "lead", leads[l], at, lead(l) + ",\"to\":\"" + to + "\"");
                }
                case "lead.assigned" -> {
                    int l = anyLead();
                    int to = random.nextInt(OWNERS);
                    send(sink, type, "lead", leads[l], at, lead(l) + ",\"assignee\":\"" + owner(to)
                            + "\",\"assigneeName\":\"Owner " + to + "\"");
                }
                case "payment.recorded" -> {
                    int l = anyLead();
                    UUID payment = uuid();
                    send(sink, type, "payment", payment, at, "\"paymentId\":\"" + payment + "\",\"customerId\":\""
                            + customers[leadCustomer[l]] + "\",\"leadId\":\"" + leads[l] + "\",\"amount\":\""
                            + (50 + random.nextInt(10_000)) + ".00\",\"currency\":\"" + CURRENCIES[random.nextInt(
                                    CURRENCIES.length)] + "\",\"status\":\"COMPLETED\",\"method\":\"CARD\",\"paidAt\":\""
                            + at + "\"");
                }
                case "follow-up.created" -> {
                    int f = followUpCount++;
                    followUps[f] = uuid();
                    followUpCustomer[f] = anyCustomer();
                    send(sink, type, "activity", followUps[f], at, followUp(f, "OPEN", at.plus(Duration.ofDays(
                            1 + random.nextInt(30)))));
                }
                case "follow-up.completed" -> {
                    // the oldest open one
                    int f = followUpsDone++;
                    send(sink, type, "activity", followUps[f], at, followUp(f, "DONE", at));
                }
                default -> throw new IllegalArgumentException(type);
            }
        }

        private String lead(int l) {
            return "\"leadId\":\"" + leads[l] + "\",\"customerId\":\"" + customers[leadCustomer[l]]
                    + "\",\"title\":\"Lead " + l + "\"";
        }

        private String followUp(int f, String status, Instant due) {
            int owner = customerOwner[followUpCustomer[f]];
            return "\"followUpId\":\"" + followUps[f] + "\",\"customerId\":\"" + customers[followUpCustomer[f]]
                    + "\",\"dueAt\":\"" + due + "\",\"assignee\":\"" + owner(owner) + "\",\"status\":\"" + status
                    + "\",\"title\":\"Call back\"";
        }

        private void send(Sink sink, String type, String aggregateType, UUID aggregate, Instant at, String payload) {
            UUID id = uuid();
            String topic = "crm." + aggregateType;
            sink.send(topic, aggregate.toString(), "{\"id\":\"" + id + "\",\"type\":\"" + type
                    + "\",\"version\":1,\"occurredAt\":\"" + at + "\",\"aggregateType\":\"" + aggregateType
                    + "\",\"aggregateId\":\"" + aggregate + "\",\"producer\":\"" + aggregateType
                    + "-service\",\"correlationId\":\"history-" + id + "\",\"actor\":\"" + owner(random.nextInt(OWNERS))
                    + "\",\"actorName\":\"Bench\",\"payload\":{" + payload + "}}");
        }

        private int anyCustomer() {
            return random.nextInt(customerCount);
        }

        private int anyLead() {
            return random.nextInt(leadCount);
        }

        private String tags() {
            int count = random.nextInt(3);
            List<String> tags = new ArrayList<>();
            while (tags.size() < count) {
                String tag = TAGS[random.nextInt(TAGS.length)];
                if (!tags.contains(tag)) {
                    tags.add(tag);
                }
            }
            return tags.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(",", "[", "]"));
        }

        private UUID uuid() {
            return new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                    random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L);
        }

        private static String owner(int n) {
            return "history-owner-" + n;
        }
    }
}
