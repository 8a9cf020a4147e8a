-- NULL where a function needs a value is an error that says NULL (22004
-- null_value_not_allowed, or 39004 for a NULL a function returns where none
-- may be), never a silent NULL or a misleading message.  Read off the
-- catalog: every function of the extension that is not STRICT (a STRICT
-- function answers NULL for NULL by definition and never runs) and takes a
-- required argument is called with NULL for its required arguments (those
-- without a default).  Left out, each with its reason: aggregate support
-- functions (internal arguments, called by the executor), and the functions
-- whose documented answer to NULL is NULL or nothing.
-- names printed schema-qualified
SET search_path = public;
CREATE TEMP TABLE null_answer_documented (fn text PRIMARY KEY, why text NOT NULL);
INSERT INTO null_answer_documented VALUES
	('rareearth.read_csv(text,integer,text)', 'NULL content: no records (documented)'),
	('rareearth.comtrade_flag(text)', 'a field converter: blank or NULL = not stated (NULL), as a Comtrade flag is read'),
	('rareearth.to_content(rareearth.hscode,double precision,text,text)', 'a conversion: a NULL code or quantity gives NULL, as to_reo does (a flow without a net weight has no content)'),
	('rareearth.trade_file_text(bytea,text)', 'a loader helper: load_comtrade_file refuses NULL content before calling it'),
	('rareearth.decimal_or_null(text)', 'a field converter: NULL for what is not a number, by its name'),
	('rareearth.usgs_unit_factor(text,text)', 'a loader helper: NULL = no conversion, which the loader turns into a reason'),
	('rareearth.usgs_mcs_statistic_name(text,text)', 'a loader helper naming a statistic from a row''s labels'),
	('rareearth.usgs_mcs_file_commodity(text,text,text)', 'a loader helper: NULL = no commodity, which the loader turns into a reason'),
	('rareearth.record_rejects(text,text,jsonb)', 'a loader helper: filing no rejects is no error'),
	('rareearth.record_file_rejects(text,text,text,jsonb)', 'a loader helper: filing no rejects is no error'),
	('rareearth.record_staged_rejects(text,text,text)', 'a loader helper: files the rejects a loader left in this session, none outside a load'),
	('rareearth.reconcile(text,double precision,double precision)', 'a metric: a NULL source or value gives NULL, as documented (a mirror value may be missing)'),
	('rareearth.hhi_wgi(rareearth.supply_mix,jsonb,jsonb)', 'a metric: a NULL mix (a group without rows) gives NULL, as documented; the later arguments may be NULL'),
	('rareearth.hhi_wgi(rareearth.supply_mix,jsonb,jsonb,double precision)', 'a metric: as hhi_wgi above'),
	('rareearth.weighted_score(rareearth.supply_mix,jsonb,double precision)', 'a metric: a NULL mix or scores give NULL, as documented; the default may be NULL'),
	('rareearth.geopolrisk(rareearth.supply_mix,rareearth.supply_mix,text,jsonb,double precision,double precision,text[])',
	 'a metric: a NULL mix gives NULL, as documented; price, default and HS codes may be NULL');
CREATE TEMP TABLE null_outcome (fn text, sqlstate text, message text);
DO $$
DECLARE
	f record;
	state text;
	msg text;
BEGIN
	FOR f IN
		SELECT p.oid::regprocedure::text AS fn, p.oid AS oid,
		       (SELECT string_agg('NULL::' || format_type(t, NULL), ', ' ORDER BY i)
		        FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY AS a (t, i)
		        WHERE i <= p.pronargs - p.pronargdefaults) AS args
		FROM pg_proc p
		JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
		JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'rareearth'
		WHERE p.prokind = 'f' AND NOT p.proisstrict AND p.pronargs - p.pronargdefaults > 0
		  AND NOT 'internal'::regtype = ANY (p.proargtypes::oid[])
		  AND p.oid::regprocedure::text NOT IN (SELECT fn FROM null_answer_documented)
		ORDER BY 1
	LOOP
		BEGIN
			EXECUTE format('SELECT %s(%s)', f.oid::regproc, f.args);
			state := 'none';
			msg := 'no error';
		EXCEPTION WHEN OTHERS THEN
			GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
		END;
		INSERT INTO null_outcome VALUES (f.fn, state, msg);
	END LOOP;
END $$;
-- functions checked (the test reads the catalog, so it cannot pass empty)
SELECT count(*) >= 5 AS several_functions_checked FROM null_outcome;
-- the loaders and functions the newcomer met are among them
SELECT fn FROM (VALUES ('rareearth.load_usgs_mcs(text)'), ('rareearth.stage(text)'),
                       ('rareearth.cagr(double precision,double precision,integer,integer)'),
                       ('rareearth.required_cagr(double precision,double precision,integer,integer)'),
                       ('rareearth.load_usgs_mcs_file(bytea,text,text,text[])')) v (fn)
WHERE fn NOT IN (SELECT fn FROM null_outcome) ORDER BY 1;
-- every one refuses NULL with 22004 or 39004 and a message saying NULL: no rows
SELECT fn, sqlstate, message FROM null_outcome
WHERE sqlstate NOT IN ('22004', '39004') OR message !~ 'NULL' ORDER BY fn;
-- what a user sees
SELECT fn, sqlstate, message FROM null_outcome
WHERE fn IN ('rareearth.load_usgs_mcs(text)', 'rareearth.stage(text)', 'rareearth.usgs_mcs_load_rows(text,text,text[])',
             'rareearth.required_cagr(double precision,double precision,integer,integer)') ORDER BY fn;
RESET search_path;
-- each argument NULL in turn, the others given: the message names the one
SELECT required_cagr(NULL, 50000, 2024, 2030);
SELECT required_cagr(2600, 50000, 2024, NULL);
SELECT cagr(2600, NULL, 2024, 2030);
-- a value still answers
SELECT abs(required_cagr(2600, 50000, 2024, 2030) - ((50000.0 / 2600) ^ (1.0 / 6) - 1)) < 1e-12 AS formula_ok;
