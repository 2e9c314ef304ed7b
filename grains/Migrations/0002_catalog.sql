-- Read models of the merchant, store and program grains. Each row is written in the same statement as its grain's
-- state (IPersistentState.WriteStateAsync(rows)), so a row exists exactly when the grain's state does. The unique
-- indexes are the final guard on slugs: a duplicate fails the grain's write, state and all.
CREATE TABLE merchants (
    merchant_id    uuid        PRIMARY KEY,
    name           text        NOT NULL,
    slug           text        NOT NULL CONSTRAINT merchants_slug_key UNIQUE,
    default_locale text        NOT NULL,
    created_at     timestamptz NOT NULL
);

CREATE TABLE stores (
    store_id     uuid        PRIMARY KEY,
    merchant_id  uuid        NOT NULL REFERENCES merchants (merchant_id),
    name         text        NOT NULL,
    slug         text        NOT NULL,
    time_zone    text        NOT NULL,
    descriptions jsonb       NOT NULL,
    created_at   timestamptz NOT NULL,
    CONSTRAINT stores_merchant_slug_key UNIQUE (merchant_id, slug)
);

-- The whole definition is kept as jsonb so listing programs needs no call to each program grain.
CREATE TABLE programs (
    program_id  uuid        PRIMARY KEY,
    merchant_id uuid        NOT NULL REFERENCES merchants (merchant_id),
    name        text        NOT NULL,
    kind        text        NOT NULL,
    definition  jsonb       NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE INDEX programs_merchant ON programs (merchant_id, created_at);
