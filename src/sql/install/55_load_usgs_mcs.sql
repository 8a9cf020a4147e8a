-- ---------------------------------------------------------------------------
-- The USGS MCS data releases into production and reserves (the world tables
-- of every chapter) and capacity: one path for every layout
-- ---------------------------------------------------------------------------
-- usgs_mcs_country(name): a country name as the MCS files print it.  Seen in
-- the MCS2023/MCS2024 per-commodity world files (data/usgs/mcs2023, mcs2024)
-- and the MCS2026 long table: glued footnote numbers ("China6", "World total
-- (rounded)10"), a glued estimate mark e ("Argentinae", "Korea, Republic ofe";
-- the PDF prints it as a superscript e), a kind in parentheses or after a
-- comma ("Brazil (beneficiated)", "Argentina, crude ore"), world totals with
-- their kind ("World total (ilmenite, rounded)", "World total, natural"),
-- "Other countries" and "Other", no-break spaces.  The name is tried as
-- printed (without footnote numbers) first, so "Korea, Republic of" and
-- "Congo (Kinshasa)" keep their comma and parentheses.
CREATE OR REPLACE FUNCTION @extschema@.usgs_mcs_country(name text, OUT country @extschema@.country, OUT estimated bool) RETURNS record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH n AS (
		SELECT btrim(regexp_replace(btrim(replace(name, U&'\00A0', ' ')), '([^0-9 ])[0-9]{1,2}$', '\1')) AS printed),
	tries AS (
		SELECT t.candidate, t.ord, t.ord > 3 AS estimated
		FROM n, LATERAL (VALUES (n.printed, 1), (regexp_replace(n.printed, '\s*\([^()]*\)$', ''), 2),
		                        (regexp_replace(n.printed, ',[^,]*$', ''), 3),
		                        (CASE WHEN n.printed ~ '[a-z]e$' THEN left(n.printed, -1) END, 4)) t (candidate, ord))
	SELECT CASE WHEN n.printed ~* '^world total' THEN 'WLD'::@extschema@.country
	            WHEN n.printed ~* '^other( countries)?e?($|[ (,])' THEN 'XAN'::@extschema@.country
	            ELSE (SELECT t.candidate::@extschema@.country FROM tries t
	                  WHERE t.candidate <> '' AND @extschema@.is_valid_country(t.candidate) ORDER BY t.ord LIMIT 1) END,
	       CASE WHEN n.printed ~* '^world total' THEN false
	            WHEN n.printed ~* '^other( countries)?e?($|[ (,])' THEN n.printed ~* '^other( countries)?e($|[ (,])'
	            ELSE coalesce((SELECT t.estimated FROM tries t
	                           WHERE t.candidate <> '' AND @extschema@.is_valid_country(t.candidate) ORDER BY t.ord LIMIT 1), false) END
	FROM n;
END;
COMMENT ON FUNCTION @extschema@.usgs_mcs_country(text) IS
	'a country name as the USGS MCS files print it into (country, estimated): footnote numbers glued on dropped, a glued estimate mark e read as estimated (Argentinae), a kind in parentheses or after a comma dropped when the rest is a country (Brazil (beneficiated), Argentina, crude ore), World total ... = WLD, Other countries = XAN; country NULL when no country is named (e.g. United States and Canada)';

-- usgs_mcs_statistic_name(statistics, detail): the name a US salient
-- statistic of the MCS2026 long table is stored under in published_statistic:
-- its Statistics_detail in snake case (lower case, every run of other
-- characters one underscore, % as percent, apostrophes dropped), so
-- "Production: Mineral concentrates" is production_mineral_concentrates and
-- "Imports for consumption" imports_for_consumption.  Net import reliance
-- takes the names the per-commodity salient files of MCS2023/MCS2024 get
-- (NIR_pct, NIR_Compounds-Metals_pct: see load_usgs_mcs_file) and the views
-- read: "Net import reliance as a percentage of apparent consumption" is
-- net_import_reliance, with what follows or precedes it appended
-- (": Compounds and metals" -> net_import_reliance_compounds_and_metals,
-- "Granite only: ... (based on value)" -> net_import_reliance_granite_only_based_on_value);
-- a basis other than apparent consumption is kept in the name
-- (net_import_reliance_of_estimated_consumption); a Net import reliance row
-- whose detail is a sentence ("The United States was 100% net import
-- reliant for its cesium needs") is net_import_reliance.  The long table
-- misspells "relianceas" twice; it is read as "reliance as".
CREATE OR REPLACE FUNCTION @extschema@.usgs_mcs_statistic_name(statistics text, detail text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	WITH d AS (
		SELECT lower(btrim(regexp_replace(replace(coalesce(detail, ''), U&'\00A0', ' '), 'relianceas', 'reliance as', 'gi'))) AS d),
	m AS (
		SELECT d.d, regexp_match(d.d, '^(.*?)net import reliance as a percentage of (.*?) ?consumption(.*)$') AS p FROM d)
	SELECT CASE WHEN btrim(statistics) ~* '^net import reliance$' AND m.p IS NULL THEN 'net_import_reliance'
	            ELSE btrim(regexp_replace(replace(regexp_replace(
	                     CASE WHEN m.p IS NULL THEN m.d
	                          ELSE 'net import reliance '
	                               || CASE WHEN m.p[2] = 'apparent' THEN '' ELSE 'of ' || m.p[2] || ' consumption ' END
	                               || m.p[1] || ' ' || m.p[3] END,
	                     U&'[''\2019]', '', 'g'), '%', ' percent'), '[^a-z0-9]+', '_', 'g'), '_') END
	FROM m;
END;
COMMENT ON FUNCTION @extschema@.usgs_mcs_statistic_name(text, text) IS
	'the published_statistic name of a US salient statistic of the MCS2026 long table, from its Statistics and Statistics_detail: the detail in snake case (Production: Mineral concentrates -> production_mineral_concentrates), net import reliance as net_import_reliance[_<what the detail adds>] (Net import reliance as a percentage of apparent consumption: Compounds and metals -> net_import_reliance_compounds_and_metals), the names the MCS2023/MCS2024 salient files get; a basis other than apparent consumption kept (net_import_reliance_of_estimated_consumption)';

-- usgs_mcs_load_rows(edition, source, commodity): what the loaders share.  It
-- reads this session's pg_temp.rareearth_mcs_long (the rows of one file in
-- the long layout of the MCS2026 release, as filled by load_usgs_mcs and
-- load_usgs_mcs_file), writes production, reserves and published_statistic
-- (capacity, and the US salient statistics of every commodity),
-- and leaves pg_temp.rareearth_mcs_rows: one row per long row with its
-- refusal reason (NULL when loaded) or why it was left out (out_of_scope:
-- another table, commodity not selected).
CREATE OR REPLACE FUNCTION @extschema@.usgs_mcs_load_rows(edition text, source text, commodity text[]) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
	cover_year int;
BEGIN
	IF usgs_mcs_load_rows.edition IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'null_value_not_allowed', MESSAGE = 'the USGS MCS edition is NULL',
			HINT = 'Name the edition MCS followed by its cover year, e.g. MCS2026.';
	END IF;
	IF usgs_mcs_load_rows.edition !~ '^MCS[0-9]{4}$' THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('invalid USGS MCS edition "%s"', usgs_mcs_load_rows.edition),
			HINT = 'Name the edition MCS followed by its cover year, e.g. MCS2026.';
	END IF;
	cover_year := substr(usgs_mcs_load_rows.edition, 4)::int;

	-- every staged row, classified once: in scope or not, and why it is refused.
	-- In scope: the world tables of every chapter (Section "World ..."),
	-- statistics Production, Reserves and Capacity.  The commodity is the row's
	-- (MCS chapter, Commodity) in commodities; a detail naming a kind
	-- ("Mine production: Bentonite", "Reserves: Cr2O3 content") is a series
	-- of its own ("clays: bentonite") when the file prints a world total for
	-- it, else a country's form of the commodity's main series (kept in detail);
	-- so is a production detail that names a product (Raw steel, Silicon metal).
	-- A per-commodity file gives the kind itself (given_kind, see
	-- load_usgs_mcs_file); it names a series only where the file prints
	-- several kinds of one statistic and stage.
	-- Quantities are converted into the commodity's canonical unit
	-- (commodities.unit; the printed unit is kept in published_unit).
	-- The US salient statistics (Section "Salient Statistics, United States":
	-- production, imports, exports, consumption, prices, stocks, employment,
	-- net import reliance) are figures of published_statistic as printed:
	-- value and unit as printed (metric tons, dollars per kilogram, percent,
	-- ...; no conversion), statistic named by usgs_mcs_statistic_name, the
	-- qualifier by parse_usgs_value's reading of the USGS legend (>, <, W,
	-- NA, E only for net import reliance) and estimated when the cell or its
	-- notes ("Estimated.") say so; a negative figure is kept as printed
	-- (stock releases).  The commodity is the row's (MCS chapter, Commodity)
	-- in commodities (the name compared without case: "Iron And Steel
	-- Scrap"); a Commodity that names no commodity of the chapter, such as an
	-- element of a price row ("Cerium" in RARE EARTHS, "Iridium" in
	-- PLATINUM-GROUP METALS, "Hafnium" in ZIRCONIUM AND HAFNIUM), is the
	-- chapter's commodity when the chapter has one, else the commodity named
	-- as the chapter (platinum-group metals), else the row is refused with
	-- the chapter's commodities named ("Argon" in HELIUM AND RARE GASES).
	-- Such a row's statistic ends in its Commodity (in snake case) unless
	-- the name has it already: DIAMOND (INDUSTRIAL) prints two tables,
	-- "Diamond (Bort, grit, ...)" and "Diamond (Stones, ...)", under the same
	-- details (net_import_reliance_diamond_stones_natural_and_synthetic),
	-- while "Price ...: Cerium oxide" of Commodity "Cerium" stays as it is.
	-- Rows that still name the same statistic and year twice (MICA (NATURAL)
	-- prints its sheet-mica table under the same Commodity and details as
	-- scrap and flake) are refused after the first, as duplicates.
	CREATE TEMP TABLE rareearth_mcs_rows ON COMMIT DROP AS
	WITH raw AS (
		SELECT r.ord, r.line, r.record, btrim(replace(r.country_name, U&'\00A0', ' ')) AS country_name,
		       r.chapter, r.usgs_name, r.section, r.statistic,
		       regexp_replace(btrim(replace(r.detail, U&'\00A0', ' ')), '(: |, )rounded$', '') AS detail,
		       btrim(r.published_unit) AS published_unit,
		       btrim(r.year_text) AS year_text, r.cell, r.notes, r.kind_given, r.given_kind
		FROM pg_temp.rareearth_mcs_long r
		WHERE r.section LIKE 'World%' AND r.statistic IN ('Production', 'Reserves', 'Capacity')),
	staged AS (
		SELECT raw.*,
		       CASE WHEN raw.statistic = 'Reserves' THEN NULL
		            WHEN raw.usgs_name = 'Alumina' THEN 'separation'
		            WHEN raw.detail ~* 'mine production|mineral concentrates' THEN 'mining'
		            WHEN raw.detail ~* 'refinery|smelter|primary production|sponge metal|silicon metal|ferrosilicon|pig iron|raw steel' THEN 'metal'
		            WHEN raw.section ~* 'mine' THEN 'mining'
		            ELSE 'product' END::@extschema@.supply_stage AS stage
		FROM raw),
	ranked AS (
		-- how many kinds a per-commodity file prints for one statistic and stage
		SELECT st.*, dense_rank() OVER (PARTITION BY st.chapter, st.usgs_name, st.statistic, st.stage ORDER BY st.given_kind) AS kind_rank
		FROM staged st),
	kinds AS (
		SELECT st.*,
		       CASE WHEN st.kind_given THEN
		                 CASE WHEN max(st.kind_rank) OVER (PARTITION BY st.chapter, st.usgs_name, st.statistic, st.stage) > 1 THEN st.given_kind END
		            WHEN st.statistic = 'Production' AND st.detail !~* 'production' THEN lower(st.detail)  -- Pig iron, Raw steel, Ferrosilicon, Silicon metal
		            WHEN st.detail ~ '^Mica \(' THEN lower(substring(st.detail FROM '^Mica \(([^)]*)\)'))
		            ELSE nullif(nullif(lower(coalesce(substring(st.detail FROM ': (.*)$'), substring(st.detail FROM '—(.*)$'))),
		                               lower(st.usgs_name)), 'all forms') END AS kind
		FROM ranked st),
	series AS (
		SELECT k.*,
		       CASE WHEN bool_or(k.country_name ~* '^world total')
		                 OVER (PARTITION BY k.chapter, k.usgs_name, k.statistic, k.kind) THEN k.kind END AS series_kind
		FROM kinds k),
	checked AS (
		SELECT s.*, c.name || coalesce(': ' || s.series_kind, '') AS commodity, c.unit,
		       @extschema@.usgs_unit_factor(s.published_unit, c.unit) AS factor,
		       c.name IS NULL AS unknown_commodity,
		       CASE WHEN usgs_mcs_load_rows.commodity IS NOT NULL AND NOT c.name = ANY (usgs_mcs_load_rows.commodity)
		            THEN 'commodity not selected' END AS out_of_scope,
		       n.country, coalesce(n.estimated, false) AS name_estimated,
		       CASE WHEN s.year_text ~ '^[0-9]{4}$' THEN s.year_text::int END AS year,
		       @extschema@.usgs_value_problem(coalesce(s.cell, '')) AS cell_problem
		FROM series s
		LEFT JOIN @extschema@.commodities c ON c.usgs_chapter = s.chapter AND c.usgs_name = s.usgs_name
		LEFT JOIN LATERAL @extschema@.usgs_mcs_country(s.country_name) n ON true),
	parsed AS (
		SELECT c.*, p.value * c.factor AS value, p.qualifier AS printed_qualifier, p.estimated
		FROM checked c
		LEFT JOIN LATERAL @extschema@.parse_usgs_value(CASE WHEN c.cell_problem IS NULL THEN c.cell END) p ON true),
	salient AS (
		SELECT r.ord, r.line, r.record, btrim(replace(r.country_name, U&'\00A0', ' ')) AS country_name,
		       btrim(r.chapter) AS chapter, btrim(replace(r.usgs_name, U&'\00A0', ' ')) AS usgs_name,
		       coalesce(r.statistic ~* '^\s*net import reliance\s*$', false) AS nir,
		       @extschema@.usgs_mcs_statistic_name(r.statistic, r.detail) AS name,
		       coalesce(nullif(btrim(replace(r.published_unit, U&'\00A0', ' ')), ''), 'not printed') AS published_unit,
		       btrim(r.year_text) AS year_text, r.cell, coalesce(r.notes, '') ~ '^\s*Estimated\.' AS notes_estimated
		FROM pg_temp.rareearth_mcs_long r
		WHERE btrim(r.section) LIKE 'Salient Statistics%'),
	salient_checked AS (
		SELECT s.ord, s.line, s.record, s.country_name, s.chapter, s.usgs_name, s.nir, s.published_unit, s.year_text, s.cell,
		       s.notes_estimated, m.name AS commodity,
		       -- a row named after a part of its commodity (Diamond (Stones, ...),
		       -- Industrial cultured quartz crystal) says which part in its name
		       CASE WHEN m.exact OR strpos(s.name, k.part) > 0 THEN s.name ELSE s.name || '_' || k.part END AS name,
		       (SELECT string_agg(c.name, ', ' ORDER BY c.name) FROM @extschema@.commodities c WHERE c.usgs_chapter = s.chapter) AS chapter_commodities,
		       CASE WHEN usgs_mcs_load_rows.commodity IS NOT NULL
		             AND NOT EXISTS (SELECT FROM @extschema@.commodities c
		                             WHERE c.usgs_chapter = s.chapter AND c.name = ANY (usgs_mcs_load_rows.commodity)
		                               AND (m.name IS NULL OR c.name = m.name))
		            THEN 'commodity not selected' END AS out_of_scope,
		       n.country, CASE WHEN s.year_text ~ '^[0-9]{4}$' THEN s.year_text::int END AS year,
		       @extschema@.usgs_value_problem(coalesce(s.cell, '')) AS cell_problem
		FROM salient s
		LEFT JOIN LATERAL (
			SELECT e.name IS NOT NULL AS exact,
			       coalesce(e.name,
			           (SELECT min(c.name) FROM @extschema@.commodities c WHERE c.usgs_chapter = s.chapter HAVING count(*) = 1),
			           (SELECT c.name FROM @extschema@.commodities c WHERE c.usgs_chapter = s.chapter AND lower(c.usgs_name) = lower(s.chapter))) AS name
			FROM (SELECT (SELECT c.name FROM @extschema@.commodities c
			              WHERE c.usgs_chapter = s.chapter AND lower(c.usgs_name) = lower(s.usgs_name)) AS name) e) m ON true
		CROSS JOIN LATERAL (SELECT @extschema@.usgs_mcs_statistic_name(NULL, s.usgs_name) AS part) k
		LEFT JOIN LATERAL @extschema@.usgs_mcs_country(s.country_name) n ON true),
	salient_parsed AS (
		SELECT c.*, p.value, p.qualifier AS printed_qualifier, coalesce(p.estimated, false) OR c.notes_estimated AS estimated
		FROM salient_checked c
		LEFT JOIN LATERAL @extschema@.parse_usgs_value(CASE WHEN c.cell_problem IS NULL THEN c.cell END) p ON true)
	SELECT p.ord, p.line, p.record, p.statistic, p.country, p.year, p.value, p.commodity, p.stage, p.unit,
	       p.published_unit, p.detail, p.out_of_scope,
	       -- a bound or code as printed; otherwise e when the cell, its notes or the country name say so
	       coalesce(p.printed_qualifier,
	                CASE WHEN p.estimated OR p.notes LIKE 'Estimated.%' OR p.name_estimated THEN 'e' END) AS qualifier,
	       CASE
	           WHEN p.unknown_commodity THEN format('unknown commodity "%s" of chapter "%s"', p.usgs_name, p.chapter)
	           WHEN p.out_of_scope IS NOT NULL THEN NULL
	           WHEN p.country IS NULL AND p.country_name ~ ' and ' THEN format('countries reported together ("%s")', p.country_name)
	           WHEN p.country IS NULL THEN format('unknown country name "%s"', p.country_name)
	           WHEN p.year IS NULL THEN format('year "%s" is not a single year', p.year_text)
	           WHEN p.factor IS NULL THEN format('unit "%s" cannot be converted to %s, the unit of %s', p.published_unit, p.unit, p.commodity)
	           WHEN p.cell_problem IS NOT NULL THEN format('value "%s": %s', p.cell, p.cell_problem)
	           WHEN p.printed_qualifier = 'E' THEN 'value E (net exporter) outside a net import reliance row'
	           WHEN p.value < 0 THEN format('negative quantity %s', p.value)
	       END AS reason,
	       NULL::bool AS estimated
	FROM parsed p
	UNION ALL
	-- the US salient statistics: statistic 'Salient', the published_statistic
	-- name in detail, the unit as printed
	SELECT p.ord, p.line, p.record, 'Salient', p.country, p.year, p.value, p.commodity, NULL, p.published_unit,
	       p.published_unit, p.name, p.out_of_scope,
	       coalesce(p.printed_qualifier, CASE WHEN p.estimated THEN 'e' END),
	       CASE
	           WHEN p.out_of_scope IS NOT NULL THEN NULL
	           WHEN p.commodity IS NULL AND p.chapter_commodities IS NULL
	                THEN format('unknown commodity "%s" of chapter "%s"', p.usgs_name, p.chapter)
	           WHEN p.commodity IS NULL
	                THEN format('commodity "%s" of chapter "%s" is none of the chapter''s commodities (%s), and the chapter has several',
	                            p.usgs_name, p.chapter, p.chapter_commodities)
	           WHEN p.country IS NULL THEN format('unknown country name "%s"', p.country_name)
	           WHEN p.year IS NULL THEN format('year "%s" is not a single year', p.year_text)
	           WHEN p.cell_problem IS NOT NULL THEN format('value "%s": %s', p.cell, p.cell_problem)
	           WHEN p.printed_qualifier = 'E' AND NOT p.nir THEN 'value E (net exporter) outside a net import reliance row'
	       END,
	       p.estimated
	FROM salient_parsed p
	UNION ALL
	-- the rows of other tables, with why they are not loaded (a blank
	-- Section or Statistics names no table: such a row is here too, so
	-- that it is filed, not only counted)
	SELECT r.ord, r.line, r.record, r.statistic, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	       CASE WHEN coalesce(btrim(r.section), '') = '' THEN 'blank section: no table named'
	            WHEN r.section LIKE 'World%' AND coalesce(btrim(r.statistic), '') = '' THEN 'blank statistic in a world table'
	            WHEN r.section LIKE 'World%' THEN format('statistic "%s" is not loaded (only Production, Reserves, Capacity)', r.statistic)
	            ELSE format('not a world table (section "%s")', r.section) END,
	       NULL, NULL, NULL
	FROM pg_temp.rareearth_mcs_long r
	WHERE NOT coalesce(r.section LIKE 'World%' AND r.statistic IN ('Production', 'Reserves', 'Capacity'), false)
	  AND NOT coalesce(btrim(r.section) LIKE 'Salient Statistics%', false);

	-- a year no data release can print (before 1900 or after 2100, as the
	-- trade loaders read years) is a bad field: its row is refused, and the
	-- edition check below reads the other rows' years
	UPDATE pg_temp.rareearth_mcs_rows m SET reason = format('year "%s" is not a year 1900-2100', m.year)
	WHERE m.reason IS NULL AND m.out_of_scope IS NULL AND m.year NOT BETWEEN 1900 AND 2100;

	-- the file must be the edition it is loaded as: MCSyyyy reports the years
	-- yyyy-2 and yyyy-1 (production) and reserves as of yyyy-1; anything else
	-- is an error that loads nothing (MCS2026's figures stored as MCS2019
	-- would be silently wrong)
	-- (a reserves row may quote an older national estimate: MCS2026 gives
	-- Australia's scandium reserves as of 2023, so reserves may be as of up
	-- to three years before the cover year; the salient statistics cover
	-- the five years yyyy-5 to yyyy-1)
	IF EXISTS (SELECT 1 FROM pg_temp.rareearth_mcs_rows m
	           WHERE m.year BETWEEN 1900 AND 2100 AND m.out_of_scope IS NULL
	             AND CASE WHEN m.statistic = 'Reserves' THEN m.year NOT BETWEEN cover_year - 3 AND cover_year - 1
	                      WHEN m.statistic = 'Salient' THEN m.year NOT BETWEEN cover_year - 5 AND cover_year - 1
	                      ELSE m.year NOT IN (cover_year - 2, cover_year - 1) END) THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('the staged file reports the years %s to %s, not those of %s (%s and %s)',
				(SELECT min(m.year) FROM pg_temp.rareearth_mcs_rows m WHERE m.year BETWEEN 1900 AND 2100),
				(SELECT max(m.year) FROM pg_temp.rareearth_mcs_rows m WHERE m.year BETWEEN 1900 AND 2100),
				usgs_mcs_load_rows.edition, cover_year - 2, cover_year - 1),
			HINT = format('Load it as MCS%s.', (SELECT max(m.year) FROM pg_temp.rareearth_mcs_rows m WHERE m.year BETWEEN 1900 AND 2100) + 1);
	END IF;

	-- the same key twice in one file: rows after the first in file order are refused, not merged
	UPDATE pg_temp.rareearth_mcs_rows m SET reason = 'duplicate of an earlier row for the same commodity, country, year and statistic'
	FROM (SELECT ctid, row_number() OVER (PARTITION BY statistic, commodity, stage, country,
	                                                       CASE WHEN statistic <> 'Reserves' THEN year END,
	                                                       CASE WHEN statistic IN ('Capacity', 'Salient') THEN detail END
	                                     ORDER BY ord) AS n
	      FROM pg_temp.rareearth_mcs_rows WHERE reason IS NULL AND out_of_scope IS NULL) d
	WHERE m.ctid = d.ctid AND d.n > 1;

	INSERT INTO @extschema@.production AS t (country, year, commodity, stage, quantity_t, qualifier, series, edition, source,
	                                         unit, published_unit, detail)
	SELECT country, year, commodity, stage, value, qualifier, 'MCS', usgs_mcs_load_rows.edition, usgs_mcs_load_rows.source,
	       unit, published_unit, detail
	FROM pg_temp.rareearth_mcs_rows WHERE reason IS NULL AND out_of_scope IS NULL AND statistic = 'Production'
	ON CONFLICT (country, year, commodity, stage, edition) DO UPDATE
		SET quantity_t = excluded.quantity_t, qualifier = excluded.qualifier, source = excluded.source,
		    unit = excluded.unit, published_unit = excluded.published_unit, detail = excluded.detail
		WHERE (t.quantity_t, t.qualifier, t.source, t.unit, t.published_unit, t.detail)
		      IS DISTINCT FROM (excluded.quantity_t, excluded.qualifier, excluded.source, excluded.unit, excluded.published_unit, excluded.detail);

	-- an edition's reserves are as of the year in its Year column (its cover year minus one)
	INSERT INTO @extschema@.reserves AS t (country, commodity, as_of_year, quantity_t, qualifier, series, edition, source,
	                                       unit, published_unit, detail)
	SELECT country, commodity, year, value, qualifier, 'MCS', usgs_mcs_load_rows.edition, usgs_mcs_load_rows.source,
	       unit, published_unit, detail
	FROM pg_temp.rareearth_mcs_rows WHERE reason IS NULL AND out_of_scope IS NULL AND statistic = 'Reserves'
	ON CONFLICT (country, commodity, edition) DO UPDATE
		SET as_of_year = excluded.as_of_year, quantity_t = excluded.quantity_t,
		    qualifier = excluded.qualifier, source = excluded.source,
		    unit = excluded.unit, published_unit = excluded.published_unit, detail = excluded.detail
		WHERE (t.as_of_year, t.quantity_t, t.qualifier, t.source, t.unit, t.published_unit, t.detail)
		      IS DISTINCT FROM (excluded.as_of_year, excluded.quantity_t, excluded.qualifier, excluded.source,
		                        excluded.unit, excluded.published_unit, excluded.detail);

	-- capacity is no production: the printed figures go to published_statistic
	-- (statistic "capacity: <detail as printed>", in the commodity's unit);
	-- so do the US salient statistics, as printed (the unit as printed)
	INSERT INTO @extschema@.published_statistic AS t (country, commodity, statistic, year, value, unit, qualifier, estimated, edition, source)
	SELECT country, commodity, CASE WHEN statistic = 'Capacity' THEN 'capacity: ' || lower(detail) ELSE detail END, year, value, unit,
	       qualifier, coalesce(estimated, qualifier = 'e', false), usgs_mcs_load_rows.edition, usgs_mcs_load_rows.source
	FROM pg_temp.rareearth_mcs_rows WHERE reason IS NULL AND out_of_scope IS NULL AND statistic IN ('Capacity', 'Salient')
	ON CONFLICT (country, commodity, statistic, year, edition) DO UPDATE
		SET value = excluded.value, unit = excluded.unit, qualifier = excluded.qualifier,
		    estimated = excluded.estimated, source = excluded.source
		WHERE (t.value, t.unit, t.qualifier, t.estimated, t.source)
		      IS DISTINCT FROM (excluded.value, excluded.unit, excluded.qualifier, excluded.estimated, excluded.source);
END
$fn$;
COMMENT ON FUNCTION @extschema@.usgs_mcs_load_rows(text, text, text[]) IS
	'loader helper shared by load_usgs_mcs and load_usgs_mcs_file: moves the world tables (Production, Reserves, Capacity) of this session''s pg_temp.rareearth_mcs_long (one file in the long layout of the MCS2026 release) into production, reserves and published_statistic, and its US salient statistics (Section Salient Statistics...) into published_statistic as printed (statistic named by usgs_mcs_statistic_name, unit as printed; a Commodity that is an element or part of its chapter''s commodity is that commodity, or refused when the chapter has several), under the edition, with source as the rows'' source, only the commodities named (NULL: all); leaves each row''s outcome in pg_temp.rareearth_mcs_rows (reason NULL and out_of_scope NULL = loaded; out_of_scope = left out: another table, commodity not selected); the years must be the edition''s (salient statistics: the five years before the cover year), else an error that loads nothing';

-- load_usgs_mcs(edition): the rows staged with \copy into pg_temp.usgs_mcs_raw
-- (the MCS2026 long table, see stage)
CREATE OR REPLACE FUNCTION @extschema@.load_usgs_mcs(edition text,
	OUT rows_loaded bigint, OUT rows_rejected bigint, OUT rows_out_of_scope bigint) RETURNS record
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
BEGIN
	-- usgs_mcs_load_rows checks the edition's form; a NULL one is refused
	-- before the staging table is looked for
	PERFORM @extschema@.open_load('usgs_mcs'::text, null_argument => CASE WHEN load_usgs_mcs.edition IS NULL THEN 'USGS MCS edition' END,
		hint => 'Name the edition of the staged file, e.g. load_usgs_mcs(''MCS2026'').');
	CREATE TEMP TABLE rareearth_mcs_long ON COMMIT DROP AS
	SELECT row_number() OVER (ORDER BY r.ctid) AS ord, NULL::int AS line, to_jsonb(r) AS record,
	       r."MCS chapter" AS chapter, r."Commodity" AS usgs_name, r."Section" AS section, r."Country" AS country_name,
	       r."Statistics" AS statistic, r."Statistics_detail" AS detail, r."Unit" AS published_unit,
	       r."Year" AS year_text, r."Value" AS cell, r."Notes" AS notes, false AS kind_given, NULL::text AS given_kind
	FROM pg_temp.usgs_mcs_raw r;
	PERFORM @extschema@.usgs_mcs_load_rows(load_usgs_mcs.edition,
		format('USGS Mineral Commodity Summaries data release, %s (load_usgs_mcs)', load_usgs_mcs.edition), NULL::text[]);

	-- refused rows, and the rows of other tables (severity out_of_scope)
	CREATE TEMP TABLE rareearth_rejects ON COMMIT DROP AS
	SELECT coalesce(reason, out_of_scope) AS reason, record,
	       CASE WHEN reason IS NULL THEN 'out_of_scope' END AS severity, NULL::int AS line
	FROM pg_temp.rareearth_mcs_rows WHERE reason IS NOT NULL OR out_of_scope IS NOT NULL;
	PERFORM @extschema@.record_staged_rejects('usgs_mcs'::text, load_usgs_mcs.edition, NULL::text);

	SELECT count(*) FILTER (WHERE reason IS NULL AND out_of_scope IS NULL), count(*) FILTER (WHERE reason IS NOT NULL)
	INTO rows_loaded, rows_rejected FROM pg_temp.rareearth_mcs_rows;
	SELECT count(*) - rows_loaded - rows_rejected INTO rows_out_of_scope FROM pg_temp.usgs_mcs_raw;
	TRUNCATE pg_temp.usgs_mcs_raw;
	DROP TABLE pg_temp.rareearth_mcs_rows, pg_temp.rareearth_mcs_long;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_usgs_mcs(text) IS
	'moves the world tables of every commodity (Section World ..., statistics Production, Reserves, Capacity; their years must be the edition''s: MCSyyyy reports yyyy-2 and yyyy-1, reserves as of yyyy-3 to yyyy-1, else an error that loads nothing; a NULL edition is an error, 22004) and the US salient statistics of every commodity (production, imports, exports, consumption, prices, stocks, employment, net import reliance of yyyy-5 to yyyy-1, as printed, named by usgs_mcs_statistic_name) of this session''s staging table pg_temp.usgs_mcs_raw (the MCS data-release CSV, see stage) into production, reserves and (capacity, salient statistics) published_statistic under the given edition (e.g. MCS2026), values parsed by parse_usgs_value and converted into the commodity''s canonical unit (commodities.unit; the printed unit kept in published_unit); refused rows go to load_rejects with the reason; other sections are counted as out of scope and filed there too (severity out_of_scope); empties the staging table; loads run one at a time; loading the same file twice changes nothing (load_usgs_mcs_file reads a downloaded file of any MCS layout without \copy)';
