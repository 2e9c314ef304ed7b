-- Grain states, one row per (service, grain type, grain key, state name).
-- Unlike Orleans' OrleansStorage table this has a real primary key over the full identity, so
-- grains of different types with the same key can never collide, and a bigint version that is
-- never reused: a cleared state keeps its row (payload null) and the version goes on counting,
-- so an activation holding a version from before the clear can never match again.
--
-- fillfactor 80: every write rewrites payload, version and modified_at, none of which is
-- indexed, so PostgreSQL can make the update a HOT (heap-only tuple) update - no new primary-key
-- entry, and the old tuple is pruned within the page - but only if the new tuple fits in the
-- same page. Leaving a fifth of each page free keeps that true for the hot, small states that
-- are rewritten all the time; large payloads are TOASTed and leave a small tuple here anyway.
CREATE TABLE grain_state (
    service_id  text        NOT NULL,
    grain_type  text        NOT NULL,
    grain_key   text        NOT NULL,
    state_name  text        NOT NULL,
    payload     jsonb       NULL,
    version     bigint      NOT NULL,
    modified_at timestamptz NOT NULL,
    CONSTRAINT grain_state_pkey PRIMARY KEY (service_id, grain_type, grain_key, state_name),
    CONSTRAINT grain_state_version_positive CHECK (version > 0)
) WITH (fillfactor = 80);
