-- customer-service's search (CustomerSearch.page with q): a substring of the name or the email, newest first
select id, name, email, phone, created_at, updated_at, version from customer where true
 and (lower(name) like :pattern escape '\' or lower(email) like :pattern escape '\')
 order by created_at desc, id desc limit 51;
