-- customer-service's search (CustomerSearch.page with q): a substring of the name, email, company or phone, newest first
select id, name, email, phone, company, tags, owner_id, owner_name, created_at, updated_at, version from customer
 where deleted_at is null
 and (lower(name) like :pattern escape '\' or lower(email) like :pattern escape '\'
      or lower(company) like :pattern escape '\' or phone like :pattern escape '\')
 order by created_at desc, id desc limit 51;
