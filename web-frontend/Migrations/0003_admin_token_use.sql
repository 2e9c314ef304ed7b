-- Merchant-owner tokens are issued, listed and revoked through the admin API: when a token was last used helps an
-- admin decide which to revoke. Written at most once a minute per token by the lookup itself (no extra round trip).
ALTER TABLE admin_tokens ADD COLUMN last_used_at timestamptz NULL;

-- The owner tokens of one merchant, for the admin API's list.
CREATE INDEX admin_tokens_by_merchant ON admin_tokens (merchant_id, created_at) WHERE merchant_id IS NOT NULL;
