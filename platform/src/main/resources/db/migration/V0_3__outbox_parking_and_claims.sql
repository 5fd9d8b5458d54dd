-- The relay claims rows for a short lease instead of holding a transaction open while Kafka answers; a row that keeps
-- failing waits (next_attempt_at) and is finally set aside (parked_at). Both block only their own aggregate's later rows.
alter table outbox_event
    add column claimed_until   timestamptz,
    add column next_attempt_at timestamptz,
    add column parked_at       timestamptz;

-- "is an earlier row of this aggregate still pending?" is asked for every candidate row
create index outbox_event_unpublished_by_aggregate on outbox_event (aggregate_type, aggregate_id, position)
    where published_at is null;
