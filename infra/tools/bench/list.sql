-- customer-service's first page, newest first (CustomerSearch.page, CustomerSort.CREATED): 50 rows and one more
select id, name, email, phone, company, tags, owner_id, owner_name, created_at, updated_at, version from customer
 where deleted_at is null
 order by created_at desc, id desc limit 51;
