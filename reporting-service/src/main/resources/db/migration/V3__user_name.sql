-- How people know the users the read models count by id (assignees, owners), from the names the events carry:
-- reports and widgets show a name, not an id. The newest name wins; a rebuild by replay makes it again.
create table user_name (
    user_id  varchar(255) primary key,
    name     varchar(255) not null,
    named_at timestamptz  not null
);
