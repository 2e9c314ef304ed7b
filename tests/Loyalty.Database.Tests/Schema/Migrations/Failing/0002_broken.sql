-- The first statement succeeds; the second fails, so the whole script must roll back.
create table audit_log (id int primary key);
insert into no_such_table values (1);
