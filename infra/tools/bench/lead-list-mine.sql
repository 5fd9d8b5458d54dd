-- "my leads" of a sales user (assignee=me and the record-level rule): their first page, newest first
select l.id, l.customer_id, c.name, l.title, l.source, l.value, l.currency, l.status, l.lost_reason,
       l.assigned_to, l.assignee_name, s.score, l.version, l.created_at, l.updated_at, l.closed_at
from lead l join lead_score s on s.lead_id = l.id left join customer c on c.id = l.customer_id where true and l.assigned_to = :owner and l.assigned_to = :owner
 order by l.created_at desc, l.id desc limit 51;
