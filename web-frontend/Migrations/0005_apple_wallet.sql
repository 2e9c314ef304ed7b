-- Apple Wallet passes (docs/decisions/0034). A pass's serial number is its card number.
--
-- The key that derives each pass's authenticationToken (HMAC-SHA256 of the serial number): one row, made by the first
-- process that starts with Apple Wallet configured, read by every other, so any frontend checks any pass's token.
CREATE TABLE apple_wallet_keys (
    id         smallint    PRIMARY KEY CHECK (id = 1),
    token_key  bytea       NOT NULL CHECK (length(token_key) = 32),
    created_at timestamptz NOT NULL
);

-- A device that keeps a pass and wants pushes for it (PassKit web service "register"). Devices register the same pass
-- again and again; the primary key makes that an update. pushed_modified_at is the card's modified_at the last push
-- was sent for (or that the registration started at): the push watcher claims rows whose card changed since.
CREATE TABLE apple_wallet_registrations (
    device_library_identifier text        NOT NULL,
    pass_type_identifier      text        NOT NULL,
    serial_number             text        NOT NULL,
    push_token                text        NOT NULL,
    registered_at             timestamptz NOT NULL,
    pushed_modified_at        timestamptz NOT NULL,
    PRIMARY KEY (device_library_identifier, pass_type_identifier, serial_number)
);

CREATE INDEX apple_wallet_registrations_by_serial ON apple_wallet_registrations (serial_number);
