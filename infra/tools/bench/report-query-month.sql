-- ./crm bench reports: POST /api/v1/reports/query {leads, count, groupBy month} over the last 24 months as an admin
-- sees it, from the kept counts (ReportQueries.sql with KeptCounts: the day buckets summed per month, zero-filled)
with agg as (select date_trunc('month', l.day at time zone 'UTC') as k, cast(null as varchar) as currency,
    coalesce(sum(l.leads), 0) as v from lead_rollup l where true
    and l.day >= date_trunc('month', now()) - interval '23 months' and l.day < date_trunc('month', now()) + interval '1 month'
    group by 1, 2),
  periods as (select generate_series(date_trunc('month', (date_trunc('month', now()) - interval '23 months') at time zone 'UTC'),
    (date_trunc('month', now()) + interval '1 month' - interval '1 microsecond') at time zone 'UTC', interval '1 month') as k)
select to_char(p.k, 'YYYY-MM-DD'), cast(null as varchar), coalesce(a.v, 0) from periods p left join agg a on a.k = p.k order by p.k;
