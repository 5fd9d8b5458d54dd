-- how people know the actor (events carry it since envelope field actorName); older rows keep only the id
alter table activity add column user_name varchar(200);
