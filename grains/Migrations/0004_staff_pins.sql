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
