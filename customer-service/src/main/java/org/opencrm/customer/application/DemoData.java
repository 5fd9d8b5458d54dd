package org.opencrm.customer.application;

import java.util.List;

import org.opencrm.customer.domain.CustomerRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty CRM with demo customers through the ordinary use cases, so that their events reach every other
 * service (the activity timeline shows them) exactly as if people had entered them.
 */
@Service
public class DemoData {

    private static final long SEED = 20261124L;

    /** A user demo customers are given to. */
    public record DemoOwner(String id, String name) {
    }

    private final CustomerService customerService;
    private final JdbcClient jdbc;

    public DemoData(CustomerService customerService, JdbcClient jdbc) {
        this.customerService = customerService;
        this.jdbc = jdbc;
    }

    /**
     * Creates {@code count} customers, shared out among {@code owners} in turn, and edits every fourth one, when there
     * are no customers yet; returns how many it created. Several instances starting together load them once: they
     * queue on a lock.
     */
    @Transactional
    public int loadIfEmpty(int count, List<DemoOwner> owners) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('crm.demo-data'))").query().singleRow();
        // exists, not count: counting a million customers outlasts the statement timeout and stopped the start
        if (count <= 0 || jdbc.sql("select exists (select 1 from customer)").query(Boolean.class).single()) {
            return 0;
        }
        List<CustomerDetails> demo = DemoCustomers.generate(count, SEED);
        for (int i = 0; i < demo.size(); i++) {
            CustomerDetails details = demo.get(i);
            Owner owner = owners.isEmpty() ? new Owner(null, null)
                    : new Owner(owners.get(i % owners.size()).id(), owners.get(i % owners.size()).name());
            CustomerRow created = customerService.createOwnedBy(details, owner);
            if (i % 4 == 0) {
                // a new phone number: their timeline shows an edit after the creation
                customerService.update(created.id(), created.version(), new CustomerDetails(details.name(),
                        details.email(), "+1 555 %04d".formatted(i), details.company(), details.tags()));
            }
        }
        return demo.size();
    }
}
