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
    /** Company name and email domain. */
    private static final List<String[]> COMPANIES = List.of(new String[] { "Northwind Traders", "northwind.example" },
            new String[] { "Contoso", "contoso.example" }, new String[] { "Fabrikam", "fabrikam.example" },
            new String[] { "Tailspin Toys", "tailspin.example" },
            new String[] { "Wide World Importers", "wideworld.example" },
            new String[] { "Adventure Works", "adventure-works.example" }, new String[] { "Litware", "litware.example" },
            new String[] { "Proseware", "proseware.example" }, new String[] { "Fourth Coffee", "fourthcoffee.example" },
            new String[] { "Alpine Ski House", "alpineski.example" },
            new String[] { "Margie's Travel", "margies-travel.example" },
            new String[] { "Lucerne Publishing", "lucerne-publishing.example" },
            new String[] { "Blue Yonder Airlines", "blueyonder.example" },
            new String[] { "Coho Winery", "coho-winery.example" }, new String[] { "Woodgrove Bank", "woodgrove.example" },
            new String[] { "Trey Research", "trey-research.example" });
    static final List<String> TAGS = List.of("vip", "newsletter", "partner", "prospect", "key-account",
            "churn-risk", "enterprise", "smb", "event-2026", "referral");

    private DemoCustomers() {
    }

    static List<CustomerDetails> generate(int count, long seed) {
        Random random = new Random(seed);
        List<CustomerDetails> customers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String first = pick(FIRST_NAMES, random);
            String last = pick(LAST_NAMES, random);
            String[] company = COMPANIES.get(random.nextInt(COMPANIES.size()));
            // the running number keeps emails unique however often a name comes up
            String email = "%s.%s.%d@%s".formatted(emailPart(first), emailPart(last), i + 1, company[1]);
            String phone = random.nextInt(5) == 0 ? null
                    : "+%d %03d %04d".formatted(1 + random.nextInt(98), random.nextInt(1000), random.nextInt(10000));
            // a few have no company (private customers); most carry zero to three labels
            String companyName = random.nextInt(8) == 0 ? null : company[0];
            List<String> tags = new ArrayList<>();
            for (int t = random.nextInt(4); t > 0; t--) {
                tags.add(pick(TAGS, random));
            }
            customers.add(new CustomerDetails(first + " " + last, email, phone, companyName, tags));
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
