-- The printed form of a document or reference number, in one place, so that a step can take its number and write
-- it in the same statement (the counter's row lock is then held for as short a time as possible).
-- 镇司复〔2025〕12号: the year in full inside 六角括号, no leading zeros, no 第 (GB/T 9704-2012 7.2.4).
CREATE FUNCTION doc_number(prefix text, year integer, seq integer) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT prefix || '〔' || year || '〕' || seq || '号' $$;
