-- People who sign in to the admin site (docs/decisions/0027). Passwords are ASP.NET Core Identity PasswordHasher
-- hashes (PBKDF2); the e-mail is unique whatever its case. security_stamp changes with every password change, reset or
-- disable: a cookie carries the stamp it was issued with, and one with another stamp no longer signs anyone in.
CREATE TABLE admin_accounts (
    account_id           uuid        PRIMARY KEY,
    email                text        NOT NULL,
    display_name         text        NOT NULL,
    password_hash        text        NOT NULL,
    role                 text        NOT NULL CHECK (role IN ('platform-admin', 'merchant-owner', 'store-staff')),
    merchant_id          uuid        NULL,
    store_id             uuid        NULL,
    failed_attempts      integer     NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until         timestamptz NULL,
    security_stamp       text        NOT NULL,
    must_change_password boolean     NOT NULL DEFAULT false,
    is_bootstrap         boolean     NOT NULL DEFAULT false,
    created_at           timestamptz NOT NULL,
    last_sign_in_at      timestamptz NULL,
    disabled_at          timestamptz NULL,
    -- A platform admin belongs to no merchant; an owner to one merchant; store staff to one store of one merchant.
    CONSTRAINT admin_accounts_scope CHECK (
        (role = 'platform-admin' AND merchant_id IS NULL AND store_id IS NULL)
        OR (role = 'merchant-owner' AND merchant_id IS NOT NULL AND store_id IS NULL)
        OR (role = 'store-staff' AND merchant_id IS NOT NULL AND store_id IS NOT NULL))
);

CREATE UNIQUE INDEX admin_accounts_email ON admin_accounts (lower(email));
-- At most one account created by the start-up bootstrap (configured or generated), so concurrent starts make one.
CREATE UNIQUE INDEX admin_accounts_one_bootstrap ON admin_accounts (is_bootstrap) WHERE is_bootstrap;
-- The accounts page of one merchant.
CREATE INDEX admin_accounts_by_merchant ON admin_accounts (merchant_id, email) WHERE merchant_id IS NOT NULL;

-- Password reset links, as customer_sign_in_tokens: 256-bit random tokens of which only the SHA-256 is stored, valid
-- for 30 minutes, spent once by the conditional update that sets consumed_at.
CREATE TABLE admin_password_reset_tokens (
    token_hash  bytea       PRIMARY KEY,
    account_id  uuid        NOT NULL REFERENCES admin_accounts (account_id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    consumed_at timestamptz NULL
);

CREATE INDEX admin_password_reset_tokens_by_expiry ON admin_password_reset_tokens (expires_at);
CREATE INDEX admin_password_reset_tokens_by_account ON admin_password_reset_tokens (account_id);
