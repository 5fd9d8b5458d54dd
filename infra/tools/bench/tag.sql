-- customer-service's list filtered by a tag (CustomerSearch.page with tag), newest first
select id, name, email, phone, company, tags, owner_id, owner_name, created_at, updated_at, version from customer
 where deleted_at is null and tags @> array[cast(:pattern as text)]
 order by created_at desc, id desc limit 51;
