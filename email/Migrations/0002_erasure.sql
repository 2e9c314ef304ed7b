-- A customer's erasure (ICardGrain.EraseCustomerAsync, docs/domain.md) clears their personal data from the card and
-- deletes the card's unsent and sign-in outbox messages. The e-mail log keeps what happened to each message (template,
-- status, attempt, time) but not the address, the subject or the server's reply, which may name the customer: when a
-- logged message is deleted, and when the card's e-mail is cleared, its log rows lose them.
ALTER TABLE email_log
    DROP CONSTRAINT email_log_outbox_id_fkey,
    ADD CONSTRAINT email_log_outbox_id_fkey FOREIGN KEY (outbox_id) REFERENCES outbox (id) ON DELETE SET NULL;

CREATE FUNCTION email_log_forget_message() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE email_log SET recipient = 'erased', subject = NULL, detail = NULL WHERE outbox_id = OLD.id;
    RETURN OLD;
END
$$;

CREATE TRIGGER outbox_forget_email_log BEFORE DELETE ON outbox
    FOR EACH ROW EXECUTE FUNCTION email_log_forget_message();

CREATE FUNCTION email_log_forget_card() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE email_log SET recipient = 'erased', subject = NULL, detail = NULL
    WHERE outbox_id IN (SELECT id FROM outbox WHERE card_number = NEW.card_number);
    RETURN NEW;
END
$$;

CREATE TRIGGER cards_forget_email_log AFTER UPDATE OF customer_email ON cards
    FOR EACH ROW WHEN (OLD.customer_email IS NOT NULL AND NEW.customer_email IS NULL)
    EXECUTE FUNCTION email_log_forget_card();
