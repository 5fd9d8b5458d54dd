package org.opencrm.activity.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ActivityRepository extends JpaRepository<Activity, UUID> {

    @Query("""
            select new org.opencrm.activity.domain.ActivityEntry(a.id, a.customerId, a.userId, a.userName, a.action,
                a.summary, a.occurredAt, a.correlationId) from Activity a where a.customerId = :customerId
            order by a.occurredAt desc, a.id desc""")
    List<ActivityEntry> timeline(UUID customerId, Limit limit);

    @Query("""
            select new org.opencrm.activity.domain.ActivityEntry(a.id, a.customerId, a.userId, a.userName, a.action,
                a.summary, a.occurredAt, a.correlationId) from Activity a where a.customerId = :customerId
              and (a.occurredAt < :occurredAt or (a.occurredAt = :occurredAt and a.id < :id))
            order by a.occurredAt desc, a.id desc""")
    List<ActivityEntry> timelineAfter(UUID customerId, Instant occurredAt, UUID id, Limit limit);

    @Query("""
            select new org.opencrm.activity.domain.ActivityEntry(a.id, a.customerId, a.userId, a.userName, a.action,
                a.summary, a.occurredAt, a.correlationId) from Activity a order by a.occurredAt desc, a.id desc""")
    List<ActivityEntry> feed(Limit limit);

    @Query("""
            select new org.opencrm.activity.domain.ActivityEntry(a.id, a.customerId, a.userId, a.userName, a.action,
                a.summary, a.occurredAt, a.correlationId) from Activity a
            where a.occurredAt < :occurredAt or (a.occurredAt = :occurredAt and a.id < :id)
            order by a.occurredAt desc, a.id desc""")
    List<ActivityEntry> feedAfter(Instant occurredAt, UUID id, Limit limit);
}
