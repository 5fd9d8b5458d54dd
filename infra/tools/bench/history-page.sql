-- customer-service's GET /api/v1/customers/{id}/history: the customer read by its id (the record-level rule of
-- reading it, CustomerHistory.page), then the first page of its history, newest first (FieldHistoryReader.page):
-- 50 entries and one more
select id, name, email, phone, created_at, updated_at, version from customer where id = :id;
select id, changed_at, actor_id, actor_name, actor_kind, trace_id, field, old_value, new_value
  from field_change where aggregate_type = 'customer' and aggregate_id = :id
 order by changed_at desc, id desc limit 51;
