package org.opencrm.customer.application;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Realistic-looking customers for the demo: people at companies, with working-style emails and phone numbers. The
 * same seed gives the same customers, so every fresh demo looks alike.
 */
final class DemoCustomers {

    private static final List<String> FIRST_NAMES = List.of("Ada", "Alan", "Amara", "Ana", "Arjun", "Beatriz",
            "Camille", "Carlos", "Chen", "Chloe", "Daniel", "Elena", "Emeka", "Fatima", "Felix", "Grace", "Hannah",
            "Hiro", "Ines", "Isaac", "Jamal", "Jana", "Johan", "Julia", "Kai", "Katarzyna", "Lars", "Leila", "Lucas",
            "Maya", "Mateo", "Mei", "Nadia", "Noah", "Olga", "Omar", "Priya", "Rafael", "Rosa", "Sofia", "Tariq",
            "Thomas", "Valentina", "Wei", "Yara", "Yusuf", "Zoe");
    private static final List<String> LAST_NAMES = List.of("Adeyemi", "Andersson", "Bauer", "Bianchi", "Chen",
            "Costa", "Dubois", "Eriksen", "Fernandes", "Fischer", "García", "Hansen", "Hoffmann", "Ivanova", "Jensen",
            "Kim", "Kowalski", "Larsen", "Lopez", "Müller", "Nakamura", "Novak", "O'Brien", "Okafor", "Patel",
            "Petrov", "Rossi", "Santos", "Schmidt", "Silva", "Singh", "Tanaka", "Van Dijk", "Wagner", "Wang",
            "Yilmaz", "Zhang");
    private static final List<String> COMPANY_DOMAINS = List.of("northwind.example", "contoso.example",
            "fabrikam.example", "tailspin.example", "wideworld.example", "adventure-works.example",
            "litware.example", "proseware.example", "fourthcoffee.example", "alpineski.example",
            "margies-travel.example", "lucerne-publishing.example", "blueyonder.example", "coho-winery.example",
            "woodgrove.example", "trey-research.example");

    private DemoCustomers() {
    }

    static List<CustomerDetails> generate(int count, long seed) {
        Random random = new Random(seed);
        List<CustomerDetails> customers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String first = pick(FIRST_NAMES, random);
            String last = pick(LAST_NAMES, random);
            // the running number keeps emails unique however often a name comes up
            String email = "%s.%s.%d@%s".formatted(emailPart(first), emailPart(last), i + 1,
                    pick(COMPANY_DOMAINS, random));
            String phone = random.nextInt(5) == 0 ? null
                    : "+%d %03d %04d".formatted(1 + random.nextInt(98), random.nextInt(1000), random.nextInt(10000));
            customers.add(new CustomerDetails(first + " " + last, email, phone));
        }
        return customers;
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static String emailPart(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z]", "")
                .toLowerCase(Locale.ROOT);
    }
}
