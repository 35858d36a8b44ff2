-- Extensions and text functions every module relies on. Both ship with PGlite and with Debian's PostgreSQL.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- Schema-qualified throughout: index builds run with a restricted search_path (PostgreSQL 17+).
-- unaccent() is STABLE (it reads a dictionary); an IMMUTABLE wrapper that names the dictionary lets us index it.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
-- Accent- and case-insensitive search form: 'Nguyễn Văn Đức' -> 'nguyen van duc'.
CREATE OR REPLACE FUNCTION search_norm(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.f_unaccent($1)) $$;
--> statement-breakpoint
-- Sort key in Vietnamese alphabetical order (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y),
-- tones as a secondary key (ngang < huyền < hỏi < ngã < sắc < nặng). PGlite's ICU data has no `vi` tailoring
-- and the server's may lack it too, so the order is computed here, the same on both (ADR 0003).
CREATE OR REPLACE FUNCTION vi_sort_key(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
    SELECT translate(
             normalize(translate(normalize(lower($1), NFD), U&'\0300\0301\0303\0309\0323', ''), NFC),
             'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz',
             'ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`ab')
        || chr(1)
        || translate(
             regexp_replace(
               regexp_replace(translate(normalize(lower($1), NFD), U&'\0306\0302\031B', ''),
                              U&'.([\0300\0301\0303\0309\0323])', '\1', 'g'),
               U&'[^\0300\0301\0303\0309\0323]', '0', 'g'),
             U&'\0300\0309\0303\0301\0323', '12345')
  $$;
