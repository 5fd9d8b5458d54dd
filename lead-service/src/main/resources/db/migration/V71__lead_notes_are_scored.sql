-- A lead's own notes count for its score (signal 'note', beside the notes on its customer): one added or deleted
-- makes the lead due. A note deleted with its lead marks nothing (the lead is gone).
create function lead_note_mark_score_due() returns trigger language plpgsql as $$
declare
    noted uuid := case when tg_op = 'DELETE' then old.lead_id else new.lead_id end;
begin
    insert into lead_score_due (lead_id, since) select l.id, now() from lead l where l.id = noted
    on conflict do nothing;
    return null;
end $$;
create trigger lead_note_score_due
    after insert or delete on lead_note
    for each row execute function lead_note_mark_score_due();
