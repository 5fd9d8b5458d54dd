package org.opencrm.customer.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
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

    private String company;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private String[] tags = new String[0];

    /** The responsible user's id in the user directory; null only for customers from before owners existed. */
    private String ownerId;

    /** How people know the owner, kept beside the id so that a list needs no call to the directory. */
    private String ownerName;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Customer() {
    }

    public Customer(String name, String email, String phone, String company, Collection<String> tags, String ownerId,
            String ownerName, Instant now) {
        this.id = UUID.randomUUID();
        this.createdAt = storable(now);
        this.ownerId = ownerId;
        this.ownerName = ownerName;
        change(name, email, phone, company, tags, now);
    }

    public void change(String name, String email, String phone, String company, Collection<String> tags,
            Instant now) {
        this.name = name.strip();
        this.email = email.strip();
        this.phone = blankToNull(phone);
        this.company = blankToNull(company);
        this.tags = Tags.normalise(tags).toArray(String[]::new);
        this.updatedAt = storable(now);
    }

    /** Whether the user with this id is the owner. */
    public boolean isOwnedBy(String userId) {
        return userId != null && userId.equals(ownerId);
    }

    /** Makes {@code ownerId} the owner; false (and nothing changed) when they already are. */
    public boolean transferTo(String ownerId, String ownerName, Instant now) {
        if (Objects.equals(this.ownerId, ownerId)) {
            return false;
        }
        this.ownerId = ownerId;
        this.ownerName = ownerName;
        this.updatedAt = storable(now);
        return true;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
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

    public String getCompany() {
        return company;
    }

    public List<String> getTags() {
        return List.of(tags);
    }

    public String getOwnerId() {
        return ownerId;
    }

    public String getOwnerName() {
        return ownerName;
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
