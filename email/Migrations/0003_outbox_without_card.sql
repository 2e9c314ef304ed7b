-- Messages addressed by their payload need no card (a portal sign-in link names one, an admin's password reset link
-- none) and a reset link for a platform admin no merchant (docs/decisions/0027). The e-mail log already allows a
-- message without a merchant.
ALTER TABLE outbox
    ALTER COLUMN merchant_id DROP NOT NULL,
    ALTER COLUMN card_number DROP NOT NULL;
