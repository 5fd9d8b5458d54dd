-- The headline figures at a million facts (./crm bench reports): the open leads' pipeline read from an index of the
-- open leads alone, per currency and per assignee, rather than from every lead; the purged customers (few or none)
-- that every follow-up and activity is checked against, found in an index of them alone rather than by a scan of
-- every customer; the customers' counts from a narrow index rather than the table.
create index lead_fact_open_value on lead_fact (currency) include (value)
    where not deleted and status in ('NEW', 'IN_PROGRESS');
create index lead_fact_open_assignee on lead_fact (assignee, currency) include (value)
    where not deleted and status in ('NEW', 'IN_PROGRESS');
create index customer_fact_purged on customer_fact (id) where purged;
create index customer_fact_counted on customer_fact (created_at) where created_at is not null and not deleted and not purged;
