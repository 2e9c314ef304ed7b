-- 0001 of the Ordered set, edited after it was applied.
create table cards (
    id bigint primary key,
    holder text not null
);
