-- GIN's fast update parks new entries in a pending list that every search then scans linearly, until a vacuum
-- merges it: after a burst of writes a rare term's search took 100 ms instead of 1 ms. Customers are read far more
-- often than written, so each insert pays for its trigrams at once instead.
alter index customer_name_trgm set (fastupdate = off);
alter index customer_email_trgm set (fastupdate = off);
select gin_clean_pending_list('customer_name_trgm'::regclass), gin_clean_pending_list('customer_email_trgm'::regclass);
