-- activity-service's GET /api/v1/customers/{id}/timeline for a sales user (TimelineSearch.page): the first page, newest
-- first, without the entries about another user's leads: 50 entries and one more
select a.id, a.customer_id, a.kind, a.user_id, a.user_name, a.action, a.summary, a.occurred_at, a.correlation_id,
       a.lead_id
  from activity a left join known_lead l on l.id = a.lead_id
 where a.customer_id = :id and (a.lead_id is null or l.assignee = :owner)
 order by a.occurred_at desc, a.id desc limit 51;
