-- The list sorts by the date it shows (when the money came, or when the payment was recorded until it has), not by
-- the recording alone: a payment recorded today for last month lists among last month's. Keyset on that date and id.
drop index payment_newest;
drop index payment_customer_newest;
drop index payment_lead_newest;
create index payment_dated on payment ((coalesce(paid_at, created_at)) desc, id desc);
create index payment_customer_dated on payment (customer_id, (coalesce(paid_at, created_at)) desc, id desc);
create index payment_lead_dated on payment (lead_id, (coalesce(paid_at, created_at)) desc, id desc)
    where lead_id is not null;
