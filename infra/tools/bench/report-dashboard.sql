-- ./crm bench reports: the statements of GET /api/v1/reports/dashboard for a viewer who counts everything (admin),
-- as reporting-service's Statistics.dashboard runs them for whole days (the current month): everything from the kept
-- counts (customers, leads, follow-ups due before the end of today, revenue)
select coalesce(sum(customers), 0), coalesce(sum(customers) filter (where day >= date_trunc('month', now()) and day < date_trunc('month', now()) + interval '1 month'), 0)
  from customer_rollup;
select coalesce(sum(l.leads), 0) from lead_rollup l where l.status in ('NEW', 'IN_PROGRESS');
select coalesce(sum(l.leads) filter (where l.status = 'CLOSED_WON'), 0), coalesce(sum(l.leads) filter (where l.status = 'CLOSED_LOST'), 0)
  from lead_close_rollup l where l.day >= date_trunc('month', now()) and l.day < date_trunc('month', now()) + interval '1 month';
select l.currency, sum(l.value_sum) from lead_rollup l where l.status in ('NEW', 'IN_PROGRESS') and l.currency is not null
  group by l.currency having sum(l.valued) > 0 order by l.currency;
select coalesce(sum(f.follow_ups), 0) from follow_up_rollup f where f.day < date_trunc('day', now()) + interval '1 day';
select currency, sum(amount) from (
  select k.currency, k.amount, k.day as at from revenue_rollup k
    where k.day >= date_trunc('month', now()) and k.day < date_trunc('month', now()) + interval '1 month') m
  group by currency order by currency;
