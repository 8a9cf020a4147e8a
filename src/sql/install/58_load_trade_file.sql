-- ---------------------------------------------------------------------------
-- load_comtrade_file(content, ...): one UN Comtrade file as downloaded, of
-- any layout an analyst gets, without \copy
-- ---------------------------------------------------------------------------

-- trade_file_text(content, shown): a downloaded file's bytes as text: UTF-8
-- after a byte order mark, else UTF-8 when valid, else Windows-1252 (what
-- Excel saves); neither is an error naming the file.
CREATE OR REPLACE FUNCTION @extschema@.trade_file_text(content bytea, shown text) RETURNS text
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF pg_catalog.substr(content, 1, 3) OPERATOR(pg_catalog.=) '\xefbbbf'::bytea THEN
		RETURN pg_catalog.convert_from(pg_catalog.substr(content, 4), 'UTF8');
	END IF;
	RETURN pg_catalog.convert_from(content, 'UTF8');
EXCEPTION WHEN character_not_in_repertoire THEN
	BEGIN
		RETURN pg_catalog.convert_from(content, 'WIN1252');
	EXCEPTION WHEN character_not_in_repertoire OR untranslatable_character THEN
		RAISE EXCEPTION USING ERRCODE = 'character_not_in_repertoire',
			MESSAGE = pg_catalog.format('%s is neither UTF-8 nor Windows-1252 text', shown),
			HINT = 'Load the file as downloaded.';
	END;
END
$fn$;
COMMENT ON FUNCTION @extschema@.trade_file_text(bytea, text) IS
	'a downloaded file''s bytes as text: UTF-8 (with or without a byte order mark), else Windows-1252; an error (22021) naming the file (shown) otherwise (helper of the trade file loaders)';

-- trade_file_key(content, file_name, synthetic): the name a file's rejects
-- are filed under (its name, or its checksum when it has none), after the
-- checks every file loader makes of its arguments
CREATE OR REPLACE FUNCTION @extschema@.trade_file_key(content bytea, file_name text, synthetic bool) RETURNS text
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	IF content IS NULL OR synthetic IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'null_value_not_allowed',
			MESSAGE = CASE WHEN content IS NULL THEN 'the file content is NULL' ELSE 'the synthetic flag is NULL' END;
	END IF;
	RETURN coalesce(file_name, 'md5:' OPERATOR(pg_catalog.||) pg_catalog.md5(content));
END
$fn$;
COMMENT ON FUNCTION @extschema@.trade_file_key(bytea, text, bool) IS
	'the name a trade file''s rejects are filed under: file_name, else md5:<checksum of content>; NULL content or synthetic flag is an error (22004) (helper of the trade file loaders)';

-- The layouts:
--   * API v1 CSV (comtradeapi.un.org data/v1/get with format=csv, the
--     comtradeapicall client's DataFrame written by pandas, comtradr's
--     tidy output): the 47 API columns, in any order, camelCase or
--     snake_case (reporterCode, reporter_code), extra columns ignored;
--   * API v1 JSON response: {"elapsedTime": ..., "count": n, "data": [ {47
--     keys}, ... ], "error": ""}, or just the array of records;
--   * the legacy comtrade.un.org CSV (Classification, Year, Period, ...,
--     Trade Flow Code, Reporter Code, Partner Code, Commodity Code,
--     Netweight (kg), Trade Value (US$), ...): flow codes 1 import, 2
--     export, 3 re-export, 4 re-import (UN Comtrade Reference Tables, "Trade
--     Flow (Regime) Codes"); 2nd partner, customs procedure and mode of
--     transport blank or absent mean the total; the legacy site's reporter
--     and partner code 381 for Italy is today's 380 (as BACI before V202501).
-- Every row of the file is then loaded by comtrade_load_rows, the rules of
-- load_comtrade; an all-empty row is out of scope.
CREATE OR REPLACE FUNCTION @extschema@.load_comtrade_file(content bytea, file_name text DEFAULT NULL, release text DEFAULT NULL,
	synthetic bool DEFAULT false,
	OUT rows_loaded bigint, OUT rows_rejected bigint, OUT rows_aggregate bigint, OUT rows_out_of_scope bigint,
	OUT layout text) RETURNS record
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_variable
DECLARE
	shown text := coalesce('file "' || file_name || '"', 'the file');
	body text;
	doc jsonb;
	header text[];
	keys text[];
	api_columns text[];
	select_list text;
	missing text;
	file_key text;
	counts record;
BEGIN
	file_key := @extschema@.trade_file_key(content, file_name, synthetic);
	body := @extschema@.trade_file_text(content, shown);
	SELECT array_agg(a.attname::text ORDER BY a.attnum) INTO api_columns
	FROM pg_catalog.pg_attribute a
	WHERE a.attrelid = (SELECT t.typrelid FROM pg_catalog.pg_type t WHERE t.oid = '@extschema@.comtrade_record'::regtype)
	  AND a.attnum > 0 AND NOT a.attisdropped;

	CREATE TEMP TABLE rareearth_comtrade_file (line int, record jsonb, LIKE @extschema@.comtrade_record) ON COMMIT DROP;
	CREATE TEMP TABLE rareearth_comtrade_skipped (line int, record jsonb, reason text) ON COMMIT DROP;

	IF btrim(body, E' \t\r\n') ~ '^[[{]' THEN
		-- the API's JSON response, read by PostgreSQL's own JSON parser
		BEGIN
			doc := body::jsonb;
		EXCEPTION WHEN invalid_text_representation OR invalid_parameter_value THEN
			RAISE EXCEPTION USING ERRCODE = 'bad_copy_file_format',
				MESSAGE = format('%s is not valid JSON', shown),
				HINT = 'Load the UN Comtrade API response as saved, or its CSV download.';
		END;
		IF jsonb_typeof(doc) = 'object' AND coalesce(doc ->> 'error', '') <> '' AND jsonb_typeof(doc -> 'data') IS DISTINCT FROM 'array' THEN
			RAISE EXCEPTION USING ERRCODE = 'bad_copy_file_format',
				MESSAGE = format('%s is an error response of the UN Comtrade API: %s', shown, doc ->> 'error');
		END IF;
		IF jsonb_typeof(doc) = 'object' THEN
			doc := doc -> 'data';
		END IF;
		IF jsonb_typeof(doc) IS DISTINCT FROM 'array' THEN
			RAISE EXCEPTION USING ERRCODE = 'bad_copy_file_format',
				MESSAGE = format('%s is JSON but not a UN Comtrade API response', shown),
				HINT = 'An API v1 response is {"elapsedTime": ..., "count": ..., "data": [...], "error": ...}.';
		END IF;
		layout := 'API v1 JSON';
		-- line: the record's number in the data array (1 = the first)
		INSERT INTO pg_temp.rareearth_comtrade_file
		SELECT e.n::int, e.r, (jsonb_populate_record(NULL::@extschema@.comtrade_record,
		                       CASE WHEN jsonb_typeof(e.r) = 'object' THEN e.r ELSE '{}' END)).*
		FROM jsonb_array_elements(doc) WITH ORDINALITY AS e (r, n);
	ELSE
		-- a record longer than 1 MB is refused before it is copied (a Comtrade
		-- row has about 50 short fields)
		CREATE TEMP TABLE rareearth_comtrade_csv ON COMMIT DROP AS
		SELECT r.line, r.fields FROM @extschema@.read_csv(body, 1048576, shown) r;
		SELECT array_agg(btrim(h) ORDER BY i) INTO header
		FROM (SELECT c.fields FROM pg_temp.rareearth_comtrade_csv c ORDER BY c.line LIMIT 1) f, unnest(f.fields) WITH ORDINALITY AS u (h, i);
		-- names compared without case, spaces and punctuation: reporterCode,
		-- reporter_code and "Reporter Code" are one name
		keys := ARRAY(SELECT lower(regexp_replace(h, '[^A-Za-z0-9]', '', 'g')) FROM unnest(header) WITH ORDINALITY AS u (h, i) ORDER BY i);
		layout := CASE WHEN keys @> ARRAY['reportercode', 'partnercode', 'cmdcode', 'flowcode', 'primaryvalue'] THEN 'API v1 CSV'
		               WHEN keys @> ARRAY['tradeflowcode', 'reportercode', 'partnercode', 'commoditycode', 'tradevalueus'] THEN 'legacy CSV' END;
		IF layout IS NULL THEN
			RAISE EXCEPTION USING ERRCODE = 'bad_copy_file_format',
				MESSAGE = CASE WHEN header IS NULL THEN format('%s is empty', shown)
				               ELSE format('%s is no UN Comtrade download', shown) END,
				DETAIL = format('Its first line is: %s', left(array_to_string(header, ','), 1000)),
				HINT = 'load_comtrade_file reads the API v1 CSV (typeCode,freqCode,...,primaryValue, any order), its JSON response and the legacy comtrade.un.org CSV (Classification,Year,Period,...,Trade Value (US$)).';
		END IF;
		-- each column of comtrade_record from the file's column of that name
		-- (its first), or NULL
		IF layout = 'API v1 CSV' THEN
			SELECT string_agg(coalesce(('c.fields[' || array_position(keys, lower(col)) || ']'), 'NULL') || format(' AS %I', col), ', ' ORDER BY n)
			INTO select_list
			FROM unnest(api_columns) WITH ORDINALITY AS u (col, n);
		ELSE
			SELECT string_agg(x.expr || format(' AS %I', x.col), ', ' ORDER BY x.n) INTO select_list
			FROM (SELECT u.n, u.col,
			             CASE u.col
			                 WHEN 'typeCode' THEN '''C'''
			                 WHEN 'freqCode' THEN format('CASE WHEN length(btrim(%s)) = 6 THEN ''M'' ELSE ''A'' END', f.period)
			                 WHEN 'refYear' THEN f.year
			                 WHEN 'refMonth' THEN format('CASE WHEN length(btrim(%1$s)) = 6 THEN substr(btrim(%1$s), 5, 2) ELSE ''52'' END', f.period)
			                 WHEN 'period' THEN f.period
			                 WHEN 'reporterCode' THEN format('CASE WHEN btrim(%1$s) = ''381'' THEN ''380'' ELSE %1$s END', f.reporter)
			                 WHEN 'partnerCode' THEN format('CASE WHEN btrim(%1$s) = ''381'' THEN ''380'' ELSE %1$s END', f.partner)
			                 WHEN 'flowCode' THEN format('CASE btrim(%1$s) WHEN ''1'' THEN ''M'' WHEN ''2'' THEN ''X'' WHEN ''3'' THEN ''RX'' WHEN ''4'' THEN ''RM'' ELSE %1$s END', f.flow)
			                 WHEN 'partner2Code' THEN format('coalesce(nullif(btrim(%s), ''''), ''0'')', f.partner2)
			                 WHEN 'customsCode' THEN format('coalesce(nullif(btrim(%s), ''''), ''C00'')', f.customs)
			                 WHEN 'motCode' THEN format('coalesce(nullif(btrim(%s), ''''), ''0'')', f.mot)
			                 ELSE coalesce(('c.fields[' || array_position(keys, CASE u.col
			                     WHEN 'reporterISO' THEN 'reporteriso' WHEN 'reporterDesc' THEN 'reporter'
			                     WHEN 'flowDesc' THEN 'tradeflow' WHEN 'partnerISO' THEN 'partneriso' WHEN 'partnerDesc' THEN 'partner'
			                     WHEN 'classificationCode' THEN 'classification' WHEN 'cmdCode' THEN 'commoditycode'
			                     WHEN 'cmdDesc' THEN 'commodity' WHEN 'aggrLevel' THEN 'aggregatelevel' WHEN 'isLeaf' THEN 'isleafcode'
			                     WHEN 'qtyUnitCode' THEN 'qtyunitcode' WHEN 'qtyUnitAbbr' THEN 'qtyunit' WHEN 'qty' THEN 'qty'
			                     WHEN 'altQtyUnitCode' THEN 'altqtyunitcode' WHEN 'altQtyUnitAbbr' THEN 'altqtyunit' WHEN 'altQty' THEN 'altqty'
			                     WHEN 'netWgt' THEN 'netweightkg' WHEN 'grossWgt' THEN 'grossweightkg'
			                     WHEN 'cifvalue' THEN 'ciftradevalueus' WHEN 'fobvalue' THEN 'fobtradevalueus'
			                     WHEN 'primaryValue' THEN 'tradevalueus' WHEN 'legacyEstimationFlag' THEN 'flag' END) || ']'), 'NULL')
			             END AS expr
			      FROM unnest(api_columns) WITH ORDINALITY AS u (col, n),
			           LATERAL (SELECT ('c.fields[' || array_position(keys, 'period') || ']') AS period,
			                           ('c.fields[' || array_position(keys, 'year') || ']') AS year,
			                           ('c.fields[' || array_position(keys, 'reportercode') || ']') AS reporter,
			                           ('c.fields[' || array_position(keys, 'partnercode') || ']') AS partner,
			                           ('c.fields[' || array_position(keys, 'tradeflowcode') || ']') AS flow,
			                           coalesce(('c.fields[' || array_position(keys, '2ndpartnercode') || ']'), 'NULL') AS partner2,
			                           coalesce(('c.fields[' || array_position(keys, 'customsproccode') || ']'), 'NULL') AS customs,
			                           coalesce(('c.fields[' || array_position(keys, 'modeoftransportcode') || ']'), 'NULL') AS mot) f) x;
			-- a legacy file without Year or Period cannot be read
			SELECT k INTO missing FROM unnest(ARRAY['year', 'period']) k WHERE NOT k = ANY (keys) LIMIT 1;
			IF FOUND THEN
				RAISE EXCEPTION USING ERRCODE = 'bad_copy_file_format',
					MESSAGE = format('%s has no column "%s"', shown, initcap(missing)),
					HINT = 'Load the legacy comtrade.un.org CSV as downloaded.';
			END IF;
		END IF;
		INSERT INTO pg_temp.rareearth_comtrade_skipped
		SELECT c.line, to_jsonb(c.fields), 'all-empty row' FROM pg_temp.rareearth_comtrade_csv c
		WHERE c.line > (SELECT min(line) FROM pg_temp.rareearth_comtrade_csv)
		  AND NOT EXISTS (SELECT FROM unnest(c.fields) x WHERE btrim(x) <> '');
		-- the record as printed: {column name: field}
		EXECUTE format('INSERT INTO pg_temp.rareearth_comtrade_file
			SELECT c.line, (SELECT jsonb_object_agg(coalesce(nullif(h, ''''), ''column '' || i), x)
			                FROM unnest(c.fields, $1) WITH ORDINALITY AS u (x, h, i) WHERE x IS NOT NULL), %s
			FROM pg_temp.rareearth_comtrade_csv c
			WHERE c.line > (SELECT min(line) FROM pg_temp.rareearth_comtrade_csv)
			  AND EXISTS (SELECT FROM unnest(c.fields) x WHERE btrim(x) <> '''')', select_list)
		USING header;
		DROP TABLE pg_temp.rareearth_comtrade_csv;
	END IF;

	PERFORM @extschema@.stage('comtrade'::text);
	PERFORM @extschema@.begin_load('comtrade'::text);
	CREATE TEMP VIEW rareearth_comtrade_input AS SELECT f.ctid AS staged_at, f.* FROM pg_temp.rareearth_comtrade_file f;
	SELECT * INTO counts FROM @extschema@.comtrade_load_rows(
		coalesce(release, format('UN Comtrade %s, file %s', layout, file_key)), synthetic, file_key);
	DROP VIEW pg_temp.rareearth_comtrade_input;
	-- the rows left out, filed beside what comtrade_load_rows filed
	INSERT INTO @extschema@.load_rejects (source, release, reason, record, severity, file, line)
	SELECT 'comtrade', coalesce(release, format('UN Comtrade %s, file %s', layout, file_key)), s.reason, s.record,
	       'out_of_scope', file_key, s.line
	FROM pg_temp.rareearth_comtrade_skipped s
	ON CONFLICT DO NOTHING;
	rows_loaded := counts.rows_loaded;
	rows_rejected := counts.rows_rejected;
	rows_aggregate := counts.rows_aggregate;
	SELECT count(*) INTO rows_out_of_scope FROM pg_temp.rareearth_comtrade_skipped;
	DROP TABLE pg_temp.rareearth_comtrade_file, pg_temp.rareearth_comtrade_skipped;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_comtrade_file(bytea, text, text, bool) IS
	'loads one UN Comtrade file as downloaded (its bytes; UTF-8 with or without BOM, or Windows-1252), recognized by its header or structure: the API v1 CSV (the 47 API columns in any order, camelCase or snake_case, extra columns ignored: comtradeapicall, comtradr), the API v1 JSON response ({"data": [...]} or the bare array), or the legacy comtrade.un.org CSV (Trade Flow Code 1-4, blank 2nd partner/customs/transport = total, Italy 381 = 380); by the rules of load_comtrade; release defaults to the layout and file; returns the counts of the file''s data rows: loaded + rejected + aggregate (into trade_reported_total) + out of scope (all-empty rows) = rows after the header (JSON: records), and the layout recognized; every row not loaded is in load_rejects with file, line (JSON: the record''s number) and reason; errors that load nothing: an unknown layout or empty file, invalid JSON, an API error response (22P04), neither UTF-8 nor Windows-1252 (22021)';

-- ---------------------------------------------------------------------------
-- load_baci_file(content, ...): one CEPII BACI year file as shipped
-- (BACI_HS17_Y2022_V202501.csv: header t,i,j,k,v,q, values padded with
-- spaces, NA for an unknown quantity), without \copy
-- ---------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION @extschema@.load_baci_file(content bytea, file_name text DEFAULT NULL, release text DEFAULT NULL,
	synthetic bool DEFAULT false,
	OUT rows_loaded bigint, OUT rows_rejected bigint, OUT rows_aggregate bigint, OUT rows_out_of_scope bigint) RETURNS record
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_variable
DECLARE
	shown text := coalesce('file "' || file_name || '"', 'the file');
	header text[];
	file_key text;
	the_release text;
	counts record;
BEGIN
	file_key := @extschema@.trade_file_key(content, file_name, synthetic);
	-- the release: the caller's, else the one CEPII's file name carries
	-- (BACI_HS17_Y2022_V202501.csv -> BACI HS17 V202501)
	the_release := coalesce(release,
		(SELECT 'BACI ' || upper(m[1]) || ' ' || upper(m[2])
		 FROM regexp_match(file_name, '(?i)BACI_(HS[0-9]{2})_Y[0-9]{4}_(V[0-9]{6}[a-z]?)') m));
	IF the_release IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('the BACI release of %s is not known', shown),
			HINT = 'Give the file name as downloaded (BACI_HS17_Y2022_V202501.csv) or the release, e.g. release => ''BACI HS17 V202501''.';
	END IF;
	-- one pass over the file's records (in file order, as read_csv returns
	-- them): a BACI line is under 60 bytes, so a record of 1 MB is no BACI file
	CREATE TEMP TABLE rareearth_baci_file ON COMMIT DROP AS
	SELECT r.line, r.fields[1] AS t, r.fields[2] AS i, r.fields[3] AS j, r.fields[4] AS k, r.fields[5] AS v, r.fields[6] AS q,
	       cardinality(r.fields) AS n_fields,
	       -- a record of another width keeps all its fields for load_rejects
	       CASE WHEN cardinality(r.fields) <> 6 THEN r.fields END AS other_fields,
	       btrim(array_to_string(r.fields, ''), E' \t') = '' AS empty
	FROM @extschema@.read_csv(@extschema@.trade_file_text(content, shown), 1048576, shown) r;
	SELECT ARRAY[btrim(f.t), btrim(f.i), btrim(f.j), btrim(f.k), btrim(f.v), btrim(f.q)]
	       || CASE WHEN f.n_fields > 6 THEN ARRAY['...'] ELSE '{}' END
	INTO header
	FROM pg_temp.rareearth_baci_file f ORDER BY f.line LIMIT 1;
	IF header IS DISTINCT FROM ARRAY['t', 'i', 'j', 'k', 'v', 'q'] THEN
		RAISE EXCEPTION USING ERRCODE = 'bad_copy_file_format',
			MESSAGE = CASE WHEN header IS NULL THEN format('%s is empty', shown) ELSE format('%s is no BACI file', shown) END,
			DETAIL = format('Its first line is: %s', left(array_to_string(header, ',', ''), 1000)),
			HINT = 'load_baci_file reads CEPII''s BACI_HSxx_Yyyyy_Vyyyymm.csv (t,i,j,k,v,q).';
	END IF;
	DELETE FROM pg_temp.rareearth_baci_file f WHERE f.line = (SELECT min(line) FROM pg_temp.rareearth_baci_file);
	CREATE TEMP TABLE rareearth_baci_skipped ON COMMIT DROP AS
	SELECT f.line, to_jsonb(coalesce(f.other_fields, ARRAY[f.t, f.i, f.j, f.k, f.v, f.q])) AS record,
	       CASE WHEN f.empty THEN 'all-empty row' ELSE format('record has %s fields, the header 6', f.n_fields) END AS reason,
	       CASE WHEN f.empty THEN 'out_of_scope' ELSE 'rejected' END AS severity
	FROM pg_temp.rareearth_baci_file f WHERE f.n_fields <> 6 OR f.empty;
	ANALYZE pg_temp.rareearth_baci_file;

	PERFORM @extschema@.stage('baci'::text);
	PERFORM @extschema@.begin_load('baci'::text);
	CREATE TEMP VIEW rareearth_baci_input AS
	SELECT f.ctid AS staged_at, f.line, f.t, f.i, f.j, f.k, f.v, f.q FROM pg_temp.rareearth_baci_file f
	WHERE f.n_fields = 6 AND NOT f.empty;
	SELECT * INTO counts FROM @extschema@.baci_load_rows(the_release, synthetic, file_key);
	DROP VIEW pg_temp.rareearth_baci_input;
	INSERT INTO @extschema@.load_rejects (source, release, reason, record, severity, file, line)
	SELECT 'baci', the_release, s.reason, s.record, s.severity, file_key, s.line FROM pg_temp.rareearth_baci_skipped s
	ON CONFLICT DO NOTHING;
	rows_loaded := counts.rows_loaded;
	rows_rejected := counts.rows_rejected + (SELECT count(*) FROM pg_temp.rareearth_baci_skipped s WHERE s.severity = 'rejected');
	rows_aggregate := counts.rows_aggregate;
	SELECT count(*) INTO rows_out_of_scope FROM pg_temp.rareearth_baci_skipped s WHERE s.severity = 'out_of_scope';
	DROP TABLE pg_temp.rareearth_baci_file, pg_temp.rareearth_baci_skipped;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_baci_file(bytea, text, text, bool) IS
	'loads one CEPII BACI year file as shipped (its bytes: header t,i,j,k,v,q, padded values, NA quantities) by the rules of load_baci; release defaults to the one the file name carries (BACI_HS17_Y2022_V202501.csv -> BACI HS17 V202501); returns the counts of the file''s data rows: loaded + rejected + aggregate + out of scope (all-empty rows) = rows after the header; every row not loaded is in load_rejects with file, line and reason; errors that load nothing: another header or an empty file (22P04), no release (22023), neither UTF-8 nor Windows-1252 (22021)';
