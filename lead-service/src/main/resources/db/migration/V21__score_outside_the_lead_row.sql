-- Scoring writes lead_score only, never the lead's row: a million rescored leads no longer rewrite a million lead rows
-- with all their indexes (a trigram one among them; measured: ~90 % of a rescoring's time), and a user's edit of a
-- lead never meets a lock of scoring's. Every lead has its lead_score row from its creation on (score null until its
-- first scoring), so that lists can join it and the score order has an index of its own.
alter table lead_score
    alter column score drop not null,
    alter column rule_set_version drop not null,
    alter column factors drop not null,
    alter column computed_at drop not null;
insert into lead_score (lead_id, score)
select l.id, null from lead l where not exists (select 1 from lead_score s where s.lead_id = l.id);

drop index lead_score_keyset;
alter table lead drop column score;
create index lead_score_keyset on lead_score (coalesce(score, -1) desc, lead_id desc);

create function lead_score_placeholder() returns trigger language plpgsql as $$
begin
    insert into lead_score (lead_id) values (new.id) on conflict do nothing;
    return null;
end $$;
create trigger lead_score_placeholder
    after insert on lead
    for each row execute function lead_score_placeholder();
