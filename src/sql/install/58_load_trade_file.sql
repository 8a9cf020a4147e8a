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
--     and partner code 381 for Italy is today's 380 (as BACI up to V202201).
--   * the Comtrade Plus bulk file (comtradeapi.un.org/bulk/v1, a .txt.gz
--     per reporter and period holding tab-separated text): the API's column
--     names without the descriptions, in the bulk file's spellings
--     (isnetWgtEstimated, CIFValue, ...), recognized by a tab in its first
--     line.  Its fields are not quoted, so a line is split at every tab.
--     PostgreSQL cannot decompress gzip in SQL: a gzip file (its first
--     bytes 1f 8b) is refused with the command that decompresses it.
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
	IF substr(content, 1, 2) = '\x1f8b'::bytea THEN
		RAISE EXCEPTION USING ERRCODE = 'bad_copy_file_format',
			MESSAGE = format('%s is gzip-compressed', shown),
			DETAIL = 'PostgreSQL cannot decompress a file in SQL.',
			HINT = 'Decompress it first (gunzip -k file.txt.gz) and load the .txt; a file of more than 1 GB goes through stage(''comtrade'') and \copy ... FROM PROGRAM ''gunzip -c file.txt.gz''.';
	END IF;
	body := @extschema@.trade_file_text(content, shown);
	SELECT array_agg(a.attname::text ORDER BY a.attnum) INTO api_columns
	FROM pg_catalog.pg_attribute a
	WHERE a.attrelid = (SELECT t.typrelid FROM pg_catalog.pg_type t WHERE t.oid = '@extschema@.comtrade_record'::regtype)
	  AND a.attnum > 0 AND NOT a.attisdropped;

	-- record: the row as printed (JSON); fields: a CSV row's fields, from
	-- which its record is built only when the row is refused or changed
	CREATE TEMP TABLE rareearth_comtrade_file (line int, record jsonb, fields text[], LIKE @extschema@.comtrade_record) ON COMMIT DROP;
	CREATE TEMP TABLE rareearth_comtrade_skipped (line int, record jsonb, reason text) ON COMMIT DROP;

	-- its first character that is no space, in its first 64 kB: trimming
	-- or matching the whole text takes memory per character (a file of 230 MB
	-- failed asking for 1.9 GB)
	IF left(ltrim(left(body, 65536), E' \t\r\n'), 1) IN ('[', '{') THEN
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
		SELECT e.n::int, e.r, NULL, (jsonb_populate_record(NULL::@extschema@.comtrade_record,
		                       CASE WHEN jsonb_typeof(e.r) = 'object' THEN e.r ELSE '{}' END)).*
		FROM jsonb_array_elements(doc) WITH ORDINALITY AS e (r, n);
	ELSE
		-- a record longer than 1 MB is refused before it is copied (a Comtrade
		-- row has about 50 short fields)
		IF strpos(split_part(left(body, 1048576), E'\n', 1), E'\t') > 0 THEN
			-- tab-separated (a bulk file): one record a line, split at each tab
			CREATE TEMP TABLE rareearth_comtrade_csv ON COMMIT DROP AS
			SELECT l.n::int AS line, string_to_array(rtrim(l.t, E'\r'), E'\t') AS fields, octet_length(l.t) AS bytes
			FROM string_to_table(CASE WHEN right(body, 1) = E'\n' THEN left(body, -1) ELSE body END, E'\n') WITH ORDINALITY AS l (t, n);
			SELECT c.line INTO missing FROM pg_temp.rareearth_comtrade_csv c
			WHERE c.bytes > 1048576 LIMIT 1;
			IF FOUND THEN
				RAISE EXCEPTION USING ERRCODE = 'program_limit_exceeded',
					MESSAGE = format('line %s of %s is longer than 1048576 bytes', missing, shown);
			END IF;
		ELSE
			CREATE TEMP TABLE rareearth_comtrade_csv ON COMMIT DROP AS
			SELECT r.line, r.fields FROM @extschema@.read_csv(body, 1048576, shown) r;
		END IF;
		SELECT array_agg(btrim(h) ORDER BY i) INTO header
		FROM (SELECT c.fields FROM pg_temp.rareearth_comtrade_csv c ORDER BY c.line LIMIT 1) f, unnest(f.fields) WITH ORDINALITY AS u (h, i);
		-- names compared without case, spaces and punctuation: reporterCode,
		-- reporter_code and "Reporter Code" are one name
		keys := ARRAY(SELECT lower(regexp_replace(h, '[^A-Za-z0-9]', '', 'g')) FROM unnest(header) WITH ORDINALITY AS u (h, i) ORDER BY i);
		layout := CASE WHEN keys @> ARRAY['reportercode', 'partnercode', 'cmdcode', 'flowcode', 'primaryvalue']
		                    AND strpos(split_part(left(body, 1048576), E'\n', 1), E'\t') > 0 THEN 'Comtrade Plus bulk TSV'
		               WHEN keys @> ARRAY['reportercode', 'partnercode', 'cmdcode', 'flowcode', 'primaryvalue'] THEN 'API v1 CSV'
		               WHEN keys @> ARRAY['tradeflowcode', 'reportercode', 'partnercode', 'commoditycode', 'tradevalueus'] THEN 'legacy CSV' END;
		IF layout IS NULL THEN
			RAISE EXCEPTION USING ERRCODE = 'bad_copy_file_format',
				MESSAGE = CASE WHEN header IS NULL THEN format('%s is empty', shown)
				               ELSE format('%s is no UN Comtrade download', shown) END,
				DETAIL = format('Its first line is: %s', left(array_to_string(header, ','), 1000)),
				HINT = 'load_comtrade_file reads the API v1 CSV (typeCode,freqCode,...,primaryValue, any order), its JSON response, the Comtrade Plus bulk file (the same names, tab-separated) and the legacy comtrade.un.org CSV (Classification,Year,Period,...,Trade Value (US$)).';
		END IF;
		-- each column of comtrade_record from the file's column of that name
		-- (its first), or NULL
		IF layout <> 'legacy CSV' THEN
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
		  AND btrim(array_to_string(c.fields, ''), ' ') = '';
		EXECUTE format('INSERT INTO pg_temp.rareearth_comtrade_file
			SELECT c.line, NULL, c.fields, %s
			FROM pg_temp.rareearth_comtrade_csv c
			WHERE c.line > (SELECT min(line) FROM pg_temp.rareearth_comtrade_csv)
			  AND btrim(array_to_string(c.fields, ''''), '' '') <> ''''', select_list);
		DROP TABLE pg_temp.rareearth_comtrade_csv;
	END IF;

	PERFORM @extschema@.open_load('comtrade'::text, from_file => true);
	ANALYZE pg_temp.rareearth_comtrade_file ("cmdCode");	-- as load_comtrade analyzes its staged rows
	-- a CSV row's record as printed: {column name: field}
	EXECUTE format($v$
		CREATE TEMP VIEW rareearth_comtrade_input AS
		SELECT f.ctid AS staged_at, f.line,
		       coalesce(f.record, (SELECT jsonb_object_agg(coalesce(nullif(h, ''), 'column ' || i), x)
		                           FROM unnest(f.fields, %L::text[]) WITH ORDINALITY AS u (x, h, i) WHERE x IS NOT NULL)) AS record,
		       %s
		FROM pg_temp.rareearth_comtrade_file f$v$,
		header, (SELECT string_agg(format('f.%I', col), ', ' ORDER BY n) FROM unnest(api_columns) WITH ORDINALITY AS u (col, n)));
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
	'loads one UN Comtrade file as downloaded (its bytes; UTF-8 with or without BOM, or Windows-1252), recognized by its header or structure: the API v1 CSV (the 47 API columns in any order, camelCase or snake_case, extra columns ignored: comtradeapicall, comtradr), the API v1 JSON response ({"data": [...]} or the bare array), the Comtrade Plus bulk file (the API names, tab-separated, unquoted; decompressed: a gzip file is refused with the command to decompress it), or the legacy comtrade.un.org CSV (Trade Flow Code 1-4, blank 2nd partner/customs/transport = total, Italy 381 = 380); by the rules of load_comtrade; release defaults to the layout and file; returns the counts of the file''s data rows: loaded + rejected + aggregate (into trade_reported_total) + out of scope (all-empty rows) = rows after the header (JSON: records), and the layout recognized; every row not loaded is in load_rejects with file, line (JSON: the record''s number) and reason; errors that load nothing: an unknown layout or empty file, invalid JSON, an API error response, a gzip file (22P04), a line of more than 1 MB (54000), neither UTF-8 nor Windows-1252 (22021)';

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
	-- The file's text is kept once in a temporary table (stored as is, not
	-- compressed), and its records are read by read_csv as the loader
	-- scans them: no table of fields in between (test/bench/loaders.sh).
	-- The header is the first line; a BACI line is under 60 bytes, so a
	-- record of 1 MB is no BACI file.
	CREATE TEMP TABLE rareearth_baci_body (body text) ON COMMIT DROP;
	ALTER TABLE pg_temp.rareearth_baci_body ALTER COLUMN body SET STORAGE EXTERNAL;
	INSERT INTO pg_temp.rareearth_baci_body VALUES (@extschema@.trade_file_text(content, shown));
	SELECT ARRAY[btrim(r.fields[1]), btrim(r.fields[2]), btrim(r.fields[3]), btrim(r.fields[4]), btrim(r.fields[5]), btrim(r.fields[6])]
	       || CASE WHEN cardinality(r.fields) > 6 THEN ARRAY['...'] ELSE '{}' END
	INTO header
	FROM pg_temp.rareearth_baci_body b,
	     @extschema@.read_csv(CASE WHEN strpos(b.body, E'\n') > 0 THEN substr(b.body, 1, strpos(b.body, E'\n')) ELSE b.body END,
	                          1048576, shown) r
	ORDER BY r.line LIMIT 1;
	IF header IS DISTINCT FROM ARRAY['t', 'i', 'j', 'k', 'v', 'q'] THEN
		RAISE EXCEPTION USING ERRCODE = 'bad_copy_file_format',
			MESSAGE = CASE WHEN header IS NULL THEN format('%s is empty', shown) ELSE format('%s is no BACI file', shown) END,
			DETAIL = format('Its first line is: %s', left(array_to_string(header, ',', ''), 1000)),
			HINT = 'load_baci_file reads CEPII''s BACI_HSxx_Yyyyy_Vyyyymm.csv (t,i,j,k,v,q).';
	END IF;

	PERFORM @extschema@.open_load('baci'::text, from_file => true);
	-- every record after the header; one of another width (rejected) or
	-- all empty (out of scope) keeps all its fields for load_rejects
	EXECUTE format($v$
		CREATE TEMP VIEW rareearth_baci_input AS
		SELECT s.line AS staged_at, s.line, s.t, s.i, s.j, s.k, s.v, s.q,
		       CASE WHEN s.empty THEN 'all-empty row' WHEN s.n_fields <> 6 THEN format('record has %%s fields, the header 6', s.n_fields) END AS skip_reason,
		       CASE WHEN s.empty THEN 'out_of_scope' WHEN s.n_fields <> 6 THEN 'rejected' END AS skip_severity,
		       CASE WHEN s.empty OR s.n_fields <> 6 THEN to_jsonb(s.fields) END AS skip_record
		FROM (SELECT r.line, r.fields, r.fields[1] AS t, r.fields[2] AS i, r.fields[3] AS j, r.fields[4] AS k,
		             r.fields[5] AS v, r.fields[6] AS q, cardinality(r.fields) AS n_fields,
		             NOT (cardinality(r.fields) = 6 AND btrim(r.fields[1], E' \t') <> '')
		             AND btrim(array_to_string(r.fields, ''), E' \t') = '' AS empty
		      FROM pg_temp.rareearth_baci_body b, @extschema@.read_csv(b.body, 1048576, %L) r
		      WHERE r.line > 1) s$v$, shown);
	SELECT * INTO counts FROM @extschema@.baci_load_rows(the_release, synthetic, file_key);
	DROP VIEW pg_temp.rareearth_baci_input;
	DROP TABLE pg_temp.rareearth_baci_body;
	rows_loaded := counts.rows_loaded;
	rows_rejected := counts.rows_rejected;
	rows_aggregate := counts.rows_aggregate;
	rows_out_of_scope := counts.rows_out_of_scope;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_baci_file(bytea, text, text, bool) IS
	'loads one CEPII BACI year file as shipped (its bytes: header t,i,j,k,v,q, padded values, NA quantities) by the rules of load_baci; release defaults to the one the file name carries (BACI_HS17_Y2022_V202501.csv -> BACI HS17 V202501); returns the counts of the file''s data rows: loaded + rejected + aggregate + out of scope (all-empty rows) = rows after the header; every row not loaded is in load_rejects with file, line and reason; errors that load nothing: another header or an empty file (22P04), no release (22023), neither UTF-8 nor Windows-1252 (22021)';
