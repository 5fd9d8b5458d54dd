-- customer-service's first page, newest first (CustomerSearch.page, CustomerSort.CREATED): 50 rows and one more
select id, name, email, phone, created_at, updated_at, version from customer where true
 order by created_at desc, id desc limit 51;
