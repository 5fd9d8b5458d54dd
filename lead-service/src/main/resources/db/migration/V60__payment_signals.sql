-- Payments on leads (crm.payment), one row per payment: whether it counts as a scoring signal of its lead now
-- (COMPLETED or PARTIALLY_REFUNDED; a fully refunded or failed payment takes it back) and since when.
create table lead_payment (
    payment_id   uuid primary key,
    lead_id      uuid        not null references lead (id) on delete cascade,
    counts       boolean     not null,
    completed_at timestamptz,
    -- when the payment's state held here was true at its source: an older event never overwrites a newer one
    changed_at   timestamptz not null
);
create index lead_payment_lead on lead_payment (lead_id) where counts;
