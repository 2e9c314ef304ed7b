-- Customer portal sign-in links (docs/decisions/0025). Only the SHA-256 of each token is stored: tokens are 256-bit
-- random values, so a fast hash is enough and the lookup is one index probe. A token names the card it was sent for,
-- not an address: the e-mail is read from that card when the token is spent, so this table holds no personal data and
-- a token issued before an erasure signs no one in. consumed_at is set once, by the conditional update that spends it.
CREATE TABLE customer_sign_in_tokens (
    token_hash  bytea       PRIMARY KEY,
    merchant_id uuid        NOT NULL,
    card_number text        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    consumed_at timestamptz NULL
);

-- Tokens a day past their expiry are deleted when new ones are issued.
CREATE INDEX customer_sign_in_tokens_by_expiry ON customer_sign_in_tokens (expires_at);
