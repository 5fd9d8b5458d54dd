-- lead-service's board (LeadService.board, one read-only transaction): the kept totals per status and
-- currency, then each column's first 20 cards and one more
begin transaction read only;
select status, currency, sum(count), sum(value) from (
    select status, currency, count, value from lead_board_total where assignee = '' and source = ''
    union all
    select status, currency, count, value from lead_board_delta where assignee = '' and source = '') t
 group by status, currency having sum(count) > 0 order by status, currency;
select l.id, l.customer_id, c.name, l.title, l.source, l.value, l.currency, l.status, l.lost_reason,
       l.assigned_to, l.assignee_name, s.score, l.version, l.created_at, l.updated_at, l.closed_at
from lead l join lead_score s on s.lead_id = l.id left join customer c on c.id = l.customer_id where true and l.status = 'NEW'
 order by l.created_at desc, l.id desc limit 21;
select l.id, l.customer_id, c.name, l.title, l.source, l.value, l.currency, l.status, l.lost_reason,
       l.assigned_to, l.assignee_name, s.score, l.version, l.created_at, l.updated_at, l.closed_at
from lead l join lead_score s on s.lead_id = l.id left join customer c on c.id = l.customer_id where true and l.status = 'IN_PROGRESS'
 order by l.created_at desc, l.id desc limit 21;
select l.id, l.customer_id, c.name, l.title, l.source, l.value, l.currency, l.status, l.lost_reason,
       l.assigned_to, l.assignee_name, s.score, l.version, l.created_at, l.updated_at, l.closed_at
from lead l join lead_score s on s.lead_id = l.id left join customer c on c.id = l.customer_id where true and l.status = 'CLOSED_WON'
 order by l.created_at desc, l.id desc limit 21;
select l.id, l.customer_id, c.name, l.title, l.source, l.value, l.currency, l.status, l.lost_reason,
       l.assigned_to, l.assignee_name, s.score, l.version, l.created_at, l.updated_at, l.closed_at
from lead l join lead_score s on s.lead_id = l.id left join customer c on c.id = l.customer_id where true and l.status = 'CLOSED_LOST'
 order by l.created_at desc, l.id desc limit 21;
commit;
