-- The catalogue from which Orleans' ADO.NET providers load their SQL at start-up: each provider runs
-- "SELECT QueryKey, QueryText FROM OrleansQuery" (unquoted, so PostgreSQL folds the names to lower case) and
-- binds its parameters by name (@Name) into the texts it finds. The keys, parameter names and result column names
-- are Orleans' interface (Microsoft.Orleans.*.AdoNet 10.4.2); the SQL texts in the later migrations are ours.
--
-- A provider caches the texts when it starts, so a migration that changes a text takes effect in a process only
-- after that process restarts.
CREATE TABLE OrleansQuery (
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,
    CONSTRAINT OrleansQuery_pkey PRIMARY KEY (QueryKey)
);
