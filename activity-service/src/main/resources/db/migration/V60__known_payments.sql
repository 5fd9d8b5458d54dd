-- The payments activity-service has heard of (crm.payment): a refund's timeline entry says what it was refunded of,
-- which payment.refunded does not carry.
create table known_payment (
    id       uuid primary key,
    amount   numeric not null,
    currency char(3) not null
);
