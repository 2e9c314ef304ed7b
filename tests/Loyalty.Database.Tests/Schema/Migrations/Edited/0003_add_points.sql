alter table cards add column points int not null default 0;
