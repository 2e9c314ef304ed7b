create table cards (
    id int primary key,
    holder text not null
);
