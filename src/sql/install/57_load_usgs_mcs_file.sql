-- ---------------------------------------------------------------------------
-- load_usgs_mcs_file(content, ...): one USGS MCS data-release file as
-- downloaded, of any edition and layout, without \copy
-- ---------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION @extschema@.read_csv(content text, max_record_bytes int DEFAULT 0, source text DEFAULT NULL,
	OUT line int, OUT fields text[]) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'read_csv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.read_csv(text, int, text) IS
	'the records of CSV text (RFC 4180: fields separated by commas, double quotes around fields holding commas, quotes or line breaks, a quote inside written twice; records ended by CRLF, LF or CR), each with the line it starts on and its fields as printed (text after a closing quote kept, as Python''s csv module does); an unterminated quoted field is an error (22P04), so is a record longer than max_record_bytes (54000; 0 or NULL: no bound); source names the text in messages (NULL: the CSV text); NULL content: no records';

-- usgs_mcs_file_commodity(code, statistic, label): the commodity of a value
-- of a per-commodity file (MCS2020-MCS2025).  The file code names it
-- (commodities.file_codes) except for four codes that name several, where
-- the column's own words, else the row's Type (label), say which: bauxi (bauxite,
-- alumina), plati (palladium, platinum; reserves and the other metals are
-- the platinum-group metals: the platinum rows' reserves "Include all
-- platinum-group metals"), titan (sponge metal, TiO2 pigment), heliu (the
-- files hold helium only).
CREATE OR REPLACE FUNCTION @extschema@.usgs_mcs_file_commodity(code text, statistic text, label text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT CASE WHEN (SELECT count(*) FROM @extschema@.commodities c WHERE code = ANY (c.file_codes)) = 1
	            THEN (SELECT c.name FROM @extschema@.commodities c WHERE code = ANY (c.file_codes))
	            ELSE CASE code
	                     WHEN 'bauxi' THEN CASE WHEN label ~* 'alumina' THEN 'alumina' ELSE 'bauxite' END
	                     WHEN 'plati' THEN CASE WHEN label ~* 'palladium' THEN 'palladium'
	                                            WHEN statistic = 'Reserves' OR label ~* 'pgm|iridium|osmium|rhodium|ruthenium|platinum-group' THEN 'platinum-group metals'
	                                            WHEN label ~* 'platinum' THEN 'platinum' ELSE 'platinum-group metals' END
	                     WHEN 'titan' THEN CASE WHEN label ~* 'pigment|dioxide' THEN 'tio2 pigment' ELSE 'titanium sponge metal' END
	                     WHEN 'heliu' THEN 'helium' END END;
END;
COMMENT ON FUNCTION @extschema@.usgs_mcs_file_commodity(text, text, text) IS
	'the canonical commodity of a value of a USGS MCS per-commodity file: the one commodity of its file code (commodities.file_codes), or, for the codes that name several (bauxi, plati, titan, heliu), the one its label (the row''s Type and the column name) names; NULL when none';

-- The layouts (data/usgs/usgs_mcs_format.md):
--   * the MCS2026 data release, one long table of every commodity
--     (doi:10.5066/P1WKQ63T): MCS chapter, Section, Commodity, Country,
--     Statistics, Statistics_detail, Unit, Year, Value, Notes, ...: its
--     world tables and its US salient statistics (usgs_mcs_load_rows);
--     import sources are out of scope;
--   * the MCS2025 world data file of every commodity (MCS2025_World_Data.csv,
--     doi:10.5066/P13XCP3R): SOURCE, COMMODITY, COUNTRY, TYPE, UNIT_MEAS,
--     then value and notes columns as below without units (PROD_2023,
--     PROD_EST_ 2024, RESERVES_2024, RESERVE_NOTES), the unit in UNIT_MEAS;
--   * the per-commodity world files of the MCS2020-MCS2024 releases
--     (mcs2023-lithi_world.csv; MCS2023 doi:10.5066/P9WCYUI6): Source,
--     Country, Type, then value columns whose names say statistic, unit,
--     estimate and year (Prod_t_2021, Prod_kt_est_2022, Cap_kg_2022,
--     Reserves_t, Reserves_ore_kt, Prod_Sponge_t_Est_2021) and notes columns
--     (Prod_notes, Reserves_notes); trailing empty columns and all-empty rows;
--   * the per-commodity salient files (DataSource, Commodity, Year, then a
--     column per statistic: USprod_t, Imports_t, Price_dkg, NIR_pct): US
--     salient statistics, into published_statistic as printed (below).
-- A world file's row becomes one long row per value cell printed: Statistics
-- from the column (Prod Production, Cap Capacity, Reserves Reserves; a
-- Prod column of a row whose Type is a capacity, "Clinker capacity", is
-- Capacity), Unit from the column's unit code, Year from the column (a
-- Reserves column without one: as of the cover year minus one), Notes
-- "Estimated." when the column says est or the group's notes say that
-- year was estimated too ("Production in 2021 is also estimated.", "Also
-- estimated in 2022", "Estimated in both years") or, for reserves and
-- capacity, the notes are just "Estimated" ("Estimated capacity");
-- Statistics_detail the row's Type (Reserves: "Reserves" and the column's
-- own words, e.g. "Reserves: ore K2O equiv").  The commodity is the file
-- code's (commodities.file_codes); four codes name several commodities and
-- the row or column says which.  The kind a Type names ("Mine poduction,
-- Bentonite" -> bentonite) is given to usgs_mcs_load_rows, which makes it a
-- series only where the file prints several kinds for one statistic and stage.
CREATE OR REPLACE FUNCTION @extschema@.load_usgs_mcs_file(content bytea, file_name text DEFAULT NULL, edition text DEFAULT NULL,
	commodity text[] DEFAULT NULL,
	OUT rows_loaded bigint, OUT rows_rejected bigint, OUT rows_out_of_scope bigint) RETURNS record
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
	body text;
	header text[];
	layout text;
	file_edition text;
	name_edition text;
	the_edition text;
	years_edition text;
	file_years text;
	first_value_column int;
	code text;
	file_key text;
	long_header CONSTANT text[] := ARRAY['MCS chapter', 'Section', 'Commodity', 'Country', 'Statistics', 'Statistics_detail',
	                                     'Unit', 'Year', 'Value', 'Notes', 'Is critical mineral 2025', 'Other notes'];
	unknown_name text;
	bad_column text;
	shown text := coalesce('file "' || file_name || '"', 'the file');
BEGIN
	IF content IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'null_value_not_allowed', MESSAGE = 'the file content is NULL';
	END IF;
	SELECT n INTO unknown_name FROM unnest(load_usgs_mcs_file.commodity) n
	WHERE n IS NULL OR NOT EXISTS (SELECT FROM @extschema@.commodities c WHERE c.name = n) LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('unknown commodity "%s"', unknown_name),
			HINT = 'Name commodities as rareearth.commodities.name does, e.g. ''rare earths'', ''lithium''.';
	END IF;

	-- the encoding: a UTF-8 byte order mark, else UTF-8 if the bytes are
	-- valid UTF-8, else Windows-1252 (the MCS2026 release; MCS2023 and
	-- MCS2024 files are UTF-8 with a BOM)
	IF substring(content FROM 1 FOR 3) = decode('efbbbf', 'hex') THEN
		body := convert_from(substring(content FROM 4), 'UTF8');
	ELSE
		BEGIN
			body := convert_from(content, 'UTF8');
		EXCEPTION WHEN character_not_in_repertoire THEN
			BEGIN
				body := convert_from(content, 'WIN1252');
			EXCEPTION WHEN character_not_in_repertoire OR untranslatable_character THEN
				RAISE EXCEPTION USING ERRCODE = 'character_not_in_repertoire',
					MESSAGE = format('%s is neither UTF-8 nor Windows-1252 text', shown),
					HINT = 'Load the CSV file as downloaded from USGS.';
			END;
		END;
	END IF;

	CREATE TEMP TABLE rareearth_mcs_file ON COMMIT DROP AS
	-- a record longer than 1 MB is refused before it is copied (no USGS file
	-- has a line near that; a huge one would take minutes and gigabytes)
	SELECT r.line, r.fields, row_number() OVER (ORDER BY r.line) AS n FROM @extschema@.read_csv(body, 1048576, shown) r;
	-- the header up to its last non-empty name (one pass: a wide header must
	-- not cost its width squared)
	SELECT (array_agg(btrim(h) ORDER BY i))[1:max(i) FILTER (WHERE btrim(h) <> '')] INTO header
	FROM pg_temp.rareearth_mcs_file f, unnest(f.fields) WITH ORDINALITY AS u (h, i)
	WHERE f.n = 1;
	layout := CASE WHEN header[1:12] = long_header THEN 'long'
	               WHEN upper(array_to_string(header[1:5], ',')) = 'SOURCE,COMMODITY,COUNTRY,TYPE,UNIT_MEAS' THEN 'world2025'
	               WHEN header[1:2] = ARRAY['Source', 'Country'] AND cardinality(header) >= 4 THEN 'world'
	               WHEN header[1:3] = ARRAY['DataSource', 'Commodity', 'Year'] THEN 'salient' END;
	IF layout IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'bad_copy_file_format',
			MESSAGE = CASE WHEN header IS NULL THEN format('%s is empty', shown)
			               ELSE format('%s is no USGS MCS data-release table', shown) END,
			DETAIL = format('Its first line is: %s', array_to_string(header, ',')),
			HINT = 'load_usgs_mcs_file reads the MCS2026 long table (MCS chapter,Section,Commodity,...), the MCS2025 world data file (SOURCE,COMMODITY,COUNTRY,TYPE,UNIT_MEAS,PROD_2023,...), the per-commodity world files of MCS2020-MCS2024 (Source,Country,Type,Prod_t_2021,...) and their salient files (DataSource,Commodity,Year,...).';
	END IF;

	-- the edition: the file's Source (DataSource) column, else its name
	-- (mcs2023-lithi_world.csv, usgs_mcs2026_commodities_data.csv), else the
	-- caller's; the three must agree
	name_edition := 'MCS' || substring(file_name FROM '(?i)mcs[ _-]?([0-9]{4})');
	IF layout <> 'long' THEN
		SELECT min(e), max(e) INTO file_edition, the_edition
		FROM (SELECT upper(replace(btrim(f.fields[1]), ' ', '')) AS e FROM pg_temp.rareearth_mcs_file f WHERE f.n > 1) s
		WHERE e <> '';
		IF file_edition <> the_edition THEN
			RAISE EXCEPTION USING ERRCODE = 'bad_copy_file_format',
				MESSAGE = format('%s names two editions, %s and %s', shown, file_edition, the_edition);
		END IF;
	END IF;
	the_edition := coalesce(file_edition, name_edition, load_usgs_mcs_file.edition);
	-- the edition the file's years belong to: MCSyyyy prints yyyy-2 and
	-- yyyy-1 in its world tables (the header's years) and yyyy-5 to yyyy-1
	-- in its salient tables (the Year column).  A file whose years are those
	-- of the edition before the one its Source column and name say is that
	-- edition's table relabelled (the MCS2024 release ships the MCS2023
	-- cobalt world table as mcs2024-cobal_salient.csv): refused under either
	-- edition, since its figures would be filed under a file of another edition
	IF layout <> 'long' THEN
		-- (two years at least: one year alone names no edition)
		SELECT CASE WHEN count(DISTINCT y) > 1 THEN 'MCS' || (max(y::int) + 1) END, string_agg(DISTINCT y, ', ')
		INTO years_edition, file_years
		FROM (SELECT (regexp_matches(h, '(?<![0-9])([0-9]{4})(?![0-9])', 'g'))[1] AS y
		      FROM unnest(header[4:]) h WHERE layout IN ('world', 'world2025')
		      UNION ALL
		      SELECT btrim(f.fields[3]) FROM pg_temp.rareearth_mcs_file f
		      WHERE layout = 'salient' AND f.n > 1 AND btrim(f.fields[3]) ~ '^[0-9]{4}$') s;
		IF years_edition IS NOT NULL AND the_edition IS NOT NULL AND years_edition <> the_edition
		   AND the_edition ~ '^MCS[0-9]{4}$' AND substr(years_edition, 4)::int < substr(the_edition, 4)::int THEN
			RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
				MESSAGE = format('%s is the %s table relabelled as %s', shown, years_edition, the_edition),
				DETAIL = format('Its %s says %s, but its years (%s) are those of %s; nothing was loaded.',
					CASE WHEN file_edition IS NOT NULL THEN 'Source column' ELSE 'name' END, the_edition,
					file_years,
					years_edition),
				HINT = format('Load %s''s figures from the %s release''s own file (mcs%s-%s); for %s''s, download the file again from the %s data release. Neither edition is loaded from this file.',
					years_edition, years_edition, substr(years_edition, 4),
					coalesce(substring(file_name FROM '(?i)mcs ?[0-9]{4}-?([a-z][a-z0-9-]*_)(?:world|salient)\.csv$') || 'world.csv', '<code>_world.csv'),
					the_edition, the_edition);
		END IF;
	END IF;
	IF the_edition IS NULL OR the_edition !~ '^MCS[0-9]{4}$' THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('the edition of %s is not known', shown),
			HINT = 'Give the file name as downloaded (it names the edition, e.g. usgs_mcs2026_commodities_data.csv) or the edition, e.g. edition => ''MCS2026''.';
	END IF;
	IF the_edition <> coalesce(name_edition, the_edition) OR the_edition <> coalesce(load_usgs_mcs_file.edition, the_edition) THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('%s is edition %s, not %s', shown, the_edition,
				CASE WHEN the_edition <> coalesce(load_usgs_mcs_file.edition, the_edition) THEN load_usgs_mcs_file.edition ELSE name_edition END),
			DETAIL = format('Its %s says %s.', CASE WHEN file_edition IS NOT NULL THEN 'Source column' ELSE 'name' END, the_edition),
			HINT = 'Load each file as the edition it is; nothing was loaded.';
	END IF;

	PERFORM @extschema@.open_load('usgs_mcs'::text, from_file => true);
	-- rejects are filed per file: under its name, or its checksum when it has none
	file_key := coalesce(file_name, 'md5:' || md5(content));

	-- the file's data rows in the long layout of the MCS2026 release; ord
	-- the row's number * 2^21 + the column's (a 1 MB record has fewer
	-- fields).  A cell of a wide layout keeps only {column, column_number} in
	-- record, joined to its row's record when it is rejected: a copy of the
	-- whole row per cell would cost the row's width squared
	CREATE TEMP TABLE rareearth_mcs_long (ord bigint, line int, record jsonb, chapter text, usgs_name text, section text,
		country_name text, statistic text, detail text, published_unit text, year_text text, cell text, notes text,
		kind_given bool, given_kind text) ON COMMIT DROP;
	-- the rows left out before that: all-empty rows, other tables
	CREATE TEMP TABLE rareearth_mcs_skipped (line int, record jsonb, reason text) ON COMMIT DROP;
	-- every data row as printed, for load_rejects: {column name: field}.
	-- cells: the fields as a jsonb array, read by position below (cells ->>
	-- (pos - 1) finds a field in constant time, fields[pos] walks the array
	-- from its start: a row's every cell that way costs its width squared);
	-- the names are zipped with the fields (unnest of both) for the same reason
	CREATE TEMP TABLE rareearth_mcs_records ON COMMIT DROP AS
	SELECT f.line, f.n, f.fields, to_jsonb(f.fields) AS cells,
	       (SELECT jsonb_object_agg(coalesce(nullif(h, ''), 'column ' || i), x)
	        FROM unnest(f.fields, header) WITH ORDINALITY AS u (x, h, i)
	        WHERE i <= cardinality(f.fields) AND (i <= greatest(cardinality(header), 1) OR btrim(x) <> '')) AS record,
	       NOT EXISTS (SELECT FROM unnest(f.fields) x WHERE btrim(replace(x, U&'\00A0', ' ')) <> '') AS empty
	FROM pg_temp.rareearth_mcs_file f WHERE f.n > 1;
	INSERT INTO pg_temp.rareearth_mcs_skipped
	SELECT r.line, r.record, 'all-empty row' FROM pg_temp.rareearth_mcs_records r WHERE r.empty;

	IF layout IN ('world', 'salient') THEN
		-- which commodity: the file code of the name, else the one commodity asked for
		code := lower(substring(file_name FROM '(?i)mcs ?[0-9]{4}-?(?:mcs[0-9]{4})?([a-z][a-z0-9-]*)_(?:world|salient)\.csv$'));
		IF code IS NULL AND cardinality(load_usgs_mcs_file.commodity) = 1 THEN
			SELECT c.file_codes[1] INTO code FROM @extschema@.commodities c WHERE c.name = load_usgs_mcs_file.commodity[1];
		END IF;
		IF code IS NULL OR NOT EXISTS (SELECT FROM @extschema@.commodities c WHERE code = ANY (c.file_codes)) THEN
			RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
				MESSAGE = format('the commodity of %s (a per-commodity file) is not known', shown),
				HINT = 'Give the file name as downloaded (mcsYYYY-<code>_world.csv, code as in rareearth.commodities.file_codes) or name one commodity.';
		END IF;
	END IF;

	-- the cells of a salient file and what became of them
	CREATE TEMP TABLE rareearth_mcs_salient (line int, record jsonb, reason text, out_of_scope text) ON COMMIT DROP;
	IF layout = 'salient' THEN
		-- US salient statistics (DataSource, Commodity, Year, then one column
		-- per statistic: USprod_Concentrate_t, Imports_Compounds_t,
		-- Price_Nd2O3_dkg, NIR_pct, ...): each cell printed is a figure of
		-- published_statistic, as printed: statistic the column name in lower
		-- case, unit the code the name ends with (t, kt, pct, dkg, ...), except
		-- that net import reliance (NIR_..., percent, though MCS2022 and
		-- MCS2024 end its name in _t) and US production (USprod_...) take the
		-- names the views read: net_import_reliance[_compounds_and_metals |
		-- _mineral_concentrates | _<words>], production[_...].  The files carry
		-- no estimate flag per cell: the most recent year is estimated, as
		-- their metadata say, and so is a figure printed with an e.  A
		-- negative figure is kept as printed (government stockpile
		-- shipments, net imports).
		CREATE TEMP TABLE rareearth_mcs_salient_cells ON COMMIT DROP AS
		WITH cells AS (
			SELECT r.line, r.n * 2097152 + h.pos AS ord, h.name, jsonb_build_object('column', h.name, 'column_number', h.pos) AS record,
			       btrim(r.fields[3]) AS year_text,
			       btrim(replace(r.cells ->> (h.pos::int - 1), U&'\00A0', ' ')) AS printed,
			       string_to_array(h.name, '_') AS parts
			FROM pg_temp.rareearth_mcs_records r, unnest(header) WITH ORDINALITY AS h (name, pos)
			WHERE NOT r.empty AND h.pos > 3 AND btrim(replace(coalesce(r.cells ->> (h.pos::int - 1), ''), U&'\00A0', ' ')) <> ''),
		-- the cell in the legend's terms, as parse_usgs_value reads it:
		--   "Less than ½ unit." (also 1/2, a half, one-half) is the legend's s;
		--   "Less than 500 carats." / "Less than 50,000 tons" is an upper bound
		--   in the words' unit, converted into the column's (mct, kct; t, kt,
		--   mt/mmt), and refused in a column of another unit;
		--   a minus sign (U+2212) before a negative figure is a hyphen;
		--   an e glued before the number (e150) marks an estimate, as in the
		--   PDF tables;
		--   a percent sign after a percentage in a percent column (NIR_pct,
		--   ..._pct: MCS2022 prints germanium's reliance ">50%") is dropped
		spelled AS (
			SELECT c.*, lower(c.parts[cardinality(c.parts)]) AS unit_code,
			       regexp_match(c.printed, '^less than ([0-9][0-9,]*(?:\.[0-9]+)?) *(carats|metric tons|tons)\.?$', 'i') AS words_bound
			FROM cells c),
		normalized AS (
			SELECT s.line, s.ord, s.name, s.record, s.year_text, s.parts,
			       CASE WHEN s.printed ~* U&'^less than (!00BD|1/2|a half|one-half) unit\.?$' UESCAPE '!' THEN 's'
			            WHEN s.words_bound IS NOT NULL AND f.size IS NOT NULL
			                 THEN '<' || (replace(s.words_bound[1], ',', '')::numeric / f.size)::text
			            ELSE regexp_replace(regexp_replace(regexp_replace(s.printed, U&'^\2212', '-'), '^e([0-9])', '\1'),
			                                CASE WHEN s.parts[1] ~* '^NIR$' OR s.unit_code = 'pct' THEN '([0-9])\s*%$' ELSE '^$' END, '\1') END AS cell,
			       s.printed ~ '^e[0-9]' AS estimate_mark
			FROM spelled s
			LEFT JOIN (VALUES ('carats', 'mct', 1000000), ('carats', 'kct', 1000), ('carats', 'ct', 1),
			                  ('tons', 't', 1), ('tons', 'kt', 1000), ('tons', 'mt', 1000000), ('tons', 'mmt', 1000000))
			     f (words_unit, code, size)
			  ON f.words_unit = CASE WHEN lower(s.words_bound[2]) = 'carats' THEN 'carats' ELSE 'tons' END AND f.code = s.unit_code),
		named AS (
			SELECT c.*, c.parts[1] ~* '^NIR$' AS nir,
			       CASE WHEN c.parts[1] ~* '^(NIR|USprod)$' THEN
			                 CASE WHEN c.parts[1] ~* '^NIR$' THEN 'net_import_reliance' ELSE 'production' END
			                 || CASE WHEN c.name ~* 'compounds-metals' THEN '_compounds_and_metals'
			                         WHEN c.name ~* 'concentrate' THEN '_mineral_concentrates'
			                         ELSE coalesce('_' || nullif(lower(array_to_string(c.parts[2:cardinality(c.parts) - 1], '_')), ''), '') END
			            ELSE lower(c.name) END AS statistic,
			       CASE WHEN c.parts[1] ~* '^NIR$' THEN 'percent'
			            WHEN cardinality(c.parts) > 1 THEN c.parts[cardinality(c.parts)] ELSE 'not printed' END AS unit,
			       @extschema@.usgs_mcs_file_commodity(code, NULL::text, c.name) AS commodity,
			       CASE WHEN c.year_text ~ '^[0-9]{4}$' THEN c.year_text::int END AS year,
			       @extschema@.usgs_value_problem(c.cell) AS cell_problem
			FROM normalized c),
		parsed AS (
			-- estimated: an e printed with the number, or the latest year: the
			-- metadata of every salient file of the MCS2023 and MCS2024 releases
			-- says "Data for <cover year - 1> were estimated based on available
			-- <cover year - 1> data and industry trends" (the files carry no flag
			-- per cell)
			SELECT n.*, p.value, p.qualifier AS printed_qualifier,
			       coalesce(p.estimated, false) OR n.estimate_mark OR n.year = substr(the_edition, 4)::int - 1 AS estimated
			FROM named n
			LEFT JOIN LATERAL @extschema@.parse_usgs_value(CASE WHEN n.cell_problem IS NULL THEN n.cell END) p ON true)
		SELECT p.*,
		       CASE WHEN load_usgs_mcs_file.commodity IS NOT NULL AND NOT p.commodity = ANY (load_usgs_mcs_file.commodity)
		            THEN 'commodity not selected' END AS out_of_scope,
		       CASE WHEN p.commodity IS NULL THEN format('the commodity of column "%s" is not known', p.name)
		            WHEN p.year IS NULL OR p.year NOT BETWEEN substr(the_edition, 4)::int - 5 AND substr(the_edition, 4)::int - 1
		                 THEN format('year "%s" is not one of the five years of %s', p.year_text, the_edition)
		            WHEN p.cell_problem IS NOT NULL THEN format('value "%s": %s', p.cell, p.cell_problem)
		            WHEN p.printed_qualifier = 'E' AND NOT p.nir THEN 'value E (net exporter) outside a net import reliance column' END AS reason
		FROM parsed p;
		-- the same statistic twice in a file: the later columns are refused
		UPDATE pg_temp.rareearth_mcs_salient_cells m SET reason = 'duplicate of an earlier column for the same commodity, statistic and year'
		FROM (SELECT ctid, row_number() OVER (PARTITION BY commodity, statistic, year ORDER BY ord) AS k
		      FROM pg_temp.rareearth_mcs_salient_cells WHERE reason IS NULL AND out_of_scope IS NULL) d
		WHERE m.ctid = d.ctid AND d.k > 1;
		INSERT INTO @extschema@.published_statistic AS t (country, commodity, statistic, year, value, unit, qualifier, estimated, edition, source)
		SELECT 'USA'::@extschema@.country, c.commodity, c.statistic, c.year, c.value, c.unit,
		       coalesce(c.printed_qualifier, CASE WHEN c.estimated THEN 'e' END), coalesce(c.estimated, false), the_edition,
		       format('USGS Mineral Commodity Summaries data release, %s, file %s (load_usgs_mcs_file)', the_edition, file_key)
		FROM pg_temp.rareearth_mcs_salient_cells c WHERE c.reason IS NULL AND c.out_of_scope IS NULL
		ON CONFLICT (country, commodity, statistic, year, edition) DO UPDATE
			SET value = excluded.value, unit = excluded.unit, qualifier = excluded.qualifier,
			    estimated = excluded.estimated, source = excluded.source
			WHERE (t.value, t.unit, t.qualifier, t.estimated, t.source)
			      IS DISTINCT FROM (excluded.value, excluded.unit, excluded.qualifier, excluded.estimated, excluded.source);
		INSERT INTO pg_temp.rareearth_mcs_salient SELECT c.line, c.record, c.reason, c.out_of_scope FROM pg_temp.rareearth_mcs_salient_cells c;
		DROP TABLE pg_temp.rareearth_mcs_salient_cells;
	ELSIF layout = 'long' THEN
		-- every record (usgs_mcs_load_rows tells the world tables from the others)
		INSERT INTO pg_temp.rareearth_mcs_long
		SELECT r.n, r.line, r.record, r.fields[1], r.fields[3], r.fields[2], r.fields[4], r.fields[5], r.fields[6], r.fields[7],
		       r.fields[8], r.fields[9], r.fields[10], false, NULL
		FROM pg_temp.rareearth_mcs_records r
		WHERE NOT r.empty AND cardinality(r.fields) >= 12;
	ELSE
		-- a world file: per commodity (Source, Country, Type, values) or the
		-- MCS2025 world data file of every commodity (SOURCE, COMMODITY,
		-- COUNTRY, TYPE, UNIT_MEAS, values: PROD_2023, PROD_EST_ 2024,
		-- PROD_NOTES, CAP_2023, CAP_EST_ 2024, CAP_NOTES, RESERVES_2024,
		-- RESERVE_NOTES; the unit is the row's UNIT_MEAS, spelled as in the
		-- MCS2026 long table)
		first_value_column := CASE WHEN layout = 'world2025' THEN 6 ELSE 4 END;
		-- the header's columns: value columns (statistic, unit, estimate, year, own words) and notes columns
		CREATE TEMP TABLE rareearth_mcs_columns ON COMMIT DROP AS
		WITH cols AS (
			-- (MCS2025 prints "PROD_EST_ 2024": each part trimmed)
			SELECT i::int AS pos, h AS name, ARRAY(SELECT btrim(x) FROM unnest(string_to_array(h, '_')) x) AS parts
			FROM unnest(header) WITH ORDINALITY AS u (h, i) WHERE i > first_value_column - 1),
		parsed AS (
			SELECT c.pos, c.name,
			       CASE lower(c.parts[1]) WHEN 'prod' THEN 'Production' WHEN 'cap' THEN 'Capacity' WHEN 'reserves' THEN 'Reserves'
			                              WHEN 'reserve' THEN 'Reserves' END AS statistic,
			       lower(c.parts[cardinality(c.parts)]) IN ('notes', 'note') AS is_notes,
			       (SELECT p FROM unnest(c.parts) p WHERE p ~ '^[0-9]{4}$' LIMIT 1) AS year,
			       EXISTS (SELECT FROM unnest(c.parts) p WHERE lower(p) = 'est') AS estimated,
			       (SELECT u.unit FROM unnest(c.parts) p
			        JOIN (VALUES ('t', 'metric tons'), ('kt', 'thousand metric tons'), ('kg', 'kilograms'),
			                     ('mt', 'million metric tons'), ('mmt', 'million metric tons'), ('mct', 'million carats'),
			                     ('kct', 'thousands of carats'), ('mcm', 'million cubic meters')) u (code, unit) ON u.code = lower(p)
			        LIMIT 1) AS unit,
			       (SELECT string_agg(p, ' ' ORDER BY o) FROM unnest(c.parts) WITH ORDINALITY AS q (p, o)
			        WHERE o > 1 AND p !~ '^[0-9]{4}$' AND lower(p) NOT IN ('est', 't', 'kt', 'kg', 'mt', 'mmt', 'mct', 'kct', 'mcm')) AS words
			FROM cols c)
		-- the first notes column of the same statistic after each column: a
		-- window over the columns in reverse (one pass, not a scan per column)
		SELECT p.*,
		       CASE WHEN p.statistic IS NOT NULL THEN
		           min(p.pos) FILTER (WHERE p.is_notes) OVER (PARTITION BY p.statistic ORDER BY p.pos DESC
		                                                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) END AS notes_pos
		FROM parsed p;
		SELECT c.name INTO bad_column FROM pg_temp.rareearth_mcs_columns c
		WHERE c.statistic IS NULL OR (NOT c.is_notes AND c.unit IS NULL AND layout = 'world') ORDER BY c.pos LIMIT 1;
		IF FOUND THEN
			RAISE EXCEPTION USING ERRCODE = 'bad_copy_file_format',
				MESSAGE = format('column "%s" of %s is not known', bad_column, shown),
				HINT = 'A value column is named statistic_unit[_est][_year] (Prod_t_2021, Prod_kt_est_2022, Reserves_kg, Cap_t_2022), a notes column Prod_notes.';
		END IF;

		INSERT INTO pg_temp.rareearth_mcs_long
		SELECT r.n * 2097152 + c.pos, r.line, jsonb_build_object('column', c.name, 'column_number', c.pos),
		       coalesce(m.usgs_chapter, upper(t0.commodity)), coalesce(m.usgs_name, t0.commodity), 'World production (per-commodity file)',
		       r.fields[CASE WHEN layout = 'world2025' THEN 3 ELSE 2 END],
		       CASE WHEN c.statistic = 'Production' AND t.type ~* 'capacity' AND t.type !~* 'production' THEN 'Capacity' ELSE c.statistic END,
		       CASE WHEN c.statistic = 'Reserves' THEN 'Reserves' || coalesce(': ' || c.words, '')
		            WHEN c.statistic = 'Capacity' AND c.words IS NOT NULL THEN c.words || ' capacity'  -- Cap_Pigment_t_2021
		            ELSE coalesce(nullif(t.type, ''), c.statistic) END,
		       coalesce(c.unit, t0.unit),
		       coalesce(c.year, CASE WHEN c.statistic = 'Reserves' THEN (substr(the_edition, 4)::int - 1)::text END),
		       -- "Less than ½ unit." is the legend of the long table's s; e glued
		       -- before a number is the estimate mark of the PDF tables (e5,000)
		       CASE WHEN btrim(r.cells ->> (c.pos - 1)) ~* U&'^less than !00BD unit\.?$' UESCAPE '!' THEN 's'
		            ELSE regexp_replace(r.cells ->> (c.pos - 1), '^(\s*)e([0-9])', '\1\2') END,
		       CASE WHEN c.estimated OR r.cells ->> (c.pos - 1) ~ '^\s*e[0-9]'
		              OR (c.year IS NOT NULL AND coalesce(r.cells ->> (c.notes_pos - 1), '') ~* ('estimated in ' || c.year || '|' || c.year
		                  || ' (is|are|was|were) also estimated|estimated in both years'))
		              OR coalesce(r.cells ->> (c.notes_pos - 1), '') ~* '^\s*estimated( capacity)?\.?\s*$'
		            THEN 'Estimated. ' END || coalesce(r.cells ->> (c.notes_pos - 1), ''),
		       true,
		       CASE WHEN c.statistic = 'Reserves' AND c.words IS NOT NULL THEN lower(c.words) ELSE t.kind END
		FROM pg_temp.rareearth_mcs_records r
		CROSS JOIN pg_temp.rareearth_mcs_columns c
		CROSS JOIN LATERAL (
			-- MCS2025: COMMODITY, COUNTRY, TYPE, UNIT_MEAS; else Country, Type
			SELECT btrim(replace(coalesce(r.fields[CASE WHEN layout = 'world2025' THEN 4 ELSE 3 END], ''), U&'\00A0', ' ')) AS type,
			       CASE WHEN layout = 'world2025' THEN btrim(replace(r.fields[5], U&'\00A0', ' ')) END AS unit,
			       CASE WHEN layout = 'world2025' THEN btrim(replace(r.fields[2], U&'\00A0', ' ')) END AS commodity) t0
		-- the MCS2025 file's commodity: its COMMODITY as commodities.usgs_name
		-- (or name) spells it, without case; one that names none is refused
		-- by usgs_mcs_load_rows as an unknown commodity
		LEFT JOIN LATERAL (
			SELECT c2.name FROM @extschema@.commodities c2
			WHERE lower(c2.usgs_name) = lower(t0.commodity) OR lower(c2.name) = lower(t0.commodity)
			ORDER BY lower(c2.usgs_name) = lower(t0.commodity) DESC, c2.name LIMIT 1) named ON layout = 'world2025'
		CROSS JOIN LATERAL (
			-- the kind a Type names: its words without the commodity, the
			-- statistic, the unit, world total and rounded (typos of the files
			-- corrected: "poduction", "Mne", "ilmentite", "eqivalent")
			SELECT t0.type,
			       nullif(nullif(nullif(btrim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
			           lower(t0.type), 'poduction', 'production', 'g'), '\mmne\M', 'mine', 'g'), 'ilmentite', 'ilmenite', 'g'),
			           '(world total|\mworld\M|\mtotal\M|\mrounded\M|\mestimated\M|\mcontent of\M|(\m(mine|plant|refinery|smelter|primary) )?(production|capacity)\M|((thousand|million) )?metric tons|\m('
			           || (SELECT string_agg(regexp_replace(lower(m2.usgs_name), '([^a-z0-9 ])', '\\\1', 'g'), '|') FROM @extschema@.commodities m2 WHERE code = ANY (m2.file_codes) OR m2.name = named.name) || ')\M)', '', 'g'),
			           '\(\s*\)', '', 'g'), '\s*([,:;.-]\s*)+', ', ', 'g'), ' ,:;.-'), ''), 'xx'), 'all types') AS kind) t
		LEFT JOIN @extschema@.commodities m
		  ON m.name = CASE WHEN layout = 'world2025' THEN named.name
		                   ELSE @extschema@.usgs_mcs_file_commodity(code, c.statistic, coalesce(nullif(c.words, ''), t.type)) END
		WHERE NOT r.empty AND NOT c.is_notes AND btrim(replace(coalesce(r.cells ->> (c.pos - 1), ''), U&'\00A0', ' ')) <> ''
		  AND (m.name IS NOT NULL OR layout = 'world2025');
		DROP TABLE pg_temp.rareearth_mcs_columns;
	END IF;

	-- a row with a country or year but not one value
	INSERT INTO pg_temp.rareearth_mcs_skipped
	SELECT r.line, r.record, 'no value printed in the row'
	FROM pg_temp.rareearth_mcs_records r
	WHERE NOT r.empty AND NOT (layout = 'long' AND cardinality(r.fields) < 12)
	  AND NOT EXISTS (SELECT FROM pg_temp.rareearth_mcs_skipped s WHERE s.line = r.line)
	  AND NOT EXISTS (SELECT FROM pg_temp.rareearth_mcs_long l WHERE l.line = r.line)
	  AND NOT EXISTS (SELECT FROM pg_temp.rareearth_mcs_salient s WHERE s.line = r.line);

	PERFORM @extschema@.usgs_mcs_load_rows(the_edition,
		format('USGS Mineral Commodity Summaries data release, %s, file %s (load_usgs_mcs_file)', the_edition, file_key),
		load_usgs_mcs_file.commodity);

	-- each row of the file once: left out before loading, then, of the rows
	-- given to the loader, loaded when one of its cells was (a refused cell of
	-- a loaded row is a warning), rejected when none was, out of scope when
	-- it is of another table or its commodity was not selected
	CREATE TEMP TABLE rareearth_mcs_outcome ON COMMIT DROP AS
	WITH cells AS (
		SELECT l.line, l.record, m.reason, m.out_of_scope
		FROM pg_temp.rareearth_mcs_long l JOIN pg_temp.rareearth_mcs_rows m ON m.ord = l.ord
		UNION ALL
		SELECT s.line, s.record, s.reason, s.out_of_scope FROM pg_temp.rareearth_mcs_salient s),
	rowwise AS (
		SELECT c.line, bool_or(c.reason IS NULL AND c.out_of_scope IS NULL) AS loaded, bool_or(c.reason IS NOT NULL) AS refused,
		       min(c.out_of_scope) AS out_of_scope
		FROM cells c GROUP BY c.line)
	SELECT c.line, CASE WHEN layout = 'long' THEN c.record ELSE rec.record || c.record END AS record,
	       CASE WHEN w.loaded THEN 'warning' ELSE 'rejected' END AS severity, c.reason
	FROM cells c JOIN rowwise w USING (line)
	LEFT JOIN pg_temp.rareearth_mcs_records rec ON layout <> 'long' AND rec.line = c.line
	WHERE c.reason IS NOT NULL
	UNION ALL
	SELECT s.line, s.record, 'out_of_scope', s.reason FROM pg_temp.rareearth_mcs_skipped s
	UNION ALL
	SELECT w.line, r.record, 'out_of_scope', w.out_of_scope
	FROM rowwise w LEFT JOIN pg_temp.rareearth_mcs_records r USING (line) WHERE NOT w.loaded AND NOT w.refused
	UNION ALL
	-- a long-table record that is not 12 fields (none in the releases)
	SELECT r.line, r.record, 'rejected', format('record has %s fields, the header 12', cardinality(r.fields))
	FROM pg_temp.rareearth_mcs_records r WHERE layout = 'long' AND NOT r.empty AND cardinality(r.fields) < 12;

	CREATE TEMP TABLE rareearth_rejects ON COMMIT DROP AS
	SELECT o.reason, o.record, o.severity, o.line FROM pg_temp.rareearth_mcs_outcome o;
	PERFORM @extschema@.record_staged_rejects('usgs_mcs'::text, the_edition, file_key);

	-- the outcomes grouped by line first, then joined: a subquery per row in
	-- the counts would scan the outcomes once per row
	SELECT count(*) FILTER (WHERE NOT coalesce(o.not_loaded, false)),
	       count(*) FILTER (WHERE coalesce(o.rejected, false)),
	       count(*) FILTER (WHERE coalesce(o.out_of_scope, false))
	INTO rows_loaded, rows_rejected, rows_out_of_scope
	FROM pg_temp.rareearth_mcs_records r
	LEFT JOIN (SELECT o.line, bool_or(o.severity <> 'warning') AS not_loaded, bool_or(o.severity = 'rejected') AS rejected,
	                  bool_or(o.severity = 'out_of_scope') AS out_of_scope
	           FROM pg_temp.rareearth_mcs_outcome o GROUP BY o.line) o USING (line);
	DROP TABLE pg_temp.rareearth_mcs_file, pg_temp.rareearth_mcs_long, pg_temp.rareearth_mcs_skipped,
	           pg_temp.rareearth_mcs_records, pg_temp.rareearth_mcs_rows, pg_temp.rareearth_mcs_outcome,
	           pg_temp.rareearth_mcs_salient;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_usgs_mcs_file(bytea, text, text, text[]) IS
	'loads one USGS MCS data-release file as downloaded (its bytes: UTF-8 with or without BOM, or Windows-1252): the MCS2026 long table, the MCS2025 world data file of every commodity (MCS2025_World_Data.csv: SOURCE, COMMODITY, COUNTRY, TYPE, UNIT_MEAS, PROD_2023, PROD_EST_ 2024, ...; the unit per row) or a per-commodity world or salient file of MCS2020-MCS2024 (mcs2023-lithi_world.csv; units, years and estimates read from its header), its world tables (production, reserves, capacity) by the same rules as load_usgs_mcs, in each commodity''s canonical unit, the long table''s US salient statistics as load_usgs_mcs loads them, or a salient file''s US statistics into published_statistic as printed (statistic the column name, NIR and USprod columns as net_import_reliance_... and production_...); the edition is read from the file (Source column, else its name) and must equal edition when given; commodity names the commodities to load (NULL: all); returns counts of the file''s data rows: loaded + rejected + out of scope = rows after the header; every row not loaded is in load_rejects with file, line, reason and severity (rejected, warning for a refused cell of a loaded row, out_of_scope)';
