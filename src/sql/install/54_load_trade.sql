-- ---------------------------------------------------------------------------
-- load_comtrade() and load_baci(release): staged trade records into
-- trade_flow, reported World/EU/"nes" totals into trade_reported_total
-- ---------------------------------------------------------------------------

-- Which of the given HS code texts the hscode type accepts (each tried once,
-- in its own subtransaction, so one malformed code never aborts a load).
CREATE OR REPLACE FUNCTION @extschema@.accepted_hscodes(codes text[]) RETURNS TABLE (code_text text, code @extschema@.hscode)
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY codes LOOP
		CONTINUE WHEN t IS NULL;
		BEGIN
			code_text := t;
			code := t::@extschema@.hscode;
			RETURN NEXT;
		EXCEPTION WHEN data_exception THEN
			NULL;	-- not an HS code: the caller rejects the row
		END;
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.accepted_hscodes(text[]) IS 'the texts among codes that are valid HS codes, with their hscode values (helper of the trade loaders)';

-- plain decimal text ('1165292.0', '77025454.404', '-5') as float8; NULL when empty or not a number
-- The exponent may have three digits, so the text is first read as numeric
-- (which holds 1e400 and 1e-400 exactly) and cast to float8 only when that
-- cannot overflow or underflow: a cast error would abort the whole load.
-- A SQL-standard body is parsed once, at install, so no name in it is ever
-- looked up again; the function stays inlinable.
-- The first branch is the common case (every value of a BACI file), taken
-- with one pattern and one cast: no exponent and at most 300 characters,
-- so the magnitude is below 1e300 and, unless 0, above 1e-299: neither
-- overflow nor underflow is possible.  Text of more than 1,000 characters is
-- no number (NULL): numeric refuses more than 131,072 digits with an error
-- (22003), which aborted a load for one field of 200,000 digits.
CREATE OR REPLACE FUNCTION @extschema@.decimal_or_null(t text) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN pg_catalog.btrim(t) OPERATOR(pg_catalog.~) '^-?[0-9]+(?:\.[0-9]*)?$'
	             AND pg_catalog.length(pg_catalog.btrim(t)) OPERATOR(pg_catalog.<=) 300
	THEN pg_catalog.btrim(t)::float8
	WHEN pg_catalog.btrim(t) OPERATOR(pg_catalog.~) '^-?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]{1,3})?$'
	     AND pg_catalog.length(pg_catalog.btrim(t)) OPERATOR(pg_catalog.<=) 1000
	THEN CASE WHEN pg_catalog.abs(pg_catalog.btrim(t)::numeric) OPERATOR(pg_catalog.=) 0
	            OR pg_catalog.abs(pg_catalog.btrim(t)::numeric) OPERATOR(pg_catalog.<=) 1.7976931348623157e308
	               AND pg_catalog.abs(pg_catalog.btrim(t)::numeric) OPERATOR(pg_catalog.>=) 2.2250738585072014e-308
	          THEN pg_catalog.btrim(t)::float8 END
	END;
COMMENT ON FUNCTION @extschema@.decimal_or_null(text) IS 'a decimal number written as text (as in UN Comtrade and BACI files) as float8; NULL for empty or non-numeric text, text of more than 1,000 characters, and magnitudes float8 cannot hold (above 1.797e308, or nonzero below 2.225e-308) (helper of the trade loaders)';

-- How UN Comtrade spells a boolean: the API's CSV writes true/false, its
-- JSON true/false, comtradeapicall (pandas) True/False, spreadsheets TRUE/
-- FALSE, the legacy files 1/0.  NULL for a blank (not stated) or any other text.
CREATE OR REPLACE FUNCTION @extschema@.comtrade_flag(t text) RETURNS bool
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE pg_catalog.lower(pg_catalog.btrim(t))
	WHEN 'true' THEN true WHEN 't' THEN true WHEN '1' THEN true
	WHEN 'false' THEN false WHEN 'f' THEN false WHEN '0' THEN false END;
COMMENT ON FUNCTION @extschema@.comtrade_flag(text) IS 'a UN Comtrade boolean field as bool: true/false in any case, t/f, 1/0; NULL when blank or anything else (helper of the trade loaders)';

-- comtrade_load_rows(release, synthetic, file): what load_comtrade and
-- load_comtrade_file share.  It reads this session's relation
-- pg_temp.rareearth_comtrade_input: staged_at (a row's place, file order),
-- line (the file's line, NULL for a staging table), record (the row as
-- printed, for load_rejects) and the 47 columns of comtrade_record.
CREATE OR REPLACE FUNCTION @extschema@.comtrade_load_rows(release text, synthetic bool, file text,
	OUT rows_loaded bigint, OUT rows_rejected bigint, OUT rows_aggregate bigint) RETURNS record
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
BEGIN
	IF comtrade_load_rows.release IS NULL OR comtrade_load_rows.synthetic IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'null_value_not_allowed',
			MESSAGE = format('the %s is NULL', CASE WHEN comtrade_load_rows.release IS NULL THEN 'release' ELSE 'synthetic flag' END),
			HINT = 'Name the release or download the rows come from, e.g. ''UN Comtrade API v1, 2024-05-01''.';
	END IF;
	-- Every conversion that can fail sits in a CASE behind its check: the
	-- planner may evaluate a join key or a filter before another filter of
	-- the same row, and one failing cast would abort the whole load.
	CREATE TEMP TABLE rareearth_comtrade_rows ON COMMIT DROP AS
	WITH raw AS (
		SELECT r.*,
		       CASE WHEN btrim(r."reporterCode") ~ '^[0-9]{1,4}$' THEN btrim(r."reporterCode")::int END AS reporter_code,
		       CASE WHEN btrim(r."partnerCode") ~ '^[0-9]{1,4}$' THEN btrim(r."partnerCode")::int END AS partner_code,
		       CASE WHEN btrim(r."refYear") ~ '^[0-9]{4}$' THEN btrim(r."refYear")::int END AS ref_year,
		       CASE WHEN btrim(r."refMonth") ~ '^[0-9]{1,2}$' THEN btrim(r."refMonth")::int END AS ref_month,
		       @extschema@.decimal_or_null(r."netWgt") AS net_weight,
		       @extschema@.decimal_or_null(r."qty") AS qty_value,
		       @extschema@.decimal_or_null(r."altQty") AS alt_qty_value,
		       @extschema@.decimal_or_null(r."primaryValue") AS primary_value,
		       @extschema@.decimal_or_null(r."cifvalue") AS cif_value,
		       @extschema@.decimal_or_null(r."fobvalue") AS fob_value,
		       @extschema@.comtrade_flag(r."isQtyEstimated") AS qty_flag,
		       @extschema@.comtrade_flag(r."isNetWgtEstimated") AS weight_flag,
		       -- a quantity in kilograms: UN Comtrade unit code 8, "kg"
		       -- (comtradeapi.un.org/files/v1/app/reference/QuantityUnits.json)
		       (btrim(r."qtyUnitCode") = '8' OR lower(btrim(r."qtyUnitAbbr")) = 'kg') AS qty_in_kg,
		       (btrim(r."altQtyUnitCode") = '8' OR lower(btrim(r."altQtyUnitAbbr")) = 'kg') AS alt_qty_in_kg
		-- OFFSET 0: each conversion is computed once per row (inlined into the
		-- query below, decimal_or_null would run again at every use of a value:
		-- the net weight is read eight times)
		FROM pg_temp.rareearth_comtrade_input r OFFSET 0),
	codes AS (
		SELECT * FROM @extschema@.accepted_hscodes(
			(SELECT array_agg(DISTINCT "cmdCode") FROM pg_temp.rareearth_comtrade_input
			 WHERE "cmdCode" ~ '^[0-9]{2}([0-9]{2}){0,2}$'))),
	-- every Comtrade number: an entry's own, a legacy or historical one read
	-- as that entry (381 Italy, 841 USA and Puerto Rico), or refused with why
	ref AS (SELECT c.country, c.code AS comtrade, @extschema@.is_aggregate(c.country) AS is_aggregate, c.refused_because
	        FROM @extschema@.country_codes() c WHERE c.scheme = 'comtrade'),
	weighed AS (
		-- The net weight and where it came from.  UN Comtrade prints a net
		-- weight of 0 beside a positive value when the weight was not
		-- reported (the US declares rare-earth compounds, HS 2846, in kg of
		-- quantity and 0 net weight), so 0 there is "not reported": the
		-- quantity stands in when its unit is kilograms, else NULL.
		SELECT raw.*,
		       CASE WHEN raw.net_weight > 0 OR (raw.net_weight = 0 AND NOT raw.primary_value > 0) THEN 'netWgt'
		            WHEN (raw.net_weight = 0 OR coalesce(btrim(raw."netWgt"), '') = '') AND raw.qty_in_kg AND raw.qty_value > 0 THEN 'qty'
		            WHEN (raw.net_weight = 0 OR coalesce(btrim(raw."netWgt"), '') = '') AND raw.alt_qty_in_kg AND raw.alt_qty_value > 0
		            THEN 'altQty' END AS weight_source
		FROM raw)
	SELECT raw.staged_at, raw.line,
	       raw.ref_year AS year,
	       CASE WHEN raw."freqCode" = 'M' THEN raw.ref_month END AS month,
	       rep.country AS reporter, par.country AS partner,
	       coalesce(rep.is_aggregate, false) OR coalesce(par.is_aggregate, false) AS aggregate,
	       raw."flowCode" AS flow, codes.code AS product,
	       CASE raw.weight_source WHEN 'netWgt' THEN raw.net_weight WHEN 'qty' THEN raw.qty_value
	                              WHEN 'altQty' THEN raw.alt_qty_value END AS net_weight,
	       raw.weight_source,
	       raw.primary_value,
	       -- the value's basis: CIF when the CIF field carries it, FOB when the FOB field does;
	       -- otherwise by flow (IMTS 2010: imports CIF, exports FOB)
	       CASE WHEN raw.cif_value > 0 AND raw.cif_value = raw.primary_value THEN 'CIF'
	            WHEN raw.fob_value > 0 AND raw.fob_value = raw.primary_value THEN 'FOB'
	            WHEN raw."flowCode" IN ('M', 'RM') THEN 'CIF' ELSE 'FOB' END AS valuation,
	       -- a flag not stated (blank) is stored as not estimated: UN Comtrade
	       -- marks estimates, so no mark is no estimate
	       coalesce(raw.qty_flag, false) AS quantity_estimated,
	       coalesce(raw.weight_flag, false) AS net_weight_estimated,
	       CASE
	           WHEN raw."typeCode" IS DISTINCT FROM 'C' THEN format('type "%s" is not goods (C)', raw."typeCode")
	           WHEN raw."freqCode" NOT IN ('A', 'M') OR raw."freqCode" IS NULL THEN format('frequency "%s" is neither A nor M', raw."freqCode")
	           WHEN raw.ref_year IS NULL OR raw.ref_year NOT BETWEEN 1900 AND 2100 THEN format('year "%s" is not a year 1900-2100', raw."refYear")
	           WHEN raw."freqCode" = 'M' AND (raw.ref_month IS NULL OR raw.ref_month NOT BETWEEN 1 AND 12)
	               THEN format('month "%s" is not 1-12', raw."refMonth")
	           WHEN rep.country IS NULL THEN format('unknown reporter code "%s"', raw."reporterCode") || coalesce(': ' || rep.refused_because, '')
	           WHEN par.country IS NULL THEN format('unknown partner code "%s"', raw."partnerCode") || coalesce(': ' || par.refused_because, '')
	           WHEN raw."flowCode" NOT IN ('M', 'X', 'RM', 'RX') OR raw."flowCode" IS NULL THEN format('flow "%s" is not M, X, RM or RX', raw."flowCode")
	           -- a legacy download can be SITC (S1-S4) or BEC, whose codes look like HS codes
	           WHEN coalesce(btrim(raw."classificationCode"), '') !~ '^(H[0-9]|HS|)$'
	               THEN format('classification "%s" is not HS: its commodity codes are no HS codes', raw."classificationCode")
	           WHEN codes.code IS NULL THEN format('malformed HS code "%s"', raw."cmdCode")
	           WHEN raw."partner2Code" IS DISTINCT FROM '0' OR raw."customsCode" IS DISTINCT FROM 'C00' OR raw."motCode" IS DISTINCT FROM '0'
	               THEN 'a breakdown by second partner, customs procedure or mode of transport: only totals (0, C00, 0) are loaded'
	           WHEN raw.primary_value IS NULL THEN format('no trade value in range (primaryValue "%s")', raw."primaryValue")
	           WHEN raw.primary_value < 0 THEN format('negative trade value %s', raw."primaryValue")
	           WHEN raw.primary_value >= 'Infinity' THEN 'a value out of range'
	       END AS reason,
	       -- a bad net weight or flag costs the row that field, not its value:
	       -- stored as NULL (a flag as false), with a warning in load_rejects
	       concat_ws('; ',
	           CASE WHEN raw.net_weight < 0 THEN format('negative net weight %s: stored as NULL', raw."netWgt")
	                WHEN btrim(raw."netWgt") <> '' AND raw.net_weight IS NULL
	                    THEN format('net weight "%s" is not a number in range: stored as NULL', raw."netWgt") END,
	           -- the quantity standing in is recorded in net_weight_source
	           CASE WHEN raw.net_weight = 0 AND raw.weight_source IS NULL
	                THEN 'net weight 0 beside a value means not reported, and no quantity in kg: stored as NULL' END,
	           CASE WHEN raw.qty_flag IS NULL AND btrim(raw."isQtyEstimated") <> ''
	                THEN format('isQtyEstimated "%s" is not a boolean: stored as false', raw."isQtyEstimated") END,
	           CASE WHEN raw.weight_flag IS NULL AND btrim(raw."isNetWgtEstimated") <> ''
	                THEN format('isNetWgtEstimated "%s" is not a boolean: stored as false', raw."isNetWgtEstimated") END
	       ) AS warning
	FROM weighed raw
	LEFT JOIN ref rep ON rep.comtrade = raw.reporter_code
	LEFT JOIN ref par ON par.comtrade = raw.partner_code
	LEFT JOIN codes ON codes.code_text = raw."cmdCode";

	-- the same natural key twice in one load (e.g. one flow in two HS editions): rows after the
	-- first in file order (line, else the staging row's place) are refused.  A
	-- download has none, so the rows are sorted into file order only when a
	-- hash over the keys finds one.
	IF EXISTS (SELECT FROM pg_temp.rareearth_comtrade_rows WHERE reason IS NULL
	           GROUP BY reporter, partner, flow, product, year, month HAVING count(*) > 1) THEN
		UPDATE pg_temp.rareearth_comtrade_rows m
		SET reason = 'duplicate of an earlier row for the same reporter, partner, flow, HS code and period'
		FROM (SELECT ctid, row_number() OVER (PARTITION BY reporter, partner, flow, product, year, month ORDER BY line, staged_at) AS n
		      FROM pg_temp.rareearth_comtrade_rows WHERE reason IS NULL) d
		WHERE m.ctid = d.ctid AND d.n > 1;
	END IF;

	-- Years no Comtrade rows are stored for cannot meet a stored key (other
	-- loads wait for this one: begin_load) and the file has no key twice
	-- (above), so their rows go in by a plain INSERT sorted by the table's
	-- unique key, each index page met once in turn (test/bench/loaders.sh);
	-- otherwise by the upsert, which updates what changed.
	IF NOT EXISTS (SELECT FROM @extschema@.trade_flow f
	               WHERE f.source = 'comtrade'
	                 AND f.year IN (SELECT DISTINCT year FROM pg_temp.rareearth_comtrade_rows WHERE reason IS NULL)) THEN
		INSERT INTO @extschema@.trade_flow (year, month, reporter, partner, flow, product, net_weight_kg, value_usd,
			valuation, source, release, quantity_estimated, net_weight_estimated, synthetic, net_weight_source)
		SELECT year, month, reporter, partner, flow, product, net_weight, primary_value, valuation, 'comtrade',
		       comtrade_load_rows.release, quantity_estimated, net_weight_estimated, comtrade_load_rows.synthetic, weight_source
		FROM pg_temp.rareearth_comtrade_rows WHERE reason IS NULL AND NOT aggregate
		ORDER BY reporter, partner, flow, product, year, month;
	ELSE
	INSERT INTO @extschema@.trade_flow AS t (year, month, reporter, partner, flow, product, net_weight_kg, value_usd,
		valuation, source, release, quantity_estimated, net_weight_estimated, synthetic, net_weight_source)
	SELECT year, month, reporter, partner, flow, product, net_weight, primary_value, valuation, 'comtrade',
	       comtrade_load_rows.release, quantity_estimated, net_weight_estimated, comtrade_load_rows.synthetic, weight_source
	FROM pg_temp.rareearth_comtrade_rows WHERE reason IS NULL AND NOT aggregate
	ON CONFLICT ON CONSTRAINT trade_flow_key DO UPDATE
		SET net_weight_kg = excluded.net_weight_kg, value_usd = excluded.value_usd, valuation = excluded.valuation,
		    release = excluded.release, quantity_estimated = excluded.quantity_estimated,
		    net_weight_estimated = excluded.net_weight_estimated, synthetic = excluded.synthetic,
		    net_weight_source = excluded.net_weight_source
		WHERE (t.net_weight_kg, t.value_usd, t.valuation, t.release, t.quantity_estimated, t.net_weight_estimated, t.synthetic,
		       t.net_weight_source)
		      IS DISTINCT FROM (excluded.net_weight_kg, excluded.value_usd, excluded.valuation, excluded.release,
		                        excluded.quantity_estimated, excluded.net_weight_estimated, excluded.synthetic,
		                        excluded.net_weight_source);
	END IF;

	INSERT INTO @extschema@.trade_reported_total AS t (year, month, reporter, partner_area, flow, product, net_weight_kg,
		value_usd, valuation, source, release, synthetic, net_weight_source)
	SELECT year, month, reporter, partner, flow, product, net_weight, primary_value, valuation, 'comtrade',
	       comtrade_load_rows.release, comtrade_load_rows.synthetic, weight_source
	FROM pg_temp.rareearth_comtrade_rows WHERE reason IS NULL AND aggregate
	ON CONFLICT ON CONSTRAINT trade_reported_total_key DO UPDATE
		SET net_weight_kg = excluded.net_weight_kg, value_usd = excluded.value_usd, valuation = excluded.valuation,
		    release = excluded.release, synthetic = excluded.synthetic, net_weight_source = excluded.net_weight_source
		WHERE (t.net_weight_kg, t.value_usd, t.valuation, t.release, t.synthetic, t.net_weight_source)
		      IS DISTINCT FROM (excluded.net_weight_kg, excluded.value_usd, excluded.valuation, excluded.release,
		                        excluded.synthetic, excluded.net_weight_source);

	-- the records of the rows refused or changed only, each read again by its
	-- place in the input (a TID scan; the input's record is never built for
	-- a row loaded as it is)
	CREATE TEMP TABLE rareearth_rejects ON COMMIT DROP AS
	SELECT coalesce(m.reason, nullif(m.warning, '')) AS reason,
	       (SELECT r.record FROM pg_temp.rareearth_comtrade_input r WHERE r.staged_at = m.staged_at) AS record,
	       CASE WHEN m.reason IS NULL THEN 'warning' END AS severity, m.line
	FROM pg_temp.rareearth_comtrade_rows m
	WHERE m.reason IS NOT NULL OR m.warning <> '';
	PERFORM @extschema@.record_staged_rejects('comtrade'::text, comtrade_load_rows.release, comtrade_load_rows.file);

	SELECT count(*) FILTER (WHERE reason IS NULL AND NOT aggregate), count(*) FILTER (WHERE reason IS NOT NULL),
	       count(*) FILTER (WHERE reason IS NULL AND aggregate)
	INTO rows_loaded, rows_rejected, rows_aggregate FROM pg_temp.rareearth_comtrade_rows;
	DROP TABLE pg_temp.rareearth_comtrade_rows;
END
$fn$;
COMMENT ON FUNCTION @extschema@.comtrade_load_rows(text, bool, text) IS
	'loader helper of load_comtrade and load_comtrade_file: moves this session''s pg_temp.rareearth_comtrade_input (staged_at, line, record, the 47 comtrade_record columns) into trade_flow and trade_reported_total, files what it refused or changed in load_rejects under file, and returns (rows loaded, rejected, set aside as aggregates)';

CREATE OR REPLACE FUNCTION @extschema@.load_comtrade(release text DEFAULT 'UN Comtrade API v1', synthetic bool DEFAULT false,
	OUT rows_loaded bigint, OUT rows_rejected bigint, OUT rows_aggregate bigint) RETURNS record
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	PERFORM @extschema@.open_load('comtrade'::text);
	-- statistics (the row count: one column suffices): without them the
	-- planner takes a million staged rows for a few thousand and sorts them
	-- for merge joins where a hash fits
	ANALYZE pg_temp.comtrade_raw ("cmdCode");
	-- the staging table as it is, read in place (a view, no copy)
	CREATE TEMP VIEW rareearth_comtrade_input AS
	SELECT r.ctid AS staged_at, NULL::int AS line, to_jsonb(r) AS record, r.*
	FROM pg_temp.comtrade_raw r;
	SELECT l.rows_loaded, l.rows_rejected, l.rows_aggregate INTO rows_loaded, rows_rejected, rows_aggregate
	FROM @extschema@.comtrade_load_rows(load_comtrade.release, load_comtrade.synthetic, NULL::text) l;
	DROP VIEW pg_temp.rareearth_comtrade_input;
	TRUNCATE pg_temp.comtrade_raw;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_comtrade(text, bool) IS
	'moves this session''s staging table pg_temp.comtrade_raw (UN Comtrade API v1 records, see stage) into trade_flow, and rows whose reporter or partner is World, the EU or an "nes" area into trade_reported_total; returns (rows loaded, rows rejected, rows set aside as aggregates), which add up to the staged rows; refused rows go to load_rejects with the reason; a row already stored under the same key is updated, so loading a file twice changes nothing; booleans in any spelling (true/false, True/False, TRUE/FALSE, t/f, 1/0), blank = not estimated; a net weight of 0 beside a value is not reported: the quantity stands in when in kg (net_weight_source says which field), else NULL; a bad net weight is stored as NULL with a warning in load_rejects; one transaction; loads run one at a time; empties the staging table; synthetic marks generated test data';

-- baci_load_rows(release, synthetic, file): what load_baci and load_baci_file
-- share.  It reads this session's relation pg_temp.rareearth_baci_input:
-- staged_at (a row's place, file order), line (the file's line, NULL for a
-- staging table), t, i, j, k, v, q, and for a record the file loader leaves
-- out skip_reason, skip_severity (rejected or out_of_scope) and skip_record
-- (NULL otherwise).
CREATE OR REPLACE FUNCTION @extschema@.baci_load_rows(release text, synthetic bool, file text,
	OUT rows_loaded bigint, OUT rows_rejected bigint, OUT rows_aggregate bigint, OUT rows_out_of_scope bigint) RETURNS record
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
	new_years bool;
	done bool := false;
BEGIN
	IF baci_load_rows.release IS NULL OR baci_load_rows.synthetic IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'null_value_not_allowed',
			MESSAGE = format('the %s is NULL', CASE WHEN baci_load_rows.release IS NULL THEN 'release' ELSE 'synthetic flag' END),
			HINT = 'Name the BACI release, e.g. ''BACI HS17 V202501''.';
	END IF;
	-- A BACI year is millions of rows, so every row is read once, converted
	-- once and written once (test/bench/loaders.sh).  Each row converted
	-- and checked, with the reason it is refused (NULL: loaded) and its
	-- fields as staged (for load_rejects):
	-- casts that can fail sit in a CASE behind their check (see load_comtrade)
	CREATE TEMP VIEW rareearth_baci_converted AS
	WITH raw AS (
		SELECT r.staged_at, r.line, r.t AS t_as_staged, r.i AS i_as_staged, r.j AS j_as_staged, r.k AS k_as_staged,
		       r.v AS v_as_staged, r.q AS q_as_staged, r.skip_reason, r.skip_severity, r.skip_record,
		       btrim(r.t) AS t, btrim(r.i) AS i, btrim(r.j) AS j,
		       -- BACI writes k as a number: 10121 is HS 0101.21 (chapters 01-09
		       -- lose their leading zero).  Five or six digits, padded to six, are
		       -- an HS code unless the chapter is 00 (hscode's own rule, checked
		       -- against hscode_in by sql/loaders.sql), so the cast cannot fail
		       CASE WHEN btrim(r.k) ~ '^[0-9]{5,6}$' AND left(lpad(btrim(r.k), 6, '0'), 2) <> '00'
		            THEN lpad(btrim(r.k), 6, '0')::@extschema@.hscode END AS product,
		       CASE WHEN btrim(r.t) ~ '^[0-9]{4}$' THEN btrim(r.t)::int END AS year,
		       CASE WHEN btrim(r.i) ~ '^[0-9]{1,4}$' THEN btrim(r.i)::int END AS exporter_code,
		       CASE WHEN btrim(r.j) ~ '^[0-9]{1,4}$' THEN btrim(r.j)::int END AS importer_code,
		       @extschema@.decimal_or_null(r.v) AS v, btrim(r.q) AS q_text, @extschema@.decimal_or_null(r.q) AS q
		-- OFFSET 0: each conversion is computed once per row (inlined into the
		-- query below, decimal_or_null would run again at every use of v and q)
		FROM pg_temp.rareearth_baci_input r OFFSET 0),
	-- every BACI number: an entry's own, or an older release's read as that entry (381 Italy up to V202201: CEPII's country_codes_V202301.csv already has 380)
	ref AS (SELECT c.country, c.code AS baci, @extschema@.is_aggregate(c.country) AS is_aggregate
	        FROM @extschema@.country_codes() c WHERE c.scheme = 'baci' AND c.country IS NOT NULL)
	SELECT raw.staged_at, raw.line, raw.year,
	       ex.country AS exporter, im.country AS importer,
	       coalesce(ex.is_aggregate, false) OR coalesce(im.is_aggregate, false) AS aggregate,
	       raw.product,
	       -- BACI units: v in thousands of US dollars (FOB), q in metric tons
	       -- (times 1000 only below 1.797e305: float8 multiplication overflows with an error)
	       CASE WHEN raw.v < 1.7976931348623157e305 THEN raw.v * 1000 END AS value_usd,
	       CASE WHEN raw.q < 1.7976931348623157e305 THEN raw.q * 1000 END AS net_weight_kg,
	       coalesce(raw.skip_reason, CASE
	           WHEN raw.year IS NULL OR raw.year NOT BETWEEN 1900 AND 2100 THEN format('year "%s" is not a year 1900-2100', raw.t)
	           WHEN ex.country IS NULL THEN format('unknown BACI exporter code "%s"', raw.i)
	           WHEN im.country IS NULL THEN format('unknown BACI importer code "%s"', raw.j)
	           WHEN raw.product IS NULL THEN format('malformed HS code "%s" (BACI uses six digits, five for chapters 01-09)', raw.k_as_staged)
	           WHEN raw.v IS NULL THEN format('no trade value in range ("%s")', raw.v_as_staged)
	           WHEN raw.v < 0 THEN format('negative trade value %s', raw.v)
	           WHEN raw.q < 0 THEN format('negative quantity %s', raw.q)
	           WHEN raw.q IS NULL AND raw.q_text IS DISTINCT FROM 'NA' AND raw.q_text <> ''
	               THEN format('quantity "%s" is not a number in range', raw.q_text)
	           WHEN raw.v >= 1.7976931348623157e305 OR raw.q >= 1.7976931348623157e305 THEN 'a value out of range'
	       END) AS reason,
	       raw.skip_severity, raw.skip_record, raw.t_as_staged, raw.i_as_staged, raw.j_as_staged,
	       raw.k_as_staged, raw.v_as_staged, raw.q_as_staged
	FROM raw
	LEFT JOIN ref ex ON ex.baci = raw.exporter_code
	LEFT JOIN ref im ON im.baci = raw.importer_code;

	-- A BACI flow is stored as the exporter's export to the importer, FOB.
	-- Rows of a year no BACI file was loaded for cannot meet a stored key
	-- (other loads wait for this one: begin_load), so they go in by a plain
	-- INSERT (the fast path); otherwise by the upsert, which updates what
	-- changed and leaves the rest as it is (the general path).  Every staged
	-- year counts here, refused rows' too: a year in doubt takes the upsert.
	new_years := NOT EXISTS (SELECT FROM @extschema@.trade_flow f WHERE f.source = 'baci')
	             OR NOT EXISTS (SELECT FROM @extschema@.trade_flow f
	                            WHERE f.flow = 'X' AND f.source = 'baci'
	                              AND f.year IN (SELECT DISTINCT CASE WHEN btrim(r.t) ~ '^[0-9]{4}$' THEN btrim(r.t)::int END
	                                             FROM pg_temp.rareearth_baci_input r));
	-- The fast path: one statement, the converted rows materialized once (a
	-- CTE, no table in between); the flows go into trade_flow sorted by its
	-- unique key, so that each index page is met once in turn instead of at
	-- random (a third less time in the index than in file order); refused
	-- rows with their records as staged.  A key twice in the file
	-- (unique_violation; cardinality_violation from the aggregates' upsert)
	-- undoes the attempt, and the rows take the general path.
	IF new_years THEN
		BEGIN
			CREATE TEMP TABLE rareearth_rejects (reason text, record jsonb, severity text, line int) ON COMMIT DROP;
			WITH m AS MATERIALIZED (SELECT * FROM pg_temp.rareearth_baci_converted),
			flows AS (
				INSERT INTO @extschema@.trade_flow (year, month, reporter, partner, flow, product, net_weight_kg, value_usd,
					valuation, source, release, synthetic, net_weight_source)
				SELECT m.year, NULL, m.exporter, m.importer, 'X', m.product, m.net_weight_kg, m.value_usd, 'FOB', 'baci',
				       baci_load_rows.release, baci_load_rows.synthetic, CASE WHEN m.net_weight_kg IS NOT NULL THEN 'q' END
				FROM m WHERE m.reason IS NULL AND NOT m.aggregate
				ORDER BY m.exporter, m.importer, m.product, m.year),
			totals AS (
				INSERT INTO @extschema@.trade_reported_total AS t (year, month, reporter, partner_area, flow, product, net_weight_kg,
					value_usd, valuation, source, release, synthetic, net_weight_source)
				SELECT m.year, NULL, m.exporter, m.importer, 'X', m.product, m.net_weight_kg, m.value_usd, 'FOB', 'baci',
				       baci_load_rows.release, baci_load_rows.synthetic, CASE WHEN m.net_weight_kg IS NOT NULL THEN 'q' END
				FROM m WHERE m.reason IS NULL AND m.aggregate
				ON CONFLICT ON CONSTRAINT trade_reported_total_key DO UPDATE
					SET net_weight_kg = excluded.net_weight_kg, value_usd = excluded.value_usd, release = excluded.release,
					    synthetic = excluded.synthetic, net_weight_source = excluded.net_weight_source
					WHERE (t.net_weight_kg, t.value_usd, t.release, t.synthetic, t.net_weight_source)
					      IS DISTINCT FROM (excluded.net_weight_kg, excluded.value_usd, excluded.release, excluded.synthetic,
					                        excluded.net_weight_source)),
			refused AS (
				-- the record as staged, built for a refused row only
				INSERT INTO pg_temp.rareearth_rejects (reason, record, severity, line)
				SELECT m.reason, coalesce(m.skip_record, jsonb_build_object('t', m.t_as_staged, 'i', m.i_as_staged, 'j', m.j_as_staged,
				                                         'k', m.k_as_staged, 'v', m.v_as_staged, 'q', m.q_as_staged)),
				       m.skip_severity, m.line
				FROM m WHERE m.reason IS NOT NULL)
			SELECT count(*) FILTER (WHERE m.reason IS NULL AND NOT m.aggregate),
			       count(*) FILTER (WHERE m.reason IS NOT NULL AND m.skip_severity IS DISTINCT FROM 'out_of_scope'),
			       count(*) FILTER (WHERE m.reason IS NULL AND m.aggregate),
			       count(*) FILTER (WHERE m.skip_severity = 'out_of_scope')
			INTO rows_loaded, rows_rejected, rows_aggregate, rows_out_of_scope FROM m;
			done := true;
		EXCEPTION WHEN unique_violation OR cardinality_violation THEN
			NULL;	-- a key twice in the file: the general path
		END;
	END IF;
	IF NOT done THEN
		-- the general path: the converted rows into a table, duplicates
		-- refused, then the insert (new years) or the upsert
		CREATE TEMP TABLE rareearth_baci_rows ON COMMIT DROP AS SELECT * FROM pg_temp.rareearth_baci_converted;
		ANALYZE pg_temp.rareearth_baci_rows;
		-- The same natural key twice in one file: rows after the first in file
		-- order (staged_at) are refused.  A BACI file has none, so the rows are
		-- sorted into file order only when a duplicate shows: for the plain
		-- INSERT, when the table's unique key refuses one (the attempt is undone);
		-- for the upsert and the aggregates, when a hash over the keys finds one.
		FOR attempt IN 1..2 LOOP
			IF attempt = 2 OR EXISTS (SELECT FROM pg_temp.rareearth_baci_rows WHERE reason IS NULL AND (aggregate OR NOT new_years)
			                          GROUP BY exporter, importer, product, year HAVING count(*) > 1) THEN
				UPDATE pg_temp.rareearth_baci_rows m
				SET reason = 'duplicate of an earlier row for the same exporter, importer, product and year'
				FROM (SELECT ctid, row_number() OVER (PARTITION BY exporter, importer, product, year ORDER BY staged_at) AS n
				      FROM pg_temp.rareearth_baci_rows WHERE reason IS NULL) d
				WHERE m.ctid = d.ctid AND d.n > 1;
			END IF;
			BEGIN
				EXECUTE 'INSERT INTO @extschema@.trade_flow AS t (year, month, reporter, partner, flow, product, net_weight_kg, value_usd,
					valuation, source, release, synthetic, net_weight_source)
				SELECT year, NULL, exporter, importer, ''X'', product, net_weight_kg, value_usd, ''FOB'', ''baci'', $1, $2,
				       CASE WHEN net_weight_kg IS NOT NULL THEN ''q'' END
				FROM pg_temp.rareearth_baci_rows WHERE reason IS NULL AND NOT aggregate'
				|| CASE WHEN NOT new_years THEN '
				ON CONFLICT ON CONSTRAINT trade_flow_key DO UPDATE
					SET net_weight_kg = excluded.net_weight_kg, value_usd = excluded.value_usd, release = excluded.release,
					    synthetic = excluded.synthetic, net_weight_source = excluded.net_weight_source
					WHERE (t.net_weight_kg, t.value_usd, t.release, t.synthetic, t.net_weight_source)
					      IS DISTINCT FROM (excluded.net_weight_kg, excluded.value_usd, excluded.release, excluded.synthetic,
					                        excluded.net_weight_source)' ELSE '' END
				USING baci_load_rows.release, baci_load_rows.synthetic;
				EXIT;
			EXCEPTION WHEN unique_violation THEN
				IF attempt = 2 OR NOT new_years THEN
					RAISE;
				END IF;
			END;
		END LOOP;

		INSERT INTO @extschema@.trade_reported_total AS t (year, month, reporter, partner_area, flow, product, net_weight_kg,
			value_usd, valuation, source, release, synthetic, net_weight_source)
		SELECT year, NULL, exporter, importer, 'X', product, net_weight_kg, value_usd, 'FOB', 'baci', baci_load_rows.release,
		       baci_load_rows.synthetic, CASE WHEN net_weight_kg IS NOT NULL THEN 'q' END
		FROM pg_temp.rareearth_baci_rows WHERE reason IS NULL AND aggregate
		ON CONFLICT ON CONSTRAINT trade_reported_total_key DO UPDATE
			SET net_weight_kg = excluded.net_weight_kg, value_usd = excluded.value_usd, release = excluded.release,
			    synthetic = excluded.synthetic, net_weight_source = excluded.net_weight_source
			WHERE (t.net_weight_kg, t.value_usd, t.release, t.synthetic, t.net_weight_source)
			      IS DISTINCT FROM (excluded.net_weight_kg, excluded.value_usd, excluded.release, excluded.synthetic,
			                        excluded.net_weight_source);

		CREATE TEMP TABLE rareearth_rejects ON COMMIT DROP AS
		SELECT m.reason, coalesce(m.skip_record, jsonb_build_object('t', m.t_as_staged, 'i', m.i_as_staged, 'j', m.j_as_staged,
		                                         'k', m.k_as_staged, 'v', m.v_as_staged, 'q', m.q_as_staged)) AS record,
		       m.skip_severity AS severity, m.line
		FROM pg_temp.rareearth_baci_rows m WHERE m.reason IS NOT NULL;
		SELECT count(*) FILTER (WHERE reason IS NULL AND NOT aggregate),
		       count(*) FILTER (WHERE reason IS NOT NULL AND skip_severity IS DISTINCT FROM 'out_of_scope'),
		       count(*) FILTER (WHERE reason IS NULL AND aggregate), count(*) FILTER (WHERE skip_severity = 'out_of_scope')
		INTO rows_loaded, rows_rejected, rows_aggregate, rows_out_of_scope FROM pg_temp.rareearth_baci_rows;
		DROP TABLE pg_temp.rareearth_baci_rows;
	END IF;
	PERFORM @extschema@.record_staged_rejects('baci'::text, baci_load_rows.release, baci_load_rows.file);
	DROP VIEW pg_temp.rareearth_baci_converted;
END
$fn$;
COMMENT ON FUNCTION @extschema@.baci_load_rows(text, bool, text) IS
	'loader helper of load_baci and load_baci_file: moves this session''s pg_temp.rareearth_baci_input (staged_at, line, t, i, j, k, v, q, skip_reason, skip_severity, skip_record) into trade_flow and trade_reported_total, files what it refused (and the records the file loader left out) in load_rejects under file, and returns (rows loaded, rejected, set aside as aggregates, out of scope)';

CREATE OR REPLACE FUNCTION @extschema@.load_baci(release text, synthetic bool DEFAULT false,
	OUT rows_loaded bigint, OUT rows_rejected bigint, OUT rows_aggregate bigint) RETURNS record
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
	-- not STRICT: a NULL argument is an error that says so, never a silent NULL
	PERFORM @extschema@.open_load('baci'::text, null_argument =>
		CASE WHEN load_baci.release IS NULL THEN 'release' WHEN load_baci.synthetic IS NULL THEN 'synthetic flag' END,
		hint => 'Name the BACI release the rows come from, e.g. ''BACI HS17 V202501''.');
	-- the staging table as it is, read in place (a view, no copy)
	CREATE TEMP VIEW rareearth_baci_input AS
	SELECT r.ctid AS staged_at, NULL::int AS line, r.*, NULL::text AS skip_reason, NULL::text AS skip_severity, NULL::jsonb AS skip_record
	FROM pg_temp.baci_raw r;
	SELECT l.rows_loaded, l.rows_rejected, l.rows_aggregate INTO rows_loaded, rows_rejected, rows_aggregate
	FROM @extschema@.baci_load_rows(load_baci.release, load_baci.synthetic, NULL::text) l;
	DROP VIEW pg_temp.rareearth_baci_input;
	TRUNCATE pg_temp.baci_raw;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_baci(text, bool) IS
	'moves this session''s staging table pg_temp.baci_raw (CEPII BACI t,i,j,k,v,q, see stage) into trade_flow as the exporter''s FOB exports to the importer: v thousands of USD x 1000 -> USD, q tonnes x 1000 -> kg, country codes by their BACI codes, k of five digits read with its leading zero (10121 = 0101.21); returns (rows loaded, rows rejected, rows set aside as aggregates); refused rows go to load_rejects with the reason; loading twice changes nothing; loads run one at a time; empties the staging table; synthetic marks generated test data';
