-- ---------------------------------------------------------------------------
-- load_usgs_mcs(edition): the USGS MCS data-release CSV into production and
-- reserves (rare-earth chapter, "World Mine Production and Reserves")
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.load_usgs_mcs(edition text,
	OUT rows_loaded bigint, OUT rows_rejected bigint, OUT rows_out_of_scope bigint) RETURNS record
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
	cover_year int;
BEGIN
	IF load_usgs_mcs.edition !~ '^MCS[0-9]{4}$' THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('invalid USGS MCS edition "%s"', load_usgs_mcs.edition),
			HINT = 'Name the edition MCS followed by its cover year, e.g. MCS2026.';
	END IF;
	cover_year := substr(load_usgs_mcs.edition, 4)::int;
	PERFORM @extschema@.begin_load('usgs_mcs'::text);

	-- every staging row, classified once: in scope or not, and why it is refused
	CREATE TEMP TABLE rareearth_mcs_rows ON COMMIT DROP AS
	WITH raw AS (
		SELECT r.ctid AS staged_at, to_jsonb(r) AS record, r."Country" AS country_name, r."Statistics" AS statistic,
		       btrim(r."Year") AS year_text, r."Value" AS cell, r."Notes" AS notes,
		       r."MCS chapter" = 'RARE EARTHS' AND r."Section" = 'World Mine Production and Reserves'
		           AND r."Statistics" IN ('Production', 'Reserves') AS in_scope
		FROM pg_temp.usgs_mcs_raw r),
	checked AS (
		SELECT raw.*,
		       CASE raw.country_name WHEN 'World total' THEN 'WLD'::@extschema@.country
		                             WHEN 'World total (rounded)' THEN 'WLD'::@extschema@.country
		                             WHEN 'Other countries' THEN 'XAN'::@extschema@.country
		            ELSE CASE WHEN @extschema@.is_valid_country(raw.country_name)
		                      THEN raw.country_name::@extschema@.country END END AS country,
		       CASE WHEN raw.year_text ~ '^[0-9]{4}$' THEN raw.year_text::int END AS year,
		       @extschema@.usgs_value_problem(coalesce(raw.cell, '')) AS cell_problem
		FROM raw WHERE raw.in_scope),
	parsed AS (
		SELECT c.*, p.value, p.qualifier AS printed_qualifier, p.estimated
		FROM checked c
		LEFT JOIN LATERAL @extschema@.parse_usgs_value(CASE WHEN c.cell_problem IS NULL THEN c.cell END) p ON true)
	SELECT p.staged_at, p.record, p.statistic, p.country, p.year, p.value,
	       -- a bound or code as printed; otherwise e when the cell or its notes say "Estimated."
	       coalesce(p.printed_qualifier,
	                CASE WHEN p.estimated OR p.notes LIKE 'Estimated.%' THEN 'e' END) AS qualifier,
	       CASE
	           WHEN p.country IS NULL THEN format('unknown country name "%s"', p.country_name)
	           WHEN p.year IS NULL THEN format('year "%s" is not a single year', p.year_text)
	           WHEN p.cell_problem IS NOT NULL THEN format('value "%s": %s', p.cell, p.cell_problem)
	           WHEN p.printed_qualifier = 'E' THEN 'value E (net exporter) outside a net import reliance row'
	           WHEN p.value < 0 THEN format('negative quantity %s', p.value)
	       END AS reason
	FROM parsed p;

	-- the file must be the edition it is loaded as: MCSyyyy reports the years
	-- yyyy-2 and yyyy-1 (production) and reserves as of yyyy-1; anything else
	-- is an error that loads nothing (MCS2026's figures stored as MCS2019
	-- would be silently wrong)
	IF EXISTS (SELECT 1 FROM pg_temp.rareearth_mcs_rows m
	           WHERE m.year IS NOT NULL AND m.year NOT IN (cover_year - 2, cover_year - 1)) THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('the staged file reports the years %s to %s, not those of %s (%s and %s)',
				(SELECT min(m.year) FROM pg_temp.rareearth_mcs_rows m), (SELECT max(m.year) FROM pg_temp.rareearth_mcs_rows m),
				load_usgs_mcs.edition, cover_year - 2, cover_year - 1),
			HINT = format('Load it as MCS%s.', (SELECT max(m.year) FROM pg_temp.rareearth_mcs_rows m) + 1);
	END IF;

	-- the same key twice in one file: rows after the first in file order are refused, not merged
	UPDATE pg_temp.rareearth_mcs_rows m SET reason = 'duplicate of an earlier row for the same country, year and statistic'
	FROM (SELECT ctid, row_number() OVER (PARTITION BY statistic, country, CASE WHEN statistic = 'Production' THEN year END
	                                     ORDER BY staged_at) AS n
	      FROM pg_temp.rareearth_mcs_rows WHERE reason IS NULL) d
	WHERE m.ctid = d.ctid AND d.n > 1;

	INSERT INTO @extschema@.production AS t (country, year, commodity, stage, quantity_t, qualifier, series, edition, source)
	SELECT country, year, 'rare earths', 'mining', value, qualifier, 'MCS', load_usgs_mcs.edition,
	       format('USGS Mineral Commodity Summaries data release, %s (load_usgs_mcs)', load_usgs_mcs.edition)
	FROM pg_temp.rareearth_mcs_rows WHERE reason IS NULL AND statistic = 'Production'
	ON CONFLICT (country, year, commodity, stage, edition) DO UPDATE
		SET quantity_t = excluded.quantity_t, qualifier = excluded.qualifier, source = excluded.source
		WHERE (t.quantity_t, t.qualifier, t.source) IS DISTINCT FROM (excluded.quantity_t, excluded.qualifier, excluded.source);

	-- an edition's reserves are as of the year in its Year column (its cover year minus one)
	INSERT INTO @extschema@.reserves AS t (country, commodity, as_of_year, quantity_t, qualifier, series, edition, source)
	SELECT country, 'rare earths', year, value, qualifier, 'MCS', load_usgs_mcs.edition,
	       format('USGS Mineral Commodity Summaries data release, %s (load_usgs_mcs)', load_usgs_mcs.edition)
	FROM pg_temp.rareearth_mcs_rows WHERE reason IS NULL AND statistic = 'Reserves'
	ON CONFLICT (country, commodity, edition) DO UPDATE
		SET as_of_year = excluded.as_of_year, quantity_t = excluded.quantity_t,
		    qualifier = excluded.qualifier, source = excluded.source
		WHERE (t.as_of_year, t.quantity_t, t.qualifier, t.source)
		      IS DISTINCT FROM (excluded.as_of_year, excluded.quantity_t, excluded.qualifier, excluded.source);

	PERFORM @extschema@.record_rejects('usgs_mcs'::text, load_usgs_mcs.edition,
		(SELECT coalesce(jsonb_agg(jsonb_build_object('reason', reason, 'record', record)), '[]')
		 FROM pg_temp.rareearth_mcs_rows WHERE reason IS NOT NULL));

	SELECT count(*) FILTER (WHERE reason IS NULL), count(*) FILTER (WHERE reason IS NOT NULL)
	INTO rows_loaded, rows_rejected FROM pg_temp.rareearth_mcs_rows;
	SELECT count(*) - rows_loaded - rows_rejected INTO rows_out_of_scope FROM pg_temp.usgs_mcs_raw;
	TRUNCATE pg_temp.usgs_mcs_raw;
	DROP TABLE pg_temp.rareearth_mcs_rows;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_usgs_mcs(text) IS
	'moves the rare-earth world production and reserves rows (their years must be the edition''s: MCSyyyy reports yyyy-2 and yyyy-1, else an error that loads nothing) of this session''s staging table pg_temp.usgs_mcs_raw (the MCS data-release CSV, see stage) into production and reserves under the given edition (e.g. MCS2026), values parsed by parse_usgs_value; refused rows go to load_rejects with the reason; other chapters and tables are counted as out of scope; empties the staging table; loads run one at a time; loading the same file twice changes nothing';
