-- customer-service's GET /api/v1/customers/{id}: one row by primary key
select id, name, email, phone, created_at, updated_at, version from customer where id = :id;
