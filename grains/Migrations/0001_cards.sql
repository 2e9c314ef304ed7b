-- Read models, ledger, idempotency records and outbox of the card grains. Every row here is written by a card
-- grain in the same transaction as its state (see runtime StorageRow), so these tables never disagree with it.

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
    ledger_hash       text        NOT NULL
);

-- One card per program and e-mail (compared case-insensitively): the enrolment grain serializes attempts, and this
-- index is the last guard should two enrolment activations ever race.
CREATE UNIQUE INDEX cards_one_per_program_email ON cards (program_id, lower(customer_email));
CREATE INDEX cards_by_merchant ON cards (merchant_id, enrolled_at DESC);

-- Append-only, hash-chained per card (hash covers every column and the previous hash): an edit, a deletion or a
-- reordering is detected by the card's ledger verification.
CREATE TABLE ledger_entries (
    card_number             text        NOT NULL,
    sequence                bigint      NOT NULL,
    transaction_id          uuid        NOT NULL UNIQUE,
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
CREATE TABLE idempotency_keys (
    merchant_id     uuid        NOT NULL,
    idempotency_key text        NOT NULL,
    fingerprint     text        NOT NULL,
    card_number     text        NOT NULL,
    outcome         jsonb       NOT NULL,
    recorded_at     timestamptz NOT NULL,
    PRIMARY KEY (merchant_id, idempotency_key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (recorded_at);

-- Work for e-mail and wallet senders, recorded with the change that causes it (transactional outbox).
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
