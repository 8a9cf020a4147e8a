-- hscode: input forms, output, ordering, hierarchy, containment, the
-- planner support function on a 1-million-row indexed table, opclasses,
-- binary I/O and every error case.
\set VERBOSITY terse

SELECT v, v::hscode AS code, hs_level(v::hscode) AS level
FROM unnest(ARRAY['28', '2846', '2846.90', '284690', '2846.90.20', '8505110000', '2530.9020',
                  '8505.11.00.00', ' 01 ']) v;

-- depth-first order: every code right before its descendants
SELECT array_agg(c ORDER BY c) AS sorted
FROM unnest('{29,284610,2846,280530,2805,28,2846902000,28469020,850511,01}'::hscode[]) c;
-- the order equals sorting by (digits padded to 10 with zeros, length), computed in plain SQL
WITH codes AS (SELECT c::hscode AS h, c FROM unnest('{28,2805,280530,2846,284610,284690,28469020,2846902000,29,2901,85,8505,850511,8505110000,01,0101}'::text[]) c)
SELECT array_agg(c ORDER BY h) = array_agg(c ORDER BY rpad(c, 10, '0'), length(c)) AS order_is_padded_then_length
FROM codes;
SELECT '2846'::hscode < '284610' AS lt, '2846'::hscode <= '2846' AS le, '29'::hscode > '2846999999' AS gt,
       '28'::hscode >= '29' AS ge, '2846.90'::hscode = '284690' AS eq, '2846'::hscode <> '284600' AS ne,
       hscode_cmp('28', '2805') AS cmp_lt, hscode_cmp('2805', '28') AS cmp_gt, hscode_cmp('28', '28') AS cmp_eq;

-- hierarchy
SELECT c, hs_level(c), hs_chapter(c), hs_heading(c), hs_subheading(c), hs_parent(c)
FROM unnest('{28,2846,284690,28469020,2846902000}'::hscode[]) c;
-- containment, both directions, against a plain-SQL prefix test
SELECT '2846'::hscode @> '284690' AS contains, '284690'::hscode <@ '2846' AS contained,
       '2846'::hscode @> '2846' AS self, '284690'::hscode @> '2846' AS reversed,
       '2846'::hscode @> '2847' AS sibling, '28'::hscode @> '2846902000' AS deep;
WITH c AS (SELECT c::hscode AS h, c AS t FROM unnest('{28,2805,280530,2846,284610,284690,28469020,2846902000,29,2901,2847}'::text[]) c)
SELECT bool_and((a.h @> b.h) = (b.t LIKE a.t || '%')) AND bool_and((b.h <@ a.h) = (a.h @> b.h)) AS containment_is_prefix
FROM c a, c b;

-- a 1-million-row indexed table: "code <@ const" uses the index as a range
CREATE TABLE hs_rows (code hscode, i int);
INSERT INTO hs_rows
SELECT (lpad(((i::bigint * 7919) % 970000 + 10000)::text, 6, '0'))::hscode, i
FROM generate_series(1, 1000000) i;
CREATE INDEX hs_rows_code ON hs_rows (code);
ANALYZE hs_rows;
EXPLAIN (COSTS OFF) SELECT count(*) FROM hs_rows WHERE code <@ '2846';
EXPLAIN (COSTS OFF) SELECT count(*) FROM hs_rows WHERE '2846' @> code;
-- same answer as a scan with a plain-SQL prefix test
SELECT (SELECT count(*) FROM hs_rows WHERE code <@ '2846') AS by_index,
       (SELECT count(*) FROM hs_rows WHERE code::text LIKE '2846%') AS by_prefix;
SELECT (SELECT count(*) FROM hs_rows WHERE code <@ '28') = (SELECT count(*) FROM hs_rows WHERE code::text LIKE '28%') AS chapter_agrees,
       (SELECT count(*) FROM hs_rows WHERE '284690' @> code) = (SELECT count(*) FROM hs_rows WHERE code::text = '284690') AS leaf_agrees;
-- a parameter (not a constant) still gives the right answer, without the index range
PREPARE q(hscode) AS SELECT count(*) FROM hs_rows WHERE code <@ $1;
EXECUTE q('2846');
DEALLOCATE q;
DROP TABLE hs_rows;

-- hash opclass: hash index, hash aggregate
CREATE TABLE hs_small AS SELECT (lpad((i % 50 + 1)::text, 2, '0') || '01')::hscode AS code FROM generate_series(1, 2000) i;
CREATE INDEX hs_small_hash ON hs_small USING hash (code);
ANALYZE hs_small;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM hs_small WHERE code = '0101';
RESET enable_seqscan;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT code, count(*) FROM hs_small GROUP BY code;
RESET enable_sort;
SELECT count(*) AS groups, bool_and(n = 40) AS forty_each FROM (SELECT code, count(*) n FROM hs_small GROUP BY code) g;
SELECT hscode_hash('2846') = hscode_hash('2846.00'::hscode) AS same_hash_for_different_codes,
       hscode_hash_extended('2846', 1) = hscode_hash_extended('2846', 1) AS hash_stable;

-- binary I/O: COPY BINARY round trip; the form is version 1, digit count, digits (int64 LE)
CREATE TABLE hs_copy (code hscode);
INSERT INTO hs_copy VALUES ('28'), ('2846.90'), ('8505110000'), ('01');
SELECT copy_file('hs_copy.bin') AS copyfile \gset
COPY hs_copy TO :'copyfile' WITH (FORMAT binary);
CREATE TABLE hs_copy2 (LIKE hs_copy);
COPY hs_copy2 FROM :'copyfile' WITH (FORMAT binary);
SELECT array_agg(code ORDER BY code) AS copied FROM hs_copy2;
SELECT hscode_send('2846.90') = '\x01061258040000000000'::bytea AS send_format_ok;
-- hostile binary input: bad version, impossible digit count, digits too long, trailing byte, truncated
SELECT c AS case, try_recv(h, 'hscode') AS result FROM (VALUES
  ('valid 2846.90',       '01061258040000000000'),
  ('version 2',           '02061258040000000000'),
  ('odd digit count',     '01051258040000000000'),
  ('digits too long',     '01041258040000000000'),
  ('trailing byte',       '0106125804000000000000'),
  ('truncated',           '010612')
) v(c, h);
DROP TABLE hs_copy, hs_copy2, hs_small;

-- errors: SQLSTATE 22P02 quoting the input, with a hint
\set VERBOSITY default
SELECT '284'::hscode;
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY terse
SELECT ''::hscode;
SELECT '28469'::hscode;
SELECT '28469012345'::hscode;
SELECT '00'::hscode;
SELECT '28.46'::hscode;
SELECT '2846..90'::hscode;
SELECT '2846.'::hscode;
SELECT '28a6'::hscode;
SELECT '2846 90'::hscode;

-- is_valid_hscode agrees with the input function on every sample (the cast
-- itself is the independent check)
CREATE FUNCTION hs_cast_ok(t text) RETURNS bool LANGUAGE plpgsql AS $$
BEGIN PERFORM t::hscode; RETURN true; EXCEPTION WHEN invalid_text_representation THEN RETURN false; END $$;
SELECT t, is_valid_hscode(t) AS valid, is_valid_hscode(t) = hs_cast_ok(t) AS agrees_with_cast
FROM unnest(ARRAY['28', '2846', '2846.90', '284690', '2846.90.20', '8505110000', '284', '2846.9', 'abcd', '', '28469011111']) t;
DROP FUNCTION hs_cast_ok(text);
