-- customer-service deletes softly, restores and, after its retention, purges. The copy keeps when its deletion state
-- last changed (a late customer.deleted never wins over a newer customer.restored, nor the reverse) and when the
-- customer was purged: a purged customer keeps only its id here, deleted for good, so that no late event or lead
-- brings it back.
alter table customer
    add column deleted_changed_at timestamptz,
    add column purged_at          timestamptz;
update customer set deleted_changed_at = changed_at where deleted;
