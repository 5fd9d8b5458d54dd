// Users editing leads while lead-service rescores a million of them, for `./crm bench rescoring`: each client reads a
// lead (GET) and saves a new title against the version it read (PUT), over and over, through the gateway; the PUT's
// latency is recorded, before and during the rescoring. At the end every edited lead is read again: its title must be
// the last one a PUT was answered 200 for (an edit lost to the scoring's writes would show here). A single-file
// program (java EditDuringRescoring.java): the JDK only, nothing to build.
//
//   EditDuringRescoring <gateway URL> <Keycloak URL> <client id> <username> <file of lead ids> <clients> <stop file>
//       [<pause ms>]
//   with the password in CRM_BENCH_PASSWORD; samples count as "during" once <stop file>-during exists, the run ends
//   when <stop file> exists. Each client waits <pause ms> after each edit (a person's pace; 0, the default: back to
//   back, as many edits as the machine takes).
//
// Prints one line: BENCH clients=… pause_ms=… edits=… p50_ms=… p95_ms=… p99_ms=… max_ms=… before_p50_ms=…
// before_p95_ms=… failed=… failures={…} conflicts=… lost=…

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class EditDuringRescoring {

    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private static final Duration TOKEN_LIFE = Duration.ofSeconds(60);

    private static HttpClient http;

    private static String tokenUrl;

    private static String tokenForm;

    private static volatile String token;

    private static volatile long tokenAt;

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create(args[0]);
        tokenUrl = args[1] + "/realms/crm/protocol/openid-connect/token";
        tokenForm = "grant_type=password&client_id=" + enc(args[2]) + "&username=" + enc(args[3]) + "&password="
                + enc(System.getenv("CRM_BENCH_PASSWORD"));
        List<String> ids = Files.readAllLines(Path.of(args[4])).stream().map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        int clients = Integer.parseInt(args[5]);
        Path stop = Path.of(args[6]);
        Path during = Path.of(args[6] + "-during");
        long pause = args.length > 7 ? Long.parseLong(args[7]) : 0;
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                .build();
        token();

        List<Long> before = Collections.synchronizedList(new ArrayList<>());
        List<Long> meanwhile = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> lastTitle = new ConcurrentHashMap<>();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        String run = Long.toString(System.currentTimeMillis(), 36);

        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<String> mine = new ArrayList<>();
            for (int i = c; i < ids.size(); i += clients) {
                mine.add(ids.get(i));
            }
            int client = c;
            Thread thread = new Thread(() -> {
                int n = 0;
                while (!Files.exists(stop)) {
                    String id = mine.get(n % mine.size());
                    String title = "Edited " + run + "-" + client + "-" + n++;
                    try {
                        HttpResponse<String> lead = http.send(request(gateway, id).GET().build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (lead.statusCode() != 200) {
                            failed.incrementAndGet();
                            failures.merge("GET " + lead.statusCode(), 1, Integer::sum);
                            continue;
                        }
                        String body = "{\"title\":\"" + title + "\",\"source\":\"" + field(lead.body(), "source")
                                + "\",\"value\":\"" + field(lead.body(), "value") + "\",\"currency\":\""
                                + field(lead.body(), "currency") + "\",\"version\":" + number(lead.body(), "version")
                                + "}";
                        boolean rescoring = Files.exists(during);
                        long sent = System.nanoTime();
                        HttpResponse<String> saved = http.send(request(gateway, id)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - sent;
                        if (saved.statusCode() == 200) {
                            lastTitle.put(id, title);
                            (rescoring ? meanwhile : before).add(took);
                        }
                        else if (saved.statusCode() == 409) {
                            conflicts.incrementAndGet();
                        }
                        else {
                            failed.incrementAndGet();
                            failures.merge("PUT " + saved.statusCode(), 1, Integer::sum);
                        }
                        Thread.sleep(pause);
                    }
                    catch (Exception ex) {
                        failed.incrementAndGet();
                        failures.merge(ex.getClass().getSimpleName(), 1, Integer::sum);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }

        int lost = 0;
        for (Map.Entry<String, String> edited : lastTitle.entrySet()) {
            HttpResponse<String> lead = http.send(request(gateway, edited.getKey()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (lead.statusCode() != 200 || !edited.getValue().equals(field(lead.body(), "title"))) {
                lost++;
            }
        }
        System.out.printf("BENCH clients=%d pause_ms=%d edits=%d p50_ms=%s p95_ms=%s p99_ms=%s max_ms=%s before_p50_ms=%s"
                + " before_p95_ms=%s failed=%d failures=%s conflicts=%d lost=%d%n", clients, pause, meanwhile.size(),
                percentile(meanwhile, 50), percentile(meanwhile, 95), percentile(meanwhile, 99),
                percentile(meanwhile, 100), percentile(before, 50), percentile(before, 95), failed.get(),
                failures.toString().replace(" ", "").replace("=", ":"), conflicts.get(), lost);
    }

    private static HttpRequest.Builder request(URI gateway, String id) throws Exception {
        return HttpRequest.newBuilder(gateway.resolve("/api/v1/leads/" + id)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token());
    }

    /** A token of the user, fetched again after a minute (the dev realm's tokens live five). */
    private static synchronized String token() throws Exception {
        if (token == null || System.nanoTime() - tokenAt > TOKEN_LIFE.toNanos()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(tokenForm)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher matcher = TOKEN.matcher(answer.body());
            if (answer.statusCode() != 200 || !matcher.find()) {
                throw new IllegalStateException("no token from Keycloak: " + answer.statusCode() + " " + answer.body());
            }
            token = matcher.group(1);
            tokenAt = System.nanoTime();
        }
        return token;
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
    }

    private static String number(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
    }

    private static String percentile(List<Long> nanos, int p) {
        List<Long> sorted;
        synchronized (nanos) {
            sorted = new ArrayList<>(nanos);
        }
        if (sorted.isEmpty()) {
            return "-";
        }
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(sorted.size() * p / 100.0) - 1));
        return String.format("%.1f", sorted.get(index) / 1e6);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8);
    }
}
