-- Erasure of a customer's personal data (docs/domain.md, "Erasure"): an erased card keeps its row, balances and ledger,
-- with NULL for the customer's name and e-mail (phone and birthday were nullable already). NULL e-mails never clash
-- in cards_one_per_program_email, so the same e-mail can enrol again and get a new card.
ALTER TABLE cards ALTER COLUMN customer_name DROP NOT NULL;
ALTER TABLE cards ALTER COLUMN customer_email DROP NOT NULL;
