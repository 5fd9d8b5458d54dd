-- lead-service's first page, newest first, as a manager sees it (LeadSearch.page, LeadSort.CREATED): 50 rows and one more
select l.id, l.customer_id, c.name, l.title, l.source, l.value, l.currency, l.status, l.lost_reason,
       l.assigned_to, l.assignee_name, s.score, l.version, l.created_at, l.updated_at, l.closed_at
from lead l join lead_score s on s.lead_id = l.id left join customer c on c.id = l.customer_id where true
 order by l.created_at desc, l.id desc limit 51;
