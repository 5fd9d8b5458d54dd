package org.opencrm.customer.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.opencrm.platform.persistence.AssignedIdEntity;

@Entity
@Table(name = "customer")
public class Customer extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String email;

    private String phone;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Customer() {
    }

    public Customer(String name, String email, String phone, Instant now) {
        this.id = UUID.randomUUID();
        this.createdAt = storable(now);
        change(name, email, phone, now);
    }

    public void change(String name, String email, String phone, Instant now) {
        this.name = name.strip();
        this.email = email.strip();
        this.phone = phone == null || phone.isBlank() ? null : phone.strip();
        this.updatedAt = storable(now);
    }

    /** PostgreSQL keeps microseconds: answer with what a later read will return, and keep cursors exact. */
    private static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public boolean hasEmail(String candidate) {
        return email.equalsIgnoreCase(candidate.strip());
    }

    @Override
    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
