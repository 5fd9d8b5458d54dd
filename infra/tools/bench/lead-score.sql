-- lead-service's GET /api/v1/leads/{id}/score (LeadScoring.current, read-only): the record-level check, then the score
begin transaction read only;
select coalesce(assigned_to, '') from lead where id = :id;
select score, rule_set_version, computed_at, factors::text as factors from lead_score where lead_id = :id and score is not null;
commit;
