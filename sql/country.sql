-- country: input forms, output, every accessor, the reference listing, code
-- collisions, btree/hash operator classes, binary I/O, supply_mix(country, ...)
-- against text keys, parallel plans and every error case.
\set VERBOSITY terse

-- input: alpha-3, alpha-2, names (ISO, UN M49, UN Comtrade), numbers; output alpha-3
SELECT v, v::country AS c
FROM unnest(ARRAY['RUS', 'rus', ' ru ', 'Russian Federation', 'Russia', 'United States of America',
                  'USA', 'us', '840', '842', 'China, Hong Kong SAR', 'Türkiye', 'Turkey', 'turkiye',
                  'Rep. of Korea', 'Viet Nam', 'Burma', '251', '381', '579', '757', '699', '004',
                  '0', 'W00', 'World', '97', 'European Union', '899', '_X', '490', 'Other Asia, nes',
                  '838', '711', '810', '890', '200', '278', '891', '530', '58']) v;

-- accessors for the hard cases (renamed, merged, split and non-country codes); the codes are those published by
-- ISO 3166-1, UN M49 and UN Comtrade (typed here independently of the table)
SELECT c, iso2(c), iso3(c), m49(c), comtrade_code(c), baci_code(c), country_name(c),
       is_aggregate(c), region(c), subregion(c)
FROM unnest('{USA,FRA,ITA,NOR,CHE,IND,TWN,CHN,HKG,DEU,ATA,WLD,EUU,XAN,S19,XFZ,ZA1,SUN,YUG,CSK,DDR,SCG,ANT,BLX}'::country[]) c;
SELECT m49('USA') = 840 AND comtrade_code('USA') = 842 AND comtrade_code('France') = 251
       AND comtrade_code('Norway') = 579 AND comtrade_code('Switzerland') = 757
       AND comtrade_code('India') = 699 AND comtrade_code('Russia') = 643
       AND baci_code('Italy') = 380 AND comtrade_code('Italy') = 380 AS published_codes_ok;

-- country_from_code in each scheme
SELECT country_from_code(840, 'm49') AS m49_840, country_from_code(842, 'comtrade') AS ct_842,
       country_from_code(842, 'baci') AS baci_842, country_from_code(490, 'comtrade') AS ct_490,
       country_from_code(381, 'BACI') AS baci_381, country_from_code(0, 'comtrade') AS ct_0;
-- every code in every scheme maps back to its own entry
SELECT bool_and(country_from_code(m49, 'm49') = country) FILTER (WHERE m49 IS NOT NULL) AS m49_round_trip,
       bool_and(country_from_code(comtrade, 'comtrade') = country) FILTER (WHERE comtrade IS NOT NULL) AS comtrade_round_trip,
       bool_and(country_from_code(baci, 'baci') = country) FILTER (WHERE baci IS NOT NULL) AS baci_round_trip,
       bool_and(iso3::country = country AND iso3(country) = iso3 AND country::text = iso3) AS iso3_round_trip,
       bool_and(iso2 IS NULL OR iso2::country = country) AS iso2_round_trip,
       bool_and(name::country = country) AS name_round_trip,
       count(*) AS entries, count(*) FILTER (WHERE is_aggregate) AS aggregates
FROM country_reference();
-- no Comtrade or BACI code is another entry's M49 code (an unmapped supplier
-- would otherwise be read as a different country)
SELECT count(*) AS collisions
FROM country_reference() a JOIN country_reference() b
  ON a.country <> b.country AND b.m49 IN (a.comtrade, a.baci);
-- every entry has a UN M49 region except Antarctica (none in M49), the USSR
-- (spanned Europe and Asia) and the World-like aggregates
SELECT array_agg(country) AS without_region FROM country_reference() WHERE region IS NULL AND NOT is_aggregate;

-- EU membership at the end of each year, against the accession years
SELECT c, array_agg(y ORDER BY y) FILTER (WHERE eu_member(c, y)) AS member_years_sample
FROM unnest('{DEU,GBR,HRV,ESP,POL,NOR,EUU,BLX}'::country[]) c,
     unnest(ARRAY[1957, 1958, 1972, 1973, 1985, 1986, 2003, 2004, 2012, 2013, 2019, 2020, 2024]) y
GROUP BY c ORDER BY c;
-- member states alone: Belgium-Luxembourg (a member pair) and the
-- territories with their own code where the Treaties apply left out
SELECT count(*) FILTER (WHERE eu_member(country, 2024)) = 27 AS eu27_2024,
       count(*) FILTER (WHERE eu_member(country, 2019)) = 28 AS eu28_2019,
       count(*) FILTER (WHERE eu_member(country, 2013)) = 28 AS eu28_2013,
       count(*) FILTER (WHERE eu_member(country, 2012)) = 27 AS eu27_2012,
       count(*) FILTER (WHERE eu_member(country, 2004)) = 25 AS eu25_2004,
       count(*) FILTER (WHERE eu_member(country, 1995)) = 15 AS eu15_1995,
       count(*) FILTER (WHERE eu_member(country, 1986)) = 12 AS eu12_1986,
       count(*) FILTER (WHERE eu_member(country, 1981)) = 10 AS eu10_1981,
       count(*) FILTER (WHERE eu_member(country, 1973)) = 9 AS eu9_1973,
       count(*) FILTER (WHERE eu_member(country, 1958)) = 6 AS founders_1958,
       count(*) FILTER (WHERE eu_member(country, 1957)) = 0 AS none_1957
FROM country_reference()
WHERE country NOT IN ('BLX', 'GLP', 'GUF', 'MTQ', 'REU', 'MAF', 'MYT', 'BLM', 'ALA', 'GIB', 'GRL');

-- Greenland joined the EEC with Denmark on 1 January 1973
-- and left on 1 February 1985 (Greenland Treaty, OJ L 29, 1.2.1985), so it
-- was a member at the end of 1984, not at the end of 1985
SELECT eu_member('GRL', 1984) AS grl_1984, eu_member('GRL', 1985) AS grl_1985,
       eu_member('GRL', 1972) AS grl_1972, eu_member('GRL', 1973) AS grl_1973,
       eu_member('Greenland', 2024) AS grl_2024;
-- territories with their own ISO code are in the EU where the Treaties apply
-- (TFEU art. 355), each for the years of its status, against the dates of
-- the acts written out here (accession, EEC Treaty art. 227, Council and
-- European Council decisions); every year 1950-2030 is compared
WITH expected(country, first_year, last_year) AS (VALUES
	('GLP'::country, 1958, NULL::int), ('GUF', 1958, NULL), ('MTQ', 1958, NULL), ('REU', 1958, NULL),
	('MAF', 1958, NULL),                    -- part of Guadeloupe until 2007
	('MYT', 2014, NULL),                    -- outermost region from 1 January 2014
	('BLM', 1958, 2011),                    -- an overseas country and territory from 1 January 2012
	('ALA', 1995, NULL),                    -- with Finland
	('GIB', 1973, 2019),                    -- with the United Kingdom, left 31 January 2020
	('GRL', 1973, 1984),                    -- left 1 February 1985
	-- never: overseas countries and territories, Faroe, Channel Islands, Isle of Man
	('ABW', NULL, NULL), ('NCL', NULL, NULL), ('PYF', NULL, NULL), ('FRO', NULL, NULL),
	('GGY', NULL, NULL), ('JEY', NULL, NULL), ('IMN', NULL, NULL), ('SPM', NULL, NULL))
SELECT count(DISTINCT e.country) AS territories,
       bool_and(eu_member(e.country, y) = (y >= coalesce(e.first_year, 9999) AND y <= coalesce(e.last_year, 9999))) AS years_agree,
       bool_and(r.eu_from IS NOT DISTINCT FROM e.first_year AND r.eu_until IS NOT DISTINCT FROM e.last_year) AS reference_agrees
FROM expected e JOIN country_reference() r ON r.country = e.country, generate_series(1950, 2030) y;

-- validity without an error (PostgreSQL 15 has no pg_input_is_valid)
SELECT is_valid_country('Russia') AS russia, is_valid_country('Atlantis') AS atlantis,
       is_valid_country('') AS empty, is_valid_country('12345') AS five_digits;

-- ordering: alpha-3 order; btree and hash operator classes
SELECT array_agg(c ORDER BY c) AS sorted
FROM unnest('{USA,S19,AFG,ZWE,WLD,CHN,ZA1}'::country[]) c;
SELECT 'CHN'::country < 'USA' AS lt, 'USA'::country <= 'USA' AS le, 'USA'::country > 'CHN' AS gt,
       'CHN'::country >= 'USA' AS ge, 'China'::country = '156' AS eq, 'CHN'::country <> 'USA' AS ne,
       country_cmp('CHN', 'USA') AS cmp_lt, country_cmp('USA', 'USA') AS cmp_eq;
SELECT bool_and((a.country < b.country) = (a.iso3 < b.iso3) AND country_cmp(a.country, b.country) = sign(
         CASE WHEN a.iso3 < b.iso3 THEN -1 WHEN a.iso3 > b.iso3 THEN 1 ELSE 0 END)) AS order_matches_alpha3
FROM country_reference() a, country_reference() b;
SELECT count(DISTINCT country_hash(country)) > 250 AS hashes_spread,
       bool_and(country_hash_extended(country, 0) = country_hash_extended(country, 0)) AS hash_stable
FROM country_reference();
CREATE TABLE trade_c (reporter country, partner country, qty float8);
INSERT INTO trade_c
SELECT r.country, p.country, (i % 97) * 1.5
FROM generate_series(1, 20000) i
JOIN (SELECT country, row_number() OVER (ORDER BY country) - 1 AS k FROM country_reference()) r ON r.k = i % 7
JOIN (SELECT country, row_number() OVER (ORDER BY country) - 1 AS k FROM country_reference()) p ON p.k = (i * 31) % 200;
CREATE INDEX ON trade_c (partner);
CREATE INDEX trade_c_hash ON trade_c USING hash (reporter);
ANALYZE trade_c;
SET enable_seqscan = off;
SELECT plan_has('SELECT * FROM trade_c WHERE partner = ''USA''', 'trade_c_partner_idx') AS btree_index_used,
       plan_has('SELECT * FROM trade_c WHERE reporter = ''AFG''', 'trade_c_hash') AS hash_index_used;
SELECT (SELECT count(*) FROM trade_c WHERE partner = 'USA') = (SELECT count(*) FROM trade_c WHERE partner::text = 'USA') AS index_agrees;
RESET enable_seqscan;
SET enable_sort = off;
SELECT plan_has('SELECT partner, count(*) FROM trade_c GROUP BY partner', 'HashAggregate') AS hash_aggregate;
SELECT plan_has('SELECT * FROM trade_c a JOIN country_reference() r ON r.country = a.partner', 'Hash') AS hash_join;
RESET enable_sort;
SELECT (SELECT count(*) FROM trade_c a JOIN country_reference() r ON r.country = a.partner) = 20000 AS join_complete;
SELECT bool_and(n = m) AS group_counts_agree
FROM (SELECT partner, count(*) n FROM trade_c GROUP BY partner) a
JOIN (SELECT partner::text AS p, count(*) m FROM trade_c GROUP BY 1) b ON b.p = a.partner::text;

-- binary I/O: COPY BINARY round trip; the form is version 1 then the code
SELECT copy_file('country_copy.bin') AS copyfile \gset
COPY trade_c TO :'copyfile' WITH (FORMAT binary);
CREATE TABLE trade_c2 (LIKE trade_c);
COPY trade_c2 FROM :'copyfile' WITH (FORMAT binary);
SELECT (SELECT count(*) FROM trade_c2) = 20000 AS copied,
       NOT EXISTS (SELECT reporter, partner, qty FROM trade_c EXCEPT ALL SELECT reporter, partner, qty FROM trade_c2) AS same_rows;
SELECT country_send('USA') = '\x01555341'::bytea AS send_format_ok, country_send('S19') = '\x01533139'::bytea AS special_ok;

-- supply_mix over countries equals supply_mix over their alpha-3 text
SELECT a::text = b::text AS same_as_text_keys, total(a) = total(b) AS same_total
FROM (SELECT supply_mix(partner, qty) a FROM trade_c) x, (SELECT supply_mix(partner::text, qty) b FROM trade_c) y;
SELECT supply_mix(c::country, q) AS mix,
       share(supply_mix(c::country, q), 'Russia') = 2500.0 / 317500 AS share_by_name,
       quantity(supply_mix(c::country, q), '643') = 2500 AS quantity_by_m49,
       quantity(supply_mix(c::country, q), 'Burma') = 31000 AS quantity_by_other_name,
       share(supply_mix(c::country, q), 'Japan') = 0 AS absent_zero
FROM (VALUES ('China', 270000::float8), ('Russia', 2500), ('USA', 14000), ('842', 0), ('Myanmar', 31000)) v(c, q);
SELECT supply_mix(c::country, q::numeric) AS numeric_mix
FROM (VALUES ('156', 1.5), ('CHN', 2), ('RU', 0.25), (NULL, 9)) v(c, q);
-- parallel: Partial + Finalize Aggregate, same result as serial
CALL force_parallel_plans();
SELECT plan_has('SELECT reporter, supply_mix(partner, qty) FROM trade_c GROUP BY reporter',
                'Finalize', 'Partial', 'Gather') AS parallel_plan;
CREATE TEMP TABLE cpar AS SELECT reporter, supply_mix(partner, qty) m FROM trade_c GROUP BY reporter;
RESET parallel_leader_participation;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE cser AS SELECT reporter, supply_mix(partner, qty) m FROM trade_c GROUP BY reporter;
SELECT count(*) AS groups, bool_and(abs(hhi(p.m) - hhi(s.m)) <= 1e-12 * hhi(s.m)) AS hhi_agree,
       bool_and(supplier_count(p.m) = supplier_count(s.m)) AS count_agree
FROM cpar p JOIN cser s USING (reporter);
RESET max_parallel_workers_per_gather;
-- rollup of country mixes equals the direct aggregate
SELECT abs(hhi(r) - hhi(d)) < 1e-9 AS rollup_agrees
FROM (SELECT rollup(m) r FROM cser) a, (SELECT supply_mix(partner, qty) d FROM trade_c) b;

-- errors: SQLSTATE 22P02 quoting the input, with a hint
\set VERBOSITY default
SELECT 'Atlantis'::country;
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY terse
SELECT ''::country;
SELECT '12345'::country;
SELECT country_from_code(999, 'comtrade');
-- a Comtrade code of a territory with no ISO code: refused, the reason in the error's detail
SELECT country_from_code(459, 'comtrade');
SELECT country_from_code(840, 'iso');
SELECT supply_mix(c::country, q) FROM (VALUES ('Burma', -5::float8)) v(c, q);
SELECT supply_mix(c::country, q) FROM (VALUES ('Burma', 'NaN'::float8)) v(c, q);
-- hostile binary input through COPY BINARY: version 2, a lower-case code, trailing bytes
SELECT c AS case, try_recv(h, 'country') AS result FROM (VALUES
  ('valid USA',        '01555341'),
  ('version 2',        '02555341'),
  ('lower-case code',  '01757361'),
  ('trailing byte',    '0155534100'),
  ('truncated',        '0155')
) v(c, h);
DROP TABLE trade_c, trade_c2;

-- USGS MCS spellings in the real data releases resolve (MCS2026: the top
-- cobalt producer is "Congo (Kinshasa)"; the apostrophe of Côte d’Ivoire is
-- U+2019); expected: their ISO 3166-1 alpha-3 codes
SELECT n, n::country AS country
FROM unnest(ARRAY['Congo (Kinshasa)', 'Congo (Brazzaville)', 'Korea, North', 'Korea, South', E'C\u00f4te d\u2019Ivoire',
                  'The Bahamas']) n;
SELECT bool_and(n::country = c::country) AS usgs_names_ok
FROM (VALUES ('Congo (Kinshasa)', 'COD'), ('Congo (Brazzaville)', 'COG'), ('Korea, North', 'PRK'),
             ('Korea, South', 'KOR'), (E'C\u00f4te d\u2019Ivoire', 'CIV'), ('The Bahamas', 'BHS')) v(n, c);
