-- the trade catalogue of every critical mineral: every stoichiometric
-- content recomputed by hand from atomic weights, the formula parser, the
-- coverage of the USGS 2022 list and the EU CRMA's (shipped copies with
-- their sources), to_content against to_reo and plain arithmetic, the concordance
-- of the HS2022 splits, and the errors.
\set VERBOSITY terse

-- every row has a source, a stage and a basis; every central value that is
-- not stoichiometry, the HS's own purity or a gross-weight basis is absent
SELECT count(*) AS rows, count(DISTINCT commodity) AS commodities,
       bool_and(content_source <> '') AS sources,
       bool_and(content_central IS NULL OR formula IS NOT NULL OR content_central = 1
                OR commodity = 'rare earths') AS central_is_stoichiometry_or_metal_or_gross
FROM trade_catalogue;
SELECT stage, count(*) FROM trade_catalogue GROUP BY stage ORDER BY stage;

-- atomic weights as CIAAW prints them (spot checks)
SELECT bool_and(atomic_weight = w) AS ciaaw
FROM atomic_weights JOIN (VALUES ('Li', 6.94::float8), ('Co', 58.933194), ('Ni', 58.6934), ('W', 183.84),
                                 ('O', 15.999), ('C', 12.011), ('H', 1.008), ('N', 14.007), ('S', 32.06)) v(s, w)
  ON symbol = s;

-- each stoichiometric factor recomputed by hand (t of basis per t of product)
WITH hand(commodity, code, bound, value) AS (VALUES
	('lithium', '283691', 'central', 2 * 6.94 / (2 * 6.94 + 12.011 + 3 * 15.999)),
	('lithium', '282520', 'central', 6.94 / (6.94 + 15.999 + 1.008 + 2 * 1.008 + 15.999)),
	('lithium', '282520', 'high', 2 * 6.94 / (2 * 6.94 + 15.999)),
	('cobalt', '282200', 'central', 3 * 58.933194 / (3 * 58.933194 + 4 * 15.999)),
	('cobalt', '282200', 'low', 58.933194 / (58.933194 + 2 * (15.999 + 1.008))),
	('cobalt', '282200', 'high', 58.933194 / (58.933194 + 15.999)),
	('nickel', '283324', 'central', 58.6934 / (58.6934 + 32.06 + 4 * 15.999 + 6 * (2 * 1.008 + 15.999))),
	('nickel', '283324', 'low', 58.6934 / (58.6934 + 32.06 + 4 * 15.999 + 7 * (2 * 1.008 + 15.999))),
	('nickel', '283324', 'high', 58.6934 / (58.6934 + 32.06 + 4 * 15.999)),
	('nickel', '282540', 'central', 58.6934 / (58.6934 + 15.999)),
	('nickel', '282540', 'low', 58.6934 / (58.6934 + 2 * (15.999 + 1.008))),
	('tungsten', '284180', 'central', 12 * 183.84 / (10 * (14.007 + 4 * 1.008) + 2 * 1.008 + 12 * 183.84 + 42 * 15.999 + 4 * (2 * 1.008 + 15.999))),
	('tungsten', '284180', 'low', 183.84 / (2 * 22.98976928 + 183.84 + 4 * 15.999 + 2 * (2 * 1.008 + 15.999))),
	('antimony', '282580', 'central', 2 * 121.760 / (2 * 121.760 + 3 * 15.999)),
	('antimony', '282580', 'low', 2 * 121.760 / (2 * 121.760 + 5 * 15.999)),
	('manganese', '282010', 'central', 54.938043 / (54.938043 + 2 * 15.999)),
	('vanadium', '282530', 'central', 2 * 50.9415 / (2 * 50.9415 + 5 * 15.999)),
	('vanadium', '282530', 'high', 2 * 50.9415 / (2 * 50.9415 + 3 * 15.999)),
	('zinc', '281700', 'central', 65.38 / (65.38 + 15.999)),
	('zinc', '281700', 'low', 65.38 / (65.38 + 2 * 15.999)),
	('zirconium', '261510', 'central', 91.222 / (91.222 + 28.085 + 4 * 15.999)),
	('chromium', '281910', 'central', 51.9961 / (51.9961 + 3 * 15.999)),
	('strontium', '283692', 'central', 87.62 / (87.62 + 12.011 + 3 * 15.999)),
	('aluminum', '281830', 'central', 26.9815384 / (26.9815384 + 3 * (15.999 + 1.008))),
	('boron', '281000', 'central', (2 * 10.81 + 3 * 15.999) / 2 / (10.81 + 3 * 1.008 + 3 * 15.999)),
	('magnesium compounds', '251910', 'central', (24.305 + 15.999) / (24.305 + 12.011 + 3 * 15.999)),
	('germanium', '282560', 'high', 72.630 / (72.630 + 2 * 15.999)),
	('zirconium', '282560', 'high', 91.222 / (91.222 + 2 * 15.999)))
SELECT h.commodity, h.code, h.bound, round(h.value::numeric, 4) AS by_hand,
       abs(trade_content(h.code::hscode, h.commodity, h.bound) - h.value) < 1e-12 AS matches
FROM hand h ORDER BY 1, 2, 3;
-- every row with a formula was checked above
SELECT count(*) AS formulas_not_checked_by_hand FROM trade_catalogue
WHERE formula IS NOT NULL AND (commodity, code::text) NOT IN (VALUES ('lithium', '283691'), ('lithium', '282520'),
	('cobalt', '282200'), ('nickel', '283324'), ('nickel', '282540'), ('tungsten', '284180'), ('antimony', '282580'),
	('manganese', '282010'), ('vanadium', '282530'), ('zinc', '281700'), ('zirconium', '261510'), ('chromium', '281910'),
	('strontium', '283692'), ('aluminum', '281830'), ('boron', '281000'), ('magnesium compounds', '251910'),
	('tio2 pigment', '282300'));

-- the parser: parentheses, hydrates, errors
SELECT symbol, sum(atoms) FROM formula_atoms('(NH4)10(H2W12O42).4H2O') GROUP BY symbol ORDER BY symbol;
SELECT abs(formula_mass('CoSO4.7H2O') - (58.933194 + 32.06 + 4 * 15.999 + 7 * 18.015)) < 1e-9 AS cobalt_sulphate_mass;
SELECT formula_mass('Xy2O3');
SELECT formula_mass('Li2(CO3');
SELECT formula_mass('li2co3');

-- coverage: every item of the USGS 2022 list and of the EU CRMA's Annexes
-- I and II (shipped copy, data/other/critical_minerals_lists.csv, with its
-- sources; critical_minerals_lists.sql checks the lists themselves) has
-- catalogue rows, and one at least with a central content where a stage converts
CREATE TEMP TABLE lists (list text, "position" text, item text, wording text,
	catalogue_commodities text, trade_note text, source text);
\copy lists FROM 'data/other/critical_minerals_lists.csv' WITH (FORMAT csv, HEADER true)
SELECT list, count(*) AS items, bool_and(source <> '') AS sourced FROM lists GROUP BY list ORDER BY list;
SELECT l.list, l.item, c AS missing_commodity
FROM lists l, unnest(string_to_array(l.catalogue_commodities, ';')) c
WHERE NOT EXISTS (SELECT 1 FROM trade_catalogue t WHERE t.commodity = c);
-- list items whose trade converts at no stage (every code too mixed): stated, not hidden
SELECT DISTINCT c AS commodity_without_any_central_content
FROM lists l, unnest(string_to_array(l.catalogue_commodities, ';')) c
WHERE NOT EXISTS (SELECT 1 FROM trade_catalogue t WHERE t.commodity = c AND t.content_central IS NOT NULL)
ORDER BY 1;
-- the key first products of the brief are in, at their stage
SELECT commodity, code, stage FROM trade_catalogue
WHERE (commodity, code::text) IN (VALUES ('lithium', '283691'), ('lithium', '282520'), ('cobalt', '282200'),
	('cobalt', '810520'), ('graphite (natural)', '250410'), ('graphite (natural)', '250490'),
	('graphite (synthetic)', '380110'), ('gallium', '811292'), ('germanium', '282560'), ('nickel', '260400'),
	('nickel', '750110'), ('nickel', '750210'), ('nickel', '283324'), ('tungsten', '261100'),
	('tungsten', '284180'), ('tungsten', '810194'))
ORDER BY 1, 2;

-- to_content: longest prefix, national lines inherit, rare earths as to_reo
SELECT abs(to_content('283691', 1000) - 1000 * 2 * 6.94 / (2 * 6.94 + 12.011 + 3 * 15.999)) < 1e-9 AS carbonate,
       to_content('2836910010', 1000, 'lithium') = to_content('283691', 1000) AS national_line,
       to_content('284690', 1000, 'rare earths') = to_reo(1000, '284690') AS as_to_reo,
       to_content('2846101000', 1000, 'rare earths') = to_reo(1000, '2846101000') AS cerium_as_to_reo,
       to_content('810520', 1000) IS NULL AS too_mixed,
       to_content('0101', 1000) IS NULL AS outside,
       to_content('283691', NULL) IS NULL AS null_quantity,
       to_content('250410', 1000) AS graphite_gross_weight,
       to_content('811292', 1000, 'gallium') IS NULL AS gallium_shares_its_code;
-- every rare-earth row equals hs_catalogue's
SELECT bool_and(t.content_central IS NOT DISTINCT FROM h.reo_central AND t.content_low IS NOT DISTINCT FROM h.reo_low
                AND t.content_high IS NOT DISTINCT FROM h.reo_high) AS same_as_hs_catalogue
FROM trade_catalogue t JOIN hs_catalogue h USING (code) WHERE t.commodity = 'rare earths';
SELECT trade_stage('2825.20') AS lithium_hydroxide, trade_stage('8101.94') AS tungsten_metal,
       trade_stage('7501.10') AS nickel_matte, trade_stage('8112.92', 'gallium') AS gallium;
SELECT to_content('811292', 1000);
SELECT to_content('283691', -1);
SELECT to_content('283691', 'NaN');
SELECT to_content(NULL, 1);
SELECT trade_content('283691', 'lithium', 'middle');

-- HS2022 splits map back whole; the forward direction has no invented weights
SELECT * FROM hs_convert('811231', 'H6', 'H5');
SELECT * FROM hs_convert('810610', 'H6', 'H5');
SELECT * FROM hs_convert('283691', 'H4', 'H6');
SELECT * FROM hs_convert('810600', 'H5', 'H6');
