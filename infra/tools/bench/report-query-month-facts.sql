-- ./crm bench reports, the floor before the kept counts (counting the facts): POST /api/v1/reports/query {leads, count, groupBy month} over the last 24 months as an admin
-- sees it (ReportQueries.sql: the counts per month, zero-filled by generate_series)
with agg as (select date_trunc('month', l.created_at at time zone 'UTC') as k, cast(null as varchar) as currency,
    count(*) as v from lead_fact l where not l.deleted and l.status is not null
    and l.created_at >= date_trunc('month', now()) - interval '23 months' and l.created_at < date_trunc('month', now()) + interval '1 month'
    group by 1, 2),
  periods as (select generate_series(date_trunc('month', (date_trunc('month', now()) - interval '23 months') at time zone 'UTC'),
    (date_trunc('month', now()) + interval '1 month' - interval '1 microsecond') at time zone 'UTC', interval '1 month') as k)
select to_char(p.k, 'YYYY-MM-DD'), cast(null as varchar), coalesce(a.v, 0) from periods p left join agg a on a.k = p.k order by p.k;
