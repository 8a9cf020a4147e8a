-- the shipped critical-mineral lists (data/other/critical_minerals_lists.csv,
-- where each was read in data/other/critical_minerals_lists.md): their sizes
-- as the publications state them, every entry carried by the trade catalogue
-- or the reason it has no HS code of its own, and the HS2012/2017/2022
-- splits and merges of the catalogue's codes through the concordance.
\set VERBOSITY terse
CREATE TEMP TABLE lists (list text, "position" text, item text, wording text,
	catalogue_commodities text, trade_note text, source text);
\copy lists FROM 'data/other/critical_minerals_lists.csv' WITH (FORMAT csv, HEADER true)

-- sizes: 87 FR 10381 "includes the following 50 minerals"; Regulation (EU)
-- 2024/1252 Annex II Section 1 lists 34 critical raw materials, (a) to (ah),
-- and Annex I Section 1 17 strategic ones, (a) to (q)
SELECT list, count(*) AS entries, count(DISTINCT item) AS distinct_items,
       bool_and(wording <> '' AND source <> '') AS worded_and_sourced
FROM lists GROUP BY list ORDER BY list;
SELECT (SELECT count(*) FROM lists WHERE list = 'USGS 2022') = 50
   AND (SELECT count(*) FROM lists WHERE list = 'EU CRMA Annex II critical') = 34
   AND (SELECT count(*) FROM lists WHERE list = 'EU CRMA Annex I strategic') = 17 AS published_sizes;
-- positions are the publication's: 1 to 50; the Regulation's letters (a) ... (z), (aa) ...
SELECT list, array_agg("position" ORDER BY "position") FILTER (WHERE "position" NOT IN (
         SELECT CASE WHEN list = 'USGS 2022' THEN n::text
                     WHEN n <= 26 THEN '(' || chr(96 + n) || ')' ELSE '(a' || chr(96 + n - 26) || ')' END
         FROM generate_series(1, 50) n
         WHERE n <= CASE list WHEN 'USGS 2022' THEN 50 WHEN 'EU CRMA Annex II critical' THEN 34 ELSE 17 END)) AS misplaced
FROM lists GROUP BY list HAVING count(DISTINCT "position") <> count(*)
   OR bool_or("position" NOT IN (
         SELECT CASE WHEN list = 'USGS 2022' THEN n::text
                     WHEN n <= 26 THEN '(' || chr(96 + n) || ')' ELSE '(a' || chr(96 + n - 26) || ')' END
         FROM generate_series(1, 50) n
         WHERE n <= CASE list WHEN 'USGS 2022' THEN 50 WHEN 'EU CRMA Annex II critical' THEN 34 ELSE 17 END));
-- the Federal Register lists its 50 in alphabetical order, in English: the
-- item is the wording in lower case, and the order by position is alphabetical
SELECT bool_and(item = lower(wording)) AS usgs_item_is_wording,
       array_agg(item ORDER BY "position"::int) = array_agg(item ORDER BY item COLLATE "C") AS usgs_alphabetical
FROM lists WHERE list = 'USGS 2022';
-- the rare earths and the platinum-group metals are listed one by one
SELECT count(*) FILTER (WHERE catalogue_commodities = 'rare earths') AS usgs_rare_earths_individually,
       count(*) FILTER (WHERE item IN ('iridium', 'palladium', 'platinum', 'rhodium', 'ruthenium')) AS usgs_pgms_individually
FROM lists WHERE list = 'USGS 2022';

-- every entry is carried by trade_catalogue commodities
SELECT l.list, l.item, c AS not_in_catalogue
FROM lists l, unnest(string_to_array(l.catalogue_commodities, ';')) c
WHERE NOT EXISTS (SELECT 1 FROM trade_catalogue t WHERE t.commodity = c);
SELECT list, item AS without_commodity FROM lists WHERE coalesce(catalogue_commodities, '') = '';
-- an entry none of whose catalogue codes is its own (every one also carries
-- a commodity outside the entry, the platinum-group aggregate apart) says
-- why in trade_note, as does one named by a grade the HS does not separate
SELECT l.list, l.item AS shares_every_code_unexplained
FROM lists l
WHERE coalesce(l.trade_note, '') = ''
  AND NOT EXISTS (
	SELECT 1 FROM trade_catalogue t
	WHERE t.commodity = ANY (string_to_array(l.catalogue_commodities, ';'))
	  AND NOT EXISTS (SELECT 1 FROM trade_catalogue o
	                  WHERE o.code = t.code AND o.commodity <> 'platinum-group metals'
	                    AND o.commodity <> ALL (string_to_array(l.catalogue_commodities, ';'))));
SELECT list, item AS grade_unexplained FROM lists
WHERE item ~ 'grade' AND coalesce(trade_note, '') !~ 'no HS code for the .* grade';
SELECT list, count(*) FILTER (WHERE trade_note <> '') AS entries_with_a_trade_note FROM lists GROUP BY list ORDER BY list;
-- each strategic raw material is among the critical ones as the two annexes
-- word them: every strategic entry's commodities are among the critical entries'
SELECT s.item AS strategic_not_among_critical
FROM lists s, unnest(string_to_array(s.catalogue_commodities, ';')) c
WHERE s.list = 'EU CRMA Annex I strategic'
  AND NOT EXISTS (SELECT 1 FROM lists k, unnest(string_to_array(k.catalogue_commodities, ';')) kc
                  WHERE k.list = 'EU CRMA Annex II critical' AND kc = c);
-- the lists' catalogue commodities that are no USGS MCS commodity (commodities):
-- their trade has no production series of their own to set beside it
SELECT DISTINCT c AS not_a_usgs_commodity
FROM lists l, unnest(string_to_array(l.catalogue_commodities, ';')) c
WHERE NOT EXISTS (SELECT 1 FROM commodities m WHERE m.name = c) ORDER BY 1;

-- HS editions: a catalogue code that exists in some but not all of HS2012
-- (H4), HS2017 (H5) and HS2022 (H6) has no identity row towards a revision
-- it is absent from; a code new in HS2022 maps back onto HS2017; a code gone
-- in HS2022 is the target of an HS2022 code of the same commodity
SELECT c.commodity, c.code, c.editions
FROM trade_catalogue c
WHERE NOT c.editions @> ARRAY['H4', 'H5', 'H6']
  AND (EXISTS (SELECT 1 FROM hs_concordance h
               WHERE h.from_code = c.code AND h.to_code = c.code AND h.from_revision = ANY (c.editions)
                 AND h.to_revision IN ('H4', 'H5', 'H6') AND h.to_revision <> ALL (c.editions))
       OR ('H6' = ANY (c.editions) AND NOT EXISTS (
               SELECT 1 FROM hs_concordance h WHERE h.from_revision = 'H6' AND h.from_code = c.code AND h.to_revision = 'H5'))
       OR ('H6' <> ALL (c.editions) AND NOT EXISTS (
               SELECT 1 FROM hs_concordance h JOIN trade_catalogue n ON n.code = h.from_code AND n.commodity = c.commodity
               WHERE h.from_revision = 'H6' AND h.to_revision = 'H5' AND h.to_code = c.code)));
SELECT commodity, code, editions FROM trade_catalogue
WHERE NOT editions @> ARRAY['H4', 'H5', 'H6'] ORDER BY commodity, code;
-- 8112.92 lost hafnium in HS2022: back whole, forward refused
SELECT * FROM hs_convert('811292', 'H6', 'H5');
SELECT * FROM hs_convert('811292', 'H4', 'H5');
SELECT * FROM hs_convert('811292', 'H5', 'H6');
SELECT * FROM hs_convert('810920', 'H5', 'H6');
SELECT * FROM hs_convert('810929', 'H6', 'H4');
-- 7112 lost electrical and electronic waste to the new heading 85.49 in HS2022
SELECT * FROM hs_convert('711292', 'H6', 'H4');
SELECT * FROM hs_convert('711292', 'H5', 'H6');

-- the entries are the publications' as read: the lines quoted in
-- data/other/critical_minerals_lists.md ("> list: ..."), split into their
-- entries, equal the file's wording (and, for Annex I, its English item)
CREATE TEMP TABLE quoted (line text);
\copy quoted FROM 'data/other/critical_minerals_lists.md' WITH (FORMAT text, DELIMITER E'\x01')
CREATE TEMP VIEW quoted_entries AS
SELECT q.list, e.n, CASE WHEN q.list = 'USGS 2022' THEN e.entry ELSE regexp_replace(e.entry, '^[a-z]{1,2}\) ', '') END AS entry,
       CASE WHEN q.list = 'USGS 2022' THEN e.n::text ELSE '(' || substring(e.entry, '^([a-z]{1,2})\)') || ')' END AS "position"
FROM (SELECT substring(line, '^> ([^:]+):') AS list,
             regexp_replace(substring(line, '^> [^:]+: (.*)$'), '^.*(minerals|kritisch|strategisch): ', '') AS entries
      FROM quoted WHERE line ~ '^> ') q,
     regexp_split_to_table(CASE WHEN q.list = 'USGS 2022'
                                THEN regexp_replace(rtrim(q.entries, '.'), ', and ', ', ') ELSE q.entries END,
                           CASE WHEN q.list = 'USGS 2022' THEN ', ' ELSE ' · ' END) WITH ORDINALITY e(entry, n);
SELECT list, count(*) AS quoted_entries FROM quoted_entries GROUP BY list ORDER BY list;
-- entries of the file not as quoted, and quoted entries missing from the file
SELECT *, 'in the file, not as quoted' AS side FROM (SELECT l.list, l."position", l.wording AS entry FROM lists l
 EXCEPT SELECT list, "position", entry FROM quoted_entries) f
UNION ALL
SELECT *, 'quoted, not in the file' FROM (SELECT q.list, q."position", q.entry FROM quoted_entries q
 WHERE q.list <> 'EU CRMA Annex I strategic, English'
 EXCEPT SELECT list, "position", wording FROM lists) q
ORDER BY 1, 2, 4;
SELECT l."position", l.item AS english_not_as_quoted FROM lists l
WHERE l.list = 'EU CRMA Annex I strategic'
  AND l.item IS DISTINCT FROM (SELECT q.entry FROM quoted_entries q
                               WHERE q.list = 'EU CRMA Annex I strategic, English'
                                 AND q.n = ascii(substring(l."position", 2, 1)) - 96);
