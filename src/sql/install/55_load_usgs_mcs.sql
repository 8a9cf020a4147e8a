-- ---------------------------------------------------------------------------
-- load_usgs_mcs(edition): the USGS MCS data-release CSV into production and
-- reserves (the world tables of every chapter) and capacity
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

	-- every staging row, classified once: in scope or not, and why it is refused.
	-- In scope: the world tables of every chapter (Section "World ..."),
	-- statistics Production, Reserves and Capacity.  The commodity is the row's
	-- (MCS chapter, Commodity) in commodities; a detail naming a kind
	-- ("Mine production: Bentonite", "Reserves: Cr2O3 content") is a series
	-- of its own ("clays: bentonite") when the file prints a world total for
	-- it, else a country's form of the commodity's main series (kept in detail);
	-- so is a production detail that names a product (Raw steel, Silicon metal).
	-- Quantities are converted into the commodity's canonical unit
	-- (commodities.unit; the printed unit is kept in published_unit).
	CREATE TEMP TABLE rareearth_mcs_rows ON COMMIT DROP AS
	WITH raw AS (
		SELECT r.ctid AS staged_at, to_jsonb(r) AS record, btrim(replace(r."Country", U&'\00A0', ' ')) AS country_name,
		       r."MCS chapter" AS chapter, r."Commodity" AS usgs_name, r."Section" AS section,
		       r."Statistics" AS statistic,
		       regexp_replace(btrim(replace(r."Statistics_detail", U&'\00A0', ' ')), '(: |, )rounded$', '') AS detail,
		       btrim(r."Unit") AS published_unit,
		       btrim(r."Year") AS year_text, r."Value" AS cell, r."Notes" AS notes,
		       r."Section" LIKE 'World%' AND r."Statistics" IN ('Production', 'Reserves', 'Capacity') AS in_scope
		FROM pg_temp.usgs_mcs_raw r),
	kinds AS (
		SELECT raw.*,
		       CASE WHEN raw.statistic = 'Production' AND raw.detail !~* 'production' THEN lower(raw.detail)  -- Pig iron, Raw steel, Ferrosilicon, Silicon metal
		            WHEN raw.detail ~ '^Mica \(' THEN lower(substring(raw.detail FROM '^Mica \(([^)]*)\)'))
		            ELSE nullif(nullif(lower(coalesce(substring(raw.detail FROM ': (.*)$'), substring(raw.detail FROM '—(.*)$'))),
		                               lower(raw.usgs_name)), 'all forms') END AS kind
		FROM raw WHERE raw.in_scope),
	series AS (
		SELECT k.*,
		       CASE WHEN bool_or(k.country_name LIKE 'World total%')
		                 OVER (PARTITION BY k.chapter, k.usgs_name, k.statistic, k.kind) THEN k.kind END AS series_kind
		FROM kinds k),
	checked AS (
		SELECT s.*, c.name || coalesce(': ' || s.series_kind, '') AS commodity, c.unit,
		       @extschema@.usgs_unit_factor(s.published_unit, c.unit) AS factor,
		       c.name IS NULL AS unknown_commodity,
		       CASE WHEN s.statistic = 'Reserves' THEN NULL
		            WHEN s.usgs_name = 'Alumina' THEN 'separation'
		            WHEN s.detail ~* 'mine production|mineral concentrates' THEN 'mining'
		            WHEN s.detail ~* 'refinery|smelter|primary production|sponge metal|silicon metal|ferrosilicon|pig iron|raw steel' THEN 'metal'
		            WHEN s.section ~* 'mine' THEN 'mining'
		            ELSE 'product' END::@extschema@.supply_stage AS stage,
		       CASE WHEN s.country_name IN ('World total', 'World total (rounded)') THEN 'WLD'::@extschema@.country
		            WHEN s.country_name = 'Other countries' THEN 'XAN'::@extschema@.country
		            ELSE CASE WHEN @extschema@.is_valid_country(s.country_name)
		                      THEN s.country_name::@extschema@.country END END AS country,
		       CASE WHEN s.year_text ~ '^[0-9]{4}$' THEN s.year_text::int END AS year,
		       @extschema@.usgs_value_problem(coalesce(s.cell, '')) AS cell_problem
		FROM series s
		LEFT JOIN @extschema@.commodities c ON c.usgs_chapter = s.chapter AND c.usgs_name = s.usgs_name),
	parsed AS (
		SELECT c.*, p.value * c.factor AS value, p.qualifier AS printed_qualifier, p.estimated
		FROM checked c
		LEFT JOIN LATERAL @extschema@.parse_usgs_value(CASE WHEN c.cell_problem IS NULL THEN c.cell END) p ON true)
	SELECT p.staged_at, p.record, p.statistic, p.country, p.year, p.value, p.commodity, p.stage, p.unit,
	       p.published_unit, p.detail,
	       -- a bound or code as printed; otherwise e when the cell or its notes say "Estimated."
	       coalesce(p.printed_qualifier,
	                CASE WHEN p.estimated OR p.notes LIKE 'Estimated.%' THEN 'e' END) AS qualifier,
	       CASE
	           WHEN p.unknown_commodity THEN format('unknown commodity "%s" of chapter "%s"', p.usgs_name, p.chapter)
	           WHEN p.country IS NULL THEN format('unknown country name "%s"', p.country_name)
	           WHEN p.year IS NULL THEN format('year "%s" is not a single year', p.year_text)
	           WHEN p.factor IS NULL THEN format('unit "%s" cannot be converted to %s, the unit of %s', p.published_unit, p.unit, p.commodity)
	           WHEN p.cell_problem IS NOT NULL THEN format('value "%s": %s', p.cell, p.cell_problem)
	           WHEN p.printed_qualifier = 'E' THEN 'value E (net exporter) outside a net import reliance row'
	           WHEN p.value < 0 THEN format('negative quantity %s', p.value)
	       END AS reason
	FROM parsed p;

	-- the file must be the edition it is loaded as: MCSyyyy reports the years
	-- yyyy-2 and yyyy-1 (production) and reserves as of yyyy-1; anything else
	-- is an error that loads nothing (MCS2026's figures stored as MCS2019
	-- would be silently wrong)
	-- (a reserves row may quote an older national estimate: MCS2026 gives
	-- Australia's scandium reserves as of 2023, so reserves may be as of up
	-- to three years before the cover year)
	IF EXISTS (SELECT 1 FROM pg_temp.rareearth_mcs_rows m
	           WHERE m.year IS NOT NULL
	             AND CASE WHEN m.statistic = 'Reserves' THEN m.year NOT BETWEEN cover_year - 3 AND cover_year - 1
	                      ELSE m.year NOT IN (cover_year - 2, cover_year - 1) END) THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('the staged file reports the years %s to %s, not those of %s (%s and %s)',
				(SELECT min(m.year) FROM pg_temp.rareearth_mcs_rows m), (SELECT max(m.year) FROM pg_temp.rareearth_mcs_rows m),
				load_usgs_mcs.edition, cover_year - 2, cover_year - 1),
			HINT = format('Load it as MCS%s.', (SELECT max(m.year) FROM pg_temp.rareearth_mcs_rows m) + 1);
	END IF;

	-- the same key twice in one file: rows after the first in file order are refused, not merged
	UPDATE pg_temp.rareearth_mcs_rows m SET reason = 'duplicate of an earlier row for the same commodity, country, year and statistic'
	FROM (SELECT ctid, row_number() OVER (PARTITION BY statistic, commodity, stage, country,
	                                                       CASE WHEN statistic <> 'Reserves' THEN year END,
	                                                       CASE WHEN statistic = 'Capacity' THEN detail END
	                                     ORDER BY staged_at) AS n
	      FROM pg_temp.rareearth_mcs_rows WHERE reason IS NULL) d
	WHERE m.ctid = d.ctid AND d.n > 1;

	INSERT INTO @extschema@.production AS t (country, year, commodity, stage, quantity_t, qualifier, series, edition, source,
	                                         unit, published_unit, detail)
	SELECT country, year, commodity, stage, value, qualifier, 'MCS', load_usgs_mcs.edition,
	       format('USGS Mineral Commodity Summaries data release, %s (load_usgs_mcs)', load_usgs_mcs.edition),
	       unit, published_unit, detail
	FROM pg_temp.rareearth_mcs_rows WHERE reason IS NULL AND statistic = 'Production'
	ON CONFLICT (country, year, commodity, stage, edition) DO UPDATE
		SET quantity_t = excluded.quantity_t, qualifier = excluded.qualifier, source = excluded.source,
		    unit = excluded.unit, published_unit = excluded.published_unit, detail = excluded.detail
		WHERE (t.quantity_t, t.qualifier, t.source, t.unit, t.published_unit, t.detail)
		      IS DISTINCT FROM (excluded.quantity_t, excluded.qualifier, excluded.source, excluded.unit, excluded.published_unit, excluded.detail);

	-- an edition's reserves are as of the year in its Year column (its cover year minus one)
	INSERT INTO @extschema@.reserves AS t (country, commodity, as_of_year, quantity_t, qualifier, series, edition, source,
	                                       unit, published_unit, detail)
	SELECT country, commodity, year, value, qualifier, 'MCS', load_usgs_mcs.edition,
	       format('USGS Mineral Commodity Summaries data release, %s (load_usgs_mcs)', load_usgs_mcs.edition),
	       unit, published_unit, detail
	FROM pg_temp.rareearth_mcs_rows WHERE reason IS NULL AND statistic = 'Reserves'
	ON CONFLICT (country, commodity, edition) DO UPDATE
		SET as_of_year = excluded.as_of_year, quantity_t = excluded.quantity_t,
		    qualifier = excluded.qualifier, source = excluded.source,
		    unit = excluded.unit, published_unit = excluded.published_unit, detail = excluded.detail
		WHERE (t.as_of_year, t.quantity_t, t.qualifier, t.source, t.unit, t.published_unit, t.detail)
		      IS DISTINCT FROM (excluded.as_of_year, excluded.quantity_t, excluded.qualifier, excluded.source,
		                        excluded.unit, excluded.published_unit, excluded.detail);

	-- capacity is no production: the printed figures go to published_statistic
	-- (statistic "capacity: <detail as printed>", in the commodity's unit)
	INSERT INTO @extschema@.published_statistic AS t (country, commodity, statistic, year, value, unit, qualifier, estimated, edition, source)
	SELECT country, commodity, 'capacity: ' || lower(detail), year, value, unit,
	       qualifier, coalesce(qualifier = 'e', false), load_usgs_mcs.edition,
	       format('USGS Mineral Commodity Summaries data release, %s (load_usgs_mcs)', load_usgs_mcs.edition)
	FROM pg_temp.rareearth_mcs_rows WHERE reason IS NULL AND statistic = 'Capacity'
	ON CONFLICT (country, commodity, statistic, year, edition) DO UPDATE
		SET value = excluded.value, unit = excluded.unit, qualifier = excluded.qualifier,
		    estimated = excluded.estimated, source = excluded.source
		WHERE (t.value, t.unit, t.qualifier, t.estimated, t.source)
		      IS DISTINCT FROM (excluded.value, excluded.unit, excluded.qualifier, excluded.estimated, excluded.source);

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
	'moves the world tables of every commodity (Section World ..., statistics Production, Reserves, Capacity; their years must be the edition''s: MCSyyyy reports yyyy-2 and yyyy-1, reserves as of yyyy-3 to yyyy-1, else an error that loads nothing) of this session''s staging table pg_temp.usgs_mcs_raw (the MCS data-release CSV, see stage) into production, reserves and (capacity) published_statistic under the given edition (e.g. MCS2026), values parsed by parse_usgs_value and converted into the commodity''s canonical unit (commodities.unit; the printed unit kept in published_unit); refused rows go to load_rejects with the reason; other sections are counted as out of scope; empties the staging table; loads run one at a time; loading the same file twice changes nothing';
