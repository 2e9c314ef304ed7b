-- Admin card search (admin pages, /admin/cards; ADR 0030): by e-mail prefix, by the trailing digits of a phone number,
-- and by any part of a name regardless of case and accents. Card numbers need nothing: they are the primary key.
--
-- None of these columns changes when a card operation rewrites its row (only the customer's erasure does), so the
-- card updates stay HOT (fillfactor 80, see 0001): a HOT update writes no entry in any index, new ones included.

-- pg_trgm and unaccent ship with PostgreSQL (contrib) and are trusted extensions: a database owner may create them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Lower case without accents ('Élodie Müller' -> 'elodie muller'). unaccent() itself is only STABLE (its dictionary
-- could change), so an index needs this IMMUTABLE wrapper naming the dictionary; its SQL body is bound at creation.
CREATE FUNCTION card_search_fold(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN public.unaccent('public.unaccent'::regdictionary, lower(value));

-- A phone number's digits, last digit first: '+352 621 123 456' -> '654321126253'. A prefix of this is a suffix of
-- the number, so '621 123 456' (typed without the country code) finds '+352 621 123 456' through a b-tree range.
CREATE FUNCTION card_search_phone(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN reverse(regexp_replace(value, '[^0-9]', '', 'g'));

-- text_pattern_ops compares bytes, so a prefix is a range (~>=~ and ~<~) that generic plans can use too.
CREATE INDEX cards_search_email ON cards (lower(customer_email) text_pattern_ops) WHERE customer_email IS NOT NULL;
CREATE INDEX cards_search_phone ON cards (card_search_phone(customer_phone) text_pattern_ops) WHERE customer_phone IS NOT NULL;

-- Trigrams answer "contains" (LIKE '%emma%') from the index, for 3 characters or more: shorter text has no trigram,
-- which is why the search page asks for 3 characters of a name.
CREATE INDEX cards_search_name ON cards USING gin (card_search_fold(customer_name) gin_trgm_ops) WHERE customer_name IS NOT NULL;
