-- ./crm bench reports: GET /api/v1/reports/dashboard of a sales user (-D viewer=<id>) for whole days (the current
-- month): customers and their leads from the kept counts; their follow-ups and the payments of their customers or
-- leads from the facts (Statistics.dashboard with Visibility's conditions)
select coalesce(sum(customers), 0), coalesce(sum(customers) filter (where day >= date_trunc('month', now()) and day < date_trunc('month', now()) + interval '1 month'), 0)
  from customer_rollup;
select coalesce(sum(l.leads), 0) from lead_rollup l where l.status in ('NEW', 'IN_PROGRESS') and l.assignee = :viewer;
select coalesce(sum(l.leads) filter (where l.status = 'CLOSED_WON'), 0), coalesce(sum(l.leads) filter (where l.status = 'CLOSED_LOST'), 0)
  from lead_close_rollup l where l.day >= date_trunc('month', now()) and l.day < date_trunc('month', now()) + interval '1 month' and l.assignee = :viewer;
select l.currency, sum(l.value_sum) from lead_rollup l where l.status in ('NEW', 'IN_PROGRESS') and l.currency is not null
  and l.assignee = :viewer group by l.currency having sum(l.valued) > 0 order by l.currency;
select count(*) from follow_up_fact f where f.status = 'OPEN' and f.due_at < date_trunc('day', now()) + interval '1 day'
  and (f.assignee = :viewer or exists (select 1 from lead_fact vl where vl.id = f.lead_id and vl.assignee = :viewer))
  and not exists (select 1 from customer_fact pc where pc.id = f.customer_id and pc.purged);
select currency, sum(amount) from (
  select p.currency, p.amount, p.paid_at as at from payment_fact p where p.amount is not null
    and p.paid_at >= date_trunc('month', now()) and p.paid_at < date_trunc('month', now()) + interval '1 month'
    and (exists (select 1 from customer_fact vc where vc.id = p.customer_id and vc.owner_id = :viewer)
      or exists (select 1 from lead_fact vl where vl.id = p.lead_id and vl.assignee = :viewer))
  union all select r.currency, -r.amount, r.refunded_at from refund_fact r
    where r.refunded_at >= date_trunc('month', now()) and r.refunded_at < date_trunc('month', now()) + interval '1 month'
    and (exists (select 1 from customer_fact vc where vc.id = r.customer_id and vc.owner_id = :viewer)
      or exists (select 1 from lead_fact vl where vl.id = r.lead_id and vl.assignee = :viewer))) m
  group by currency order by currency;
