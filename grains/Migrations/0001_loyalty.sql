-- The application's schema: cards (state and read model), ledger, idempotency records, outbox, catalog, audit log,
-- staff PINs and devices. Orleans' own tables (membership, grain storage, reminders) come from the database module.
-- Rows written with a card's state commit in the same transaction as it (grains/Storage/CardStore), so these tables
-- never disagree with it; the other grains write their read-model and audit rows with their state the same way.

-- A database written by the pre-Orleans runtime holds its grain states in grain_state, and its cards as a snapshot
-- plus changes. Nothing here reads that layout: stop before creating anything, rather than start on half a schema.
DO $$
DECLARE
    old_states boolean := false;
BEGIN
    IF to_regclass('grain_state') IS NOT NULL THEN
        EXECUTE 'SELECT EXISTS (SELECT 1 FROM grain_state)' INTO old_states;
    END IF;

    IF old_states OR to_regclass('card_snapshots') IS NOT NULL THEN
        -- All in the message: it is what the migrator's exception and the process's log show.
        RAISE EXCEPTION 'This database was created by the pre-Orleans runtime (it has grain states in grain_state, or '
            'card_snapshots). Upgrading from the pre-Orleans runtime is not supported: start from an empty database. '
            'For the embedded default, stop the process and delete web-frontend/.loyalty (Loyalty:DataDirectory).';
    END IF;
END
$$;

-- One row per card: the card grain's whole state (state, what it reloads on activation) and the read-model columns
-- derived from it (what admin lists, search and the one-card-per-e-mail rule read), written by one statement
-- (ADR 0010). version counts the card's writes: every write is conditional on the version its activation loaded,
-- which fences a stale activation off, and it is never reused (a first write stores 1).
--
-- fillfactor 80: every card operation rewrites the row (state, balances, ledger head, last activity, version), none of
-- it indexed, so with room left in the page PostgreSQL makes that a HOT update - no new entry in the table's three
-- indexes, the old tuple pruned within the page. At the default fillfactor (100) about one update in twenty found its
-- page full and wrote three index entries (bench, 5,000 cards at random); at 80, none did. A state too large to stay
-- in the row (~2 KB) goes to TOAST, which leaves a small pointer here.
CREATE TABLE cards (
    card_number       text        PRIMARY KEY,
    merchant_id       uuid        NOT NULL,
    program_id        uuid        NOT NULL,
    customer_name     text        NOT NULL,
    customer_email    text        NOT NULL,
    customer_phone    text        NULL,
    customer_birthday date        NULL,
    customer_locale   text        NOT NULL,
    stamps            integer     NOT NULL,
    rewards_available integer     NOT NULL,
    points            bigint      NOT NULL,
    lifetime_points   bigint      NOT NULL,
    tier              text        NOT NULL,
    status            text        NOT NULL,
    enrolled_at       timestamptz NOT NULL,
    last_activity_at  timestamptz NOT NULL,
    ledger_sequence   bigint      NOT NULL,
    ledger_hash       text        NOT NULL,
    state             jsonb       NOT NULL,
    version           bigint      NOT NULL,
    modified_at       timestamptz NOT NULL,
    -- Expected version 0 means "no row yet" to the card store: a stored version is never 0.
    CONSTRAINT cards_version_positive CHECK (version > 0)
) WITH (fillfactor = 80);

-- One card per program and e-mail (compared case-insensitively): the enrolment grain serializes attempts, and this
-- index is the last guard should two enrolment activations ever race.
CREATE UNIQUE INDEX cards_one_per_program_email ON cards (program_id, lower(customer_email));
CREATE INDEX cards_by_merchant ON cards (merchant_id, enrolled_at DESC);

-- Append-only, hash-chained per card (hash covers every column and the previous hash): an edit, a deletion or a
-- reordering is detected by the card's ledger verification.
--
-- No unique index on transaction_id: transaction ids are random UUIDs the card grain generates (a client never
-- chooses one) and are only ever looked up within one card's entries, through the primary key. A global unique index
-- cost a random b-tree insertion per operation and guarded only against the random number generator (ADR 0009).
CREATE TABLE ledger_entries (
    card_number             text        NOT NULL,
    sequence                bigint      NOT NULL,
    transaction_id          uuid        NOT NULL,
    kind                    text        NOT NULL,
    reason                  text        NOT NULL,
    stamps_delta            integer     NOT NULL,
    rewards_delta           integer     NOT NULL,
    points_delta            bigint      NOT NULL,
    stamps_after            integer     NOT NULL,
    rewards_available_after integer     NOT NULL,
    points_after            bigint      NOT NULL,
    voided_transaction_id   uuid        NULL,
    store_id                text        NULL,
    device_id               text        NULL,
    pin_id                  text        NULL,
    idempotency_key         text        NULL,
    occurred_at             timestamptz NOT NULL,
    recorded_at             timestamptz NOT NULL,
    previous_hash           text        NOT NULL,
    hash                    text        NOT NULL,
    PRIMARY KEY (card_number, sequence)
);

-- The first answer to each idempotency key, per merchant: a replay gets it back, another request with the key a 409.
-- The primary key is the guard across cards and activations: the card store reports a write that hits it
-- (idempotency_keys_pkey) as IdempotencyKeyInUseException, and nothing of that write commits.
--
-- An applied card operation's answer is what its ledger entry records, so its record points at the entry
-- (ledger_sequence, with card_number) instead of repeating the answer (ADR 0013, ~330 bytes less per operation).
-- Refusals and enrolments keep their answer, as JSON text, in outcome: text, not jsonb, because it is only ever read
-- back whole, and parsing it on every operation was server work no reader used.
CREATE TABLE idempotency_keys (
    merchant_id     uuid        NOT NULL,
    idempotency_key text        NOT NULL,
    fingerprint     text        NOT NULL,
    card_number     text        NOT NULL,
    outcome         text        NULL,
    recorded_at     timestamptz NOT NULL,
    ledger_sequence bigint      NULL,
    PRIMARY KEY (merchant_id, idempotency_key),
    CONSTRAINT idempotency_keys_has_answer CHECK (outcome IS NOT NULL OR ledger_sequence IS NOT NULL)
);

-- For purging keys older than the kept period (30 days at least). Keys are inserted in time order, so a BRIN index
-- answers "recorded before T" as well as a b-tree does, for one summary per 128 pages instead of one entry per key.
CREATE INDEX idempotency_keys_by_age ON idempotency_keys USING brin (recorded_at);

-- Work for e-mail and wallet senders, recorded with the change that causes it (transactional outbox). Only what a
-- customer is told gets a message, not every balance change (ADR 0009).
CREATE TABLE outbox (
    id           bigserial   PRIMARY KEY,
    topic        text        NOT NULL,
    merchant_id  uuid        NOT NULL,
    card_number  text        NOT NULL,
    payload      jsonb       NOT NULL,
    created_at   timestamptz NOT NULL,
    processed_at timestamptz NULL
);
CREATE INDEX outbox_pending ON outbox (id) WHERE processed_at IS NULL;

-- Read models of the merchant, store and program grains, written with their grain's state. The unique constraints are
-- the final guard on slugs: a duplicate fails the grain's write (the grains recognise merchants_slug_key and
-- stores_merchant_slug_key by name).
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

-- Every admin change, appended in the same write as the grain state it changed (never updated or deleted).
-- merchant_id is null only for platform-level changes; actor is an admin token id or 'system'.
CREATE TABLE audit_log (
    id           bigserial   PRIMARY KEY,
    merchant_id  uuid        NULL,
    actor        text        NOT NULL,
    action       text        NOT NULL,
    subject_type text        NOT NULL,
    subject_id   text        NOT NULL,
    details      jsonb       NOT NULL,
    occurred_at  timestamptz NOT NULL
);

-- The admin audit page lists one merchant's entries newest first.
CREATE INDEX audit_log_merchant_newest ON audit_log (merchant_id, id DESC);

-- Staff PINs per store, for terminals' GET /staff (offline verification) and the admin pages. Written by the PIN
-- grain in the same commit as its state, so a lock shown here is the grain's lock. Only bcrypt hashes are stored.
CREATE TABLE staff_pins (
    pin_id       uuid        PRIMARY KEY,
    store_id     uuid        NOT NULL,
    merchant_id  uuid        NOT NULL,
    name         text        NOT NULL,
    pin_hash     text        NOT NULL,
    locked_until timestamptz NULL,
    created_at   timestamptz NOT NULL
);
CREATE INDEX staff_pins_by_store ON staff_pins (store_id, name);

-- Paired terminals per store, for the admin device list and for finding a device from its bearer token. Written by
-- the device grain with its state. Only the SHA-256 of each token is stored: tokens are 256-bit random values, so a
-- fast hash is enough and the lookup stays one index probe. Revocation is decided by the device grain, not by this
-- table's status.
CREATE TABLE devices (
    device_id    uuid        PRIMARY KEY,
    store_id     uuid        NOT NULL,
    merchant_id  uuid        NOT NULL,
    name         text        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('active', 'revoked')),
    paired_at    timestamptz NOT NULL,
    last_seen_at timestamptz NULL,
    revoked_at   timestamptz NULL,
    token_hash   bytea       NOT NULL UNIQUE
);
CREATE INDEX devices_by_store ON devices (store_id, paired_at);
