-- ---------------------------------------------------------------------------
-- create_store_views(): the reporting views over the store's tables
-- ---------------------------------------------------------------------------
-- create_store() calls it once; an update whose views changed calls it again
-- (0.1.0 -> 0.2.0 does).  Views are (re)defined with CREATE OR REPLACE, so a
-- user's views and materialized views over them survive an update: a new
-- version only appends columns, never renames, retypes or removes one.  The
-- views belong to the store's owner, like its tables.
-- The two stages USGS reports net import reliance for (MCS salient
-- statistics): "mineral concentrates" and "compounds and metals".  Magnets
-- and other products belong to neither.
CREATE OR REPLACE FUNCTION @extschema@.reliance_stage(code @extschema@.hscode) RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN CASE WHEN @extschema@.hs_stage(code) OPERATOR(pg_catalog.=) 'mining'::@extschema@.supply_stage THEN 'mineral concentrates'
            WHEN @extschema@.hs_stage(code) OPERATOR(pg_catalog.=) ANY (ARRAY['separation', 'metal']::@extschema@.supply_stage[])
                 THEN 'compounds and metals' END;
COMMENT ON FUNCTION @extschema@.reliance_stage(@extschema@.hscode) IS 'the USGS net-import-reliance stage of an HS code: ''mineral concentrates'' (mining stage) or ''compounds and metals'' (separation and metal stages); NULL for magnets, products and codes outside the catalogue';

-- Concentration figures need most of world output in the listed rows:
-- USGS rounds its world totals, so a complete table has a coverage within a
-- few percent of 1; below 0.9 a tenth or more of world output is in no row.
CREATE OR REPLACE FUNCTION @extschema@.min_concentration_coverage() RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN 0.9::float8;
COMMENT ON FUNCTION @extschema@.min_concentration_coverage() IS 'the least coverage (listed total / printed world total) at which supply_concentration shows HHI, CR-n and the dominant supplier: 0.9 (USGS rounds world totals, so complete tables land within a few percent of 1; below 0.9 a tenth of world output is in no listed row)';

-- A commodity filter that cannot silently match nothing: the canonical name
-- (commodities.name) of what a user typed, or an error naming the
-- accepted forms.  Accepted: the canonical name, the USGS name or chapter,
-- a file code (graph), or a word the canonical name starts with when only
-- one name does ('graphite' -> 'graphite (natural)'); case-insensitive.
CREATE OR REPLACE FUNCTION @extschema@.commodity_name(name text) RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $commodity$
DECLARE
	found text[];
	wanted text := pg_catalog.lower(pg_catalog.btrim(name));
BEGIN
	IF name IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'null_value_not_allowed', MESSAGE = 'commodity_name: the commodity name must not be NULL';
	END IF;
	SELECT pg_catalog.array_agg(DISTINCT c.name ORDER BY c.name) INTO found FROM @extschema@.commodities c
	WHERE c.name OPERATOR(pg_catalog.=) wanted OR pg_catalog.lower(c.usgs_name) OPERATOR(pg_catalog.=) wanted
	   OR wanted OPERATOR(pg_catalog.=) ANY (c.file_codes);
	IF pg_catalog.cardinality(found) OPERATOR(pg_catalog.=) 1 THEN
		RETURN found[1];
	END IF;
	-- a kind of a commodity as the world tables print it: 'titanium
	-- mineral concentrates: ilmenite', the commodity checked, the kind kept
	IF found IS NULL AND pg_catalog.strpos(wanted, ':') OPERATOR(pg_catalog.>) 0 THEN
		RETURN @extschema@.commodity_name(pg_catalog.split_part(wanted, ':', 1)) OPERATOR(pg_catalog.||) ': '
		       OPERATOR(pg_catalog.||) pg_catalog.btrim(pg_catalog.substr(wanted, pg_catalog.strpos(wanted, ':') OPERATOR(pg_catalog.+) 1));
	END IF;
	IF found IS NULL THEN
		-- a word the name starts with: 'graphite' for 'graphite (natural)'
		SELECT pg_catalog.array_agg(c.name ORDER BY c.name) INTO found FROM @extschema@.commodities c
		WHERE wanted OPERATOR(pg_catalog.<>) ''
		  AND (pg_catalog.starts_with(c.name, wanted OPERATOR(pg_catalog.||) ' ')
		       OR pg_catalog.lower(c.usgs_chapter) OPERATOR(pg_catalog.=) wanted);
		IF pg_catalog.cardinality(found) OPERATOR(pg_catalog.=) 1 THEN
			RETURN found[1];
		END IF;
	END IF;
	IF found IS NULL THEN
		SELECT pg_catalog.array_agg(c.name ORDER BY c.name) INTO found FROM @extschema@.commodities c
		WHERE wanted OPERATOR(pg_catalog.<>) '' AND pg_catalog.strpos(c.name, wanted) OPERATOR(pg_catalog.>) 0;
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = pg_catalog.format('unknown commodity "%s"', name),
			DETAIL = CASE WHEN found IS NULL THEN 'No commodity name contains it.'
			              ELSE pg_catalog.format('Names containing it: %s.', pg_catalog.array_to_string(found, ', ')) END,
			HINT = 'Use a name of rareearth.commodities (lower case, e.g. rare earths, graphite (natural)), its USGS name or chapter, or a file code (graph).';
	END IF;
	RAISE EXCEPTION USING ERRCODE = 'ambiguous_parameter',
		MESSAGE = pg_catalog.format('commodity "%s" is ambiguous', name),
		DETAIL = pg_catalog.format('It names %s.', pg_catalog.array_to_string(found, ', ')),
		HINT = 'Use one of those names.';
END
$commodity$;
COMMENT ON FUNCTION @extschema@.commodity_name(text) IS 'the canonical commodity name (commodities.name, the commodity column of the store and its views) of a name as typed: the name itself, the USGS name or chapter, a file code, or the first word(s) of exactly one name (graphite -> graphite (natural)), case-insensitive; an unknown name is an error (22023) naming the accepted forms, an ambiguous one (42P08) the names it could be, NULL an error (22004).  Filter with commodity = commodity_name(''graphite'') so that a misspelling fails instead of matching nothing';

CREATE OR REPLACE FUNCTION @extschema@.create_store_views() RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $views$
DECLARE
	col record;
BEGIN
	-- Published corrections: USGS revises a posted edition (MCS2026 version
	-- 1.3: rare-earth reserves of Brazil 21,000,000 -> 11,000,000 t, World
	-- >85,000,000 -> >75,000,000) without reissuing its data release.  The
	-- *_corrected views are the stored rows with the latest version's
	-- correction of each cell applied where the stored value differs from it;
	-- corrected_in names the version, value_as_loaded keeps what was loaded.
	-- Every reporting view reads through them.
	CREATE OR REPLACE VIEW @extschema@.production_corrected AS
	SELECT p.country, p.year, p.commodity, p.stage,
	       CASE WHEN c.edition IS NULL THEN p.quantity_t ELSE c.new_value END AS quantity_t,
	       CASE WHEN c.edition IS NULL THEN p.qualifier ELSE c.new_qualifier END AS qualifier,
	       p.series, p.edition, p.source,
	       CASE WHEN c.edition IS NOT NULL THEN c.edition OPERATOR(pg_catalog.||) ' version ' OPERATOR(pg_catalog.||) c.version END AS corrected_in,
	       CASE WHEN c.edition IS NOT NULL THEN p.quantity_t END AS value_as_loaded,
	       p.unit, @extschema@.country_name(p.country) AS country_name,
	       CASE WHEN c.edition IS NULL THEN p.quantity_t ELSE c.new_value END AS quantity
	FROM @extschema@.production p
	LEFT JOIN LATERAL (
		SELECT k.edition, k.version, k.new_value, k.new_qualifier FROM @extschema@.published_correction k
		WHERE k.edition OPERATOR(pg_catalog.=) p.edition AND k.commodity OPERATOR(pg_catalog.=) p.commodity
		  AND k.country OPERATOR(@extschema@.=) p.country AND k.statistic OPERATOR(pg_catalog.=) 'Production'
		  AND k.year OPERATOR(pg_catalog.=) p.year
		ORDER BY pg_catalog.string_to_array(k.version, '.')::int[] DESC LIMIT 1) c
	  ON (c.new_value, c.new_qualifier) IS DISTINCT FROM (p.quantity_t, p.qualifier);
	COMMENT ON VIEW @extschema@.production_corrected IS 'production as stored, with the latest published correction of each cell applied (published_correction); corrected_in names the edition and version, value_as_loaded the stored value it replaces; unit the unit of quantity_t (the commodity''s canonical unit: t, kg, ...)';

	CREATE OR REPLACE VIEW @extschema@.reserves_corrected AS
	SELECT r.country, r.commodity, r.as_of_year,
	       CASE WHEN c.edition IS NULL THEN r.quantity_t ELSE c.new_value END AS quantity_t,
	       CASE WHEN c.edition IS NULL THEN r.qualifier ELSE c.new_qualifier END AS qualifier,
	       r.series, r.edition, r.source,
	       CASE WHEN c.edition IS NOT NULL THEN c.edition OPERATOR(pg_catalog.||) ' version ' OPERATOR(pg_catalog.||) c.version END AS corrected_in,
	       CASE WHEN c.edition IS NOT NULL THEN r.quantity_t END AS value_as_loaded,
	       r.unit, @extschema@.country_name(r.country) AS country_name,
	       CASE WHEN c.edition IS NULL THEN r.quantity_t ELSE c.new_value END AS quantity, r.as_of_year AS year
	FROM @extschema@.reserves r
	LEFT JOIN LATERAL (
		SELECT k.edition, k.version, k.new_value, k.new_qualifier FROM @extschema@.published_correction k
		WHERE k.edition OPERATOR(pg_catalog.=) r.edition AND k.commodity OPERATOR(pg_catalog.=) r.commodity
		  AND k.country OPERATOR(@extschema@.=) r.country AND k.statistic OPERATOR(pg_catalog.=) 'Reserves'
		  AND k.year IS NOT DISTINCT FROM r.as_of_year
		ORDER BY pg_catalog.string_to_array(k.version, '.')::int[] DESC LIMIT 1) c
	  ON (c.new_value, c.new_qualifier) IS DISTINCT FROM (r.quantity_t, r.qualifier);
	COMMENT ON VIEW @extschema@.reserves_corrected IS 'reserves as stored, with the latest published correction of each cell applied (published_correction); corrected_in names the edition and version, value_as_loaded the stored value it replaces; unit the unit of quantity_t';

	-- One edition per year: for each (year, commodity, stage) every row comes
	-- from the latest MCS edition that reports that year, so a year's table
	-- never mixes editions (MCS2024's 2022 with MCS2023's Burundi).  The
	-- printed world total (WLD) is not a supplier: it is in
	-- production_world_total, where an aggregation over countries cannot
	-- pick it up.
	CREATE OR REPLACE VIEW @extschema@.production_latest AS
	SELECT country, year, commodity, stage, quantity_t, qualifier, edition, source, corrected_in, value_as_loaded, unit,
	       country_name, quantity
	FROM (SELECT p.*, pg_catalog.max(p.edition) OVER (PARTITION BY p.year, p.commodity, p.stage) AS year_edition
	      FROM @extschema@.production_corrected p WHERE p.series OPERATOR(pg_catalog.=) 'MCS') p
	WHERE p.edition OPERATOR(pg_catalog.=) p.year_edition AND p.country OPERATOR(@extschema@.<>) 'WLD'::@extschema@.country;
	COMMENT ON VIEW @extschema@.production_latest IS 'USGS MCS production by country (USGS "Other countries" as XAN, one row), every row of a (year, commodity, stage) from the single latest edition that reports that year; the printed world total is in production_world_total; published corrections applied (corrected_in, value_as_loaded); unit of quantity_t (the commodity''s canonical unit)';

	CREATE OR REPLACE VIEW @extschema@.production_world_total AS
	SELECT year, commodity, stage::text AS stage, quantity_t, qualifier, edition, source, corrected_in, value_as_loaded, unit,
	       quantity
	FROM (SELECT p.*, pg_catalog.max(p.edition) OVER (PARTITION BY p.year, p.commodity, p.stage) AS year_edition
	      FROM @extschema@.production_corrected p WHERE p.series OPERATOR(pg_catalog.=) 'MCS') p
	WHERE p.edition OPERATOR(pg_catalog.=) p.year_edition AND p.country OPERATOR(@extschema@.=) 'WLD'::@extschema@.country;
	COMMENT ON VIEW @extschema@.production_world_total IS 'the printed (rounded) USGS MCS world total of production per year, commodity and stage, from the same edition as production_latest''s rows of that year; the denominator for coverage, never a supplier; unit of quantity_t';

	-- one edition: every country's reserves from the latest MCS edition that
	-- reports reserves of the commodity; the world total apart
	CREATE OR REPLACE VIEW @extschema@.reserves_latest AS
	SELECT country, commodity, as_of_year, quantity_t, qualifier, edition, source, corrected_in, value_as_loaded, unit,
	       country_name, quantity, year
	FROM (SELECT r.*, pg_catalog.max(r.edition) OVER (PARTITION BY r.commodity) AS latest_edition
	      FROM @extschema@.reserves_corrected r WHERE r.series OPERATOR(pg_catalog.=) 'MCS') r
	WHERE r.edition OPERATOR(pg_catalog.=) r.latest_edition AND r.country OPERATOR(@extschema@.<>) 'WLD'::@extschema@.country;
	COMMENT ON VIEW @extschema@.reserves_latest IS 'USGS MCS reserves by country, every row from the latest edition that reports reserves of the commodity; the printed world total is in reserves_world_total; published corrections applied (corrected_in, value_as_loaded); unit of quantity_t (the commodity''s canonical unit)';

	CREATE OR REPLACE VIEW @extschema@.reserves_world_total AS
	SELECT commodity, as_of_year, quantity_t, qualifier, edition, source, corrected_in, value_as_loaded, unit,
	       quantity, year
	FROM (SELECT r.*, pg_catalog.max(r.edition) OVER (PARTITION BY r.commodity) AS latest_edition
	      FROM @extschema@.reserves_corrected r WHERE r.series OPERATOR(pg_catalog.=) 'MCS') r
	WHERE r.edition OPERATOR(pg_catalog.=) r.latest_edition AND r.country OPERATOR(@extschema@.=) 'WLD'::@extschema@.country;
	COMMENT ON VIEW @extschema@.reserves_world_total IS 'the printed USGS MCS world total of reserves per commodity, from the same edition as reserves_latest; unit of quantity_t';

	-- ---------------------------------------------------------------------------
	-- Reporting views for BI tools: plain column types only (float8, int, text,
	-- bool, date, jsonb); countries as ISO 3166-1 alpha-3 text.  Synthetic rows
	-- never appear here.  Undefined ratios are NULL, never NaN or Infinity.
	-- ---------------------------------------------------------------------------

	-- Ranks are about named countries: USGS's "Other countries" (XAN, the
	-- residual of its table) is many producers in one row, so it has no rank
	-- (NULL) and is_residual says so; its share of the listed rows stays.
	CREATE OR REPLACE VIEW @extschema@.supply_share AS
	WITH p AS (
		SELECT country, year, commodity, stage, quantity_t, qualifier, edition, unit,
		       @extschema@.is_aggregate(country) AS is_residual
		FROM @extschema@.production_latest
		WHERE quantity_t IS NOT NULL),
	-- a figure never mixes units: the unit is part of every group and join
	t AS (
		SELECT year, commodity, stage, unit, sum(quantity_t) AS listed_total FROM p GROUP BY 1, 2, 3, 4)
	SELECT @extschema@.iso3(p.country) AS country, @extschema@.country_name(p.country) AS country_name,
	       p.year, p.commodity, p.stage::text AS stage,
	       p.quantity_t AS production_t, p.qualifier, p.edition,
	       t.listed_total AS listed_total_t, w.quantity_t AS world_total_t,
	       -- share = q / sum of the listed rows (USGS "Other countries" is one row)
	       CASE WHEN t.listed_total OPERATOR(pg_catalog.>) 0 THEN p.quantity_t OPERATOR(pg_catalog./) t.listed_total END AS share,
	       -- against the printed (rounded) world total
	       CASE WHEN w.quantity_t OPERATOR(pg_catalog.>) 0 THEN p.quantity_t OPERATOR(pg_catalog./) w.quantity_t END AS share_of_world_total,
	       CASE WHEN NOT p.is_residual
	            THEN rank() OVER (PARTITION BY p.year, p.commodity, p.stage, p.unit, p.is_residual ORDER BY p.quantity_t DESC)::int END AS rank,
	       p.unit, p.is_residual,
	       p.quantity_t AS production, t.listed_total, w.quantity_t AS world_total
	FROM p
	JOIN t USING (year, commodity, stage, unit)
	LEFT JOIN @extschema@.production_world_total w
		ON w.year OPERATOR(pg_catalog.=) p.year
		AND w.commodity OPERATOR(pg_catalog.=) p.commodity AND w.stage OPERATOR(pg_catalog.=) p.stage::text
		AND w.unit OPERATOR(pg_catalog.=) p.unit;
	COMMENT ON VIEW @extschema@.supply_share IS 'production share by country, year, commodity and supply stage (USGS MCS, latest edition; every commodity load_usgs_mcs loads): share = production / sum of the listed rows of the same year, commodity, stage and unit, share_of_world_total = production / printed world total, rank 1 = largest named country (NULL for USGS''s "Other countries", XAN, is_residual); production_t, listed_total_t and world_total_t are in unit (the commodity''s canonical unit: t, or kg for gallium, germanium, PGMs and rhenium, ...), never mixed';

	-- One denominator: every figure of a row divides by the listed total (the
	-- rows USGS prints for the year, its "Other countries" included, which
	-- USGS sets so that they add up to its world total up to rounding).
	--   * hhi counts the residual (XAN) as one supplier, as USGS computes the
	--     HHI, and equals hhi(supply_mix(country, quantity_t)) over
	--     production_latest.  That is the most concentrated the residual can
	--     be: hhi_upper.  hhi_lower spreads it over infinitely many producers
	--     (hhi_bounds of the named countries against the listed total).
	--     Both are the same sums computed two ways, so hhi_upper and hhi are
	--     equal but for the last bits of rounding: LEAST/GREATEST make
	--     hhi_lower <= hhi <= hhi_upper hold exactly.
	--   * cr1, cr3 and dominant_supplier are about named countries (the
	--     residual is no producer): the n largest named countries' sum over
	--     the listed total.
	--   * Coverage = listed total / printed world total.  USGS rounds world
	--     totals (to two or three significant digits), so a complete table
	--     lands within a few percent of 1: in the MCS2023, 2024 and 2026
	--     releases all but four of 410 tables lie between 0.95 and 1.10.
	--     Below min_concentration_coverage() (0.9) more than a tenth of
	--     world output is in no listed row (a kind that only some countries
	--     report, withheld or missing figures), and the unlisted part could
	--     move CR1 by as much: a CR1 or HHI over such rows is a figure USGS
	--     would not print (one US row of titanium "ilmenite and rutile" at
	--     coverage 0.011 reads as a monopoly; helium 2023 lists 0.897 of the
	--     world total).  So are tables without a printed world total (boron,
	--     germanium, stone, ...), whose coverage is unknown.  Their
	--     concentration columns are NULL and concentration_null_reason says
	--     why.
	CREATE OR REPLACE VIEW @extschema@.supply_concentration AS
	WITH m AS (
		SELECT year, commodity, stage, unit,
		       @extschema@.supply_mix(@extschema@.iso3(country), quantity_t) AS mix,
		       @extschema@.supply_mix(@extschema@.iso3(country), quantity_t)
		           FILTER (WHERE NOT @extschema@.is_aggregate(country)) AS named
		FROM @extschema@.production_latest
		GROUP BY year, commodity, stage, unit),
	f AS (
		SELECT m.*, w.quantity_t AS world_total, @extschema@.total(m.mix) AS listed_total,
		       @extschema@.total(m.named) AS named_total,
		       @extschema@.hhi(m.mix) AS hhi_all,
		       @extschema@.hhi_bounds(m.named, @extschema@.total(m.mix)) AS bounds,
		       CASE WHEN w.quantity_t OPERATOR(pg_catalog.>) 0 THEN @extschema@.total(m.mix) OPERATOR(pg_catalog./) w.quantity_t END AS coverage,
		       CASE WHEN NOT (@extschema@.total(m.mix) OPERATOR(pg_catalog.>) 0) THEN 'no production listed'
		            WHEN NOT (w.quantity_t OPERATOR(pg_catalog.>) 0) OR w.quantity_t IS NULL
		            THEN 'no printed world total: the coverage of the listed rows is unknown'
		            WHEN @extschema@.total(m.mix) OPERATOR(pg_catalog./) w.quantity_t OPERATOR(pg_catalog.<) @extschema@.min_concentration_coverage()
		            THEN pg_catalog.format('coverage %s is below %s: the listed rows hold %s%% of the printed world total, too little for a concentration figure',
		                                   pg_catalog.round((@extschema@.total(m.mix) OPERATOR(pg_catalog./) w.quantity_t)::numeric, 3),
		                                   @extschema@.min_concentration_coverage(),
		                                   pg_catalog.round((100 OPERATOR(pg_catalog.*) @extschema@.total(m.mix) OPERATOR(pg_catalog./) w.quantity_t)::numeric, 1))
		       END AS null_reason
		FROM m
		LEFT JOIN @extschema@.production_world_total w
			ON w.year OPERATOR(pg_catalog.=) m.year
			AND w.commodity OPERATOR(pg_catalog.=) m.commodity AND w.stage OPERATOR(pg_catalog.=) m.stage::text
			AND w.unit OPERATOR(pg_catalog.=) m.unit),
	g AS (
		SELECT f.*, f.null_reason IS NULL AS shown,
		       CASE WHEN f.named_total OPERATOR(pg_catalog.>) 0
		            THEN f.named_total OPERATOR(pg_catalog./) f.listed_total END AS named_fraction
		FROM f)
	SELECT g.year, g.commodity, g.stage::text AS stage,
	       CASE WHEN g.shown THEN g.hhi_all END AS hhi,
	       -- CR-n of named countries = (their share of the named total) x (named total / listed total)
	       CASE WHEN g.shown THEN coalesce(@extschema@.cr(g.named, 1) OPERATOR(pg_catalog.*) g.named_fraction, 0) END AS cr1,
	       CASE WHEN g.shown THEN coalesce(@extschema@.cr(g.named, 3) OPERATOR(pg_catalog.*) g.named_fraction, 0) END AS cr3,
	       CASE WHEN g.shown THEN @extschema@.equivalent_suppliers(g.mix) END AS equivalent_suppliers,
	       CASE WHEN g.shown THEN @extschema@.concentration_class(g.mix) END AS concentration_class,
	       CASE WHEN g.shown THEN @extschema@.dominant_supplier(g.named) END AS dominant_supplier,
	       @extschema@.supplier_count(g.mix) AS suppliers,
	       g.listed_total AS listed_total_t,
	       g.world_total AS world_total_t,
	       -- listed total / printed world total; above 1 where USGS rounded the world total down
	       g.coverage,
	       CASE WHEN g.shown THEN LEAST((g.bounds).lower, g.hhi_all) END AS hhi_lower,
	       CASE WHEN g.shown THEN GREATEST((g.bounds).upper, g.hhi_all) END AS hhi_upper,
	       g.unit,
	       CASE WHEN g.shown THEN @extschema@.country_name(@extschema@.dominant_supplier(g.named)::@extschema@.country) END AS dominant_supplier_name,
	       @extschema@.supplier_count(g.named) AS named_suppliers,
	       g.null_reason AS concentration_null_reason,
	       g.listed_total, g.world_total
	FROM g;
	COMMENT ON VIEW @extschema@.supply_concentration IS 'concentration of production by year, commodity and supply stage (USGS MCS, one edition per year as in production_latest; every commodity load_usgs_mcs loads; listed_total_t and world_total_t in unit, the commodity''s canonical unit, never mixed), every figure over one denominator, the listed total (the rows USGS prints, its "Other countries" included): HHI = sum of squared percent shares (US Horizontal Merger Guidelines) with USGS "Other countries" as one supplier, as USGS computes it (equal to hhi(supply_mix(country, quantity_t)) over production_latest), which is hhi_upper; hhi_lower spreads the residual over infinitely many producers, so hhi_lower <= hhi <= hhi_upper; CR1, CR3, dominant_supplier (and its name) of named countries only; equivalent suppliers 1/H, 2010 class; coverage = listed total / printed world total; below min_concentration_coverage() (0.9), or without a printed world total (coverage unknown), the concentration columns are NULL and concentration_null_reason says why';

	-- Reserves are in the ground: they stand against a commodity's first
	-- stage only (mine production where USGS prints it; for boron, bromine
	-- and helium their only production series; gallium's primary production,
	-- with no reserves, shows NULL), never against refinery output of the
	-- same commodity; and only in the same unit.  Reserves with published
	-- corrections applied, like every view.
	CREATE OR REPLACE VIEW @extschema@.development AS
	WITH first_stage AS (
		SELECT commodity, pg_catalog.min(stage) AS stage FROM @extschema@.production_latest GROUP BY commodity)
	SELECT @extschema@.iso3(p.country) AS country, @extschema@.country_name(p.country) AS country_name,
	       p.year, p.commodity, p.quantity_t AS production_t, p.edition AS production_edition,
	       r.quantity_t AS reserves_t, r.qualifier AS reserves_qualifier, r.edition AS reserves_edition,
	       -- development rate = P / R per year; reserve life = R / P years (NULL for a zero denominator)
	       @extschema@.development_rate(p.quantity_t, r.quantity_t) AS development_rate,
	       @extschema@.reserve_life(r.quantity_t, p.quantity_t) AS reserve_life_years,
	       p.stage::text AS stage, p.unit,
	       p.quantity_t AS production, r.quantity_t AS reserves
	FROM @extschema@.production_latest p
	JOIN first_stage f ON f.commodity OPERATOR(pg_catalog.=) p.commodity AND f.stage OPERATOR(pg_catalog.=) p.stage
	LEFT JOIN LATERAL (
		SELECT quantity_t, qualifier, edition FROM @extschema@.reserves_corrected x
		WHERE x.country OPERATOR(@extschema@.=) p.country AND x.commodity OPERATOR(pg_catalog.=) p.commodity
		  AND x.series OPERATOR(pg_catalog.=) 'MCS' AND x.as_of_year OPERATOR(pg_catalog.=) p.year
		  AND x.unit OPERATOR(pg_catalog.=) p.unit
		ORDER BY x.edition DESC LIMIT 1) r ON true;
	COMMENT ON VIEW @extschema@.development IS 'production against USGS reserves as of the same year (MCS, latest edition, published corrections applied), for every commodity at its first stored supply stage (stage: mining where USGS prints mine production), production_t and reserves_t in unit (the commodity''s canonical unit, never mixed): development rate = production / reserves, reserve life = reserves / production in years; NULL when a denominator is 0 or missing (e.g. gallium, which has no reserves)';

	CREATE OR REPLACE VIEW @extschema@.target_tracking AS
	WITH actual AS (
		SELECT country, commodity,
		       @extschema@.trajectory(year, quantity_t) AS series
		FROM @extschema@.production_latest
		WHERE stage OPERATOR(pg_catalog.=) 'mining'::@extschema@.supply_stage
		  AND country OPERATOR(@extschema@.<>) 'WLD'::@extschema@.country
		GROUP BY country, commodity)
	SELECT @extschema@.iso3(g.country) AS country, g.commodity, g.metric, g.unit,
	       g.base_year, g.base_value, g.target_year, g.target_value, g.source, g.statement,
	       @extschema@.last_year(a.series) AS latest_year,
	       @extschema@.value_at(a.series, @extschema@.last_year(a.series)) AS latest_value,
	       -- (target / V_last)^(1 / (target_year - last_year)) - 1
	       @extschema@.required_cagr(a.series, g.target_value, g.target_year) AS required_cagr,
	       -- World Bank least-squares growth rate e^b - 1 of ln V = a + b year
	       @extschema@.trend_rate(a.series) AS trend_rate,
	       @extschema@.first_year(a.series) AS trend_from_year,
	       @extschema@.point_count(a.series) AS trend_years,
	       -- the least-squares trend exp(a + b year) in the target year
	       @extschema@.project(a.series, g.target_year) AS projected_value,
	       @extschema@.on_track(a.series, g.target_value, g.target_year) AS on_track,
	       @extschema@.sparkline(a.series) AS sparkline,
	       @extschema@.trajectory_to_jsonb(a.series) AS actual_series,
	       @extschema@.country_name(g.country) AS country_name
	FROM @extschema@.targets g
	JOIN actual a ON a.country OPERATOR(@extschema@.=) g.country AND a.commodity OPERATOR(pg_catalog.=) g.commodity
	WHERE g.metric OPERATOR(pg_catalog.=) 'production';
	COMMENT ON VIEW @extschema@.target_tracking IS 'stated production targets against USGS actuals (MCS, latest edition), via the trajectory functions: required CAGR = (target/V_last)^(1/years) - 1; trend rate = e^b - 1 of the least-squares fit ln V = a + b year (World Bank); projected value = exp(a + b target_year); on_track; sparkline; actual_series = {year: t}';

	-- Net import reliance by supply stage, as USGS computes it: separately for
	-- mineral concentrates (HS codes of the mining stage, against USGS mine
	-- production) and for compounds and metals (separation and metal stages,
	-- against USGS's printed production of compounds and metals where the
	-- store holds it); magnets and products are in neither.  Trade in t REO
	-- (to_reo of the net weight).  Per HS code and flow, the reporter's
	-- declared World total replaces the partner rows when they do not add up
	-- to it (imports_basis / exports_basis say which was used).  USGS's own
	-- printed reliance (published_statistic, latest edition) stands beside.
	-- USGS MCS formulas via the metrics functions: apparent consumption =
	-- P + M - X, NIR = (M - X) / consumption.
	CREATE OR REPLACE VIEW @extschema@.import_reliance AS
	WITH partner_rows AS (
		SELECT reporter, year, flow, product, pg_catalog.sum(net_weight_kg) AS kg
		FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND month IS NULL AND NOT synthetic
		  AND flow OPERATOR(pg_catalog.=) ANY (ARRAY['M', 'X']) AND net_weight_kg IS NOT NULL
		GROUP BY reporter, year, flow, product),
	declared AS (
		SELECT reporter, year, flow, product, net_weight_kg AS kg
		FROM @extschema@.trade_reported_total
		WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND month IS NULL AND NOT synthetic
		  AND flow OPERATOR(pg_catalog.=) ANY (ARRAY['M', 'X']) AND net_weight_kg IS NOT NULL
		  AND partner_area OPERATOR(@extschema@.=) 'WLD'::@extschema@.country),
	codes AS (
		SELECT coalesce(p.reporter, d.reporter) AS reporter, coalesce(p.year, d.year) AS year,
		       coalesce(p.flow, d.flow) AS flow, coalesce(p.product, d.product) AS product,
		       (d.kg IS NOT NULL AND (p.kg IS NULL OR pg_catalog.abs(d.kg OPERATOR(pg_catalog.-) p.kg)
		            OPERATOR(pg_catalog.>) (1e-9 OPERATOR(pg_catalog.*) d.kg))) AS use_declared,
		       p.kg AS partner_kg, d.kg AS declared_kg
		FROM partner_rows p FULL JOIN declared d
		  ON d.reporter OPERATOR(@extschema@.=) p.reporter AND d.year OPERATOR(pg_catalog.=) p.year
		 AND d.flow OPERATOR(pg_catalog.=) p.flow AND d.product OPERATOR(@extschema@.=) p.product),
	t AS (
		SELECT reporter AS country, year, @extschema@.reliance_stage(product) AS stage,
		       pg_catalog.sum(@extschema@.to_reo(CASE WHEN use_declared THEN declared_kg ELSE partner_kg END, product)
		                      OPERATOR(pg_catalog./) 1000) FILTER (WHERE flow OPERATOR(pg_catalog.=) 'M') AS imports_t,
		       pg_catalog.sum(@extschema@.to_reo(CASE WHEN use_declared THEN declared_kg ELSE partner_kg END, product)
		                      OPERATOR(pg_catalog./) 1000) FILTER (WHERE flow OPERATOR(pg_catalog.=) 'X') AS exports_t,
		       CASE WHEN pg_catalog.bool_and(use_declared) FILTER (WHERE flow OPERATOR(pg_catalog.=) 'M') THEN 'declared World total'
		            WHEN pg_catalog.bool_or(use_declared) FILTER (WHERE flow OPERATOR(pg_catalog.=) 'M') THEN 'partner rows and declared World totals'
		            WHEN pg_catalog.bool_or(true) FILTER (WHERE flow OPERATOR(pg_catalog.=) 'M') THEN 'partner rows' END AS imports_basis,
		       CASE WHEN pg_catalog.bool_and(use_declared) FILTER (WHERE flow OPERATOR(pg_catalog.=) 'X') THEN 'declared World total'
		            WHEN pg_catalog.bool_or(use_declared) FILTER (WHERE flow OPERATOR(pg_catalog.=) 'X') THEN 'partner rows and declared World totals'
		            WHEN pg_catalog.bool_or(true) FILTER (WHERE flow OPERATOR(pg_catalog.=) 'X') THEN 'partner rows' END AS exports_basis
		FROM codes WHERE @extschema@.reliance_stage(product) IS NOT NULL
		GROUP BY 1, 2, 3),
	published AS (
		SELECT DISTINCT ON (country, year, statistic) country, year, value, qualifier, edition,
		       CASE statistic WHEN 'net_import_reliance_mineral_concentrates' THEN 'mineral concentrates'
		                      ELSE 'compounds and metals' END AS stage
		FROM @extschema@.published_statistic
		WHERE commodity OPERATOR(pg_catalog.=) 'rare earths'
		  AND statistic OPERATOR(pg_catalog.=) ANY (ARRAY['net_import_reliance_mineral_concentrates', 'net_import_reliance_compounds_and_metals'])
		ORDER BY country, year, statistic, edition DESC),
	stage_production AS (
		SELECT country, year, 'mineral concentrates' AS stage, quantity_t
		FROM @extschema@.production_latest
		WHERE commodity OPERATOR(pg_catalog.=) 'rare earths' AND stage OPERATOR(pg_catalog.=) 'mining'::@extschema@.supply_stage
		UNION ALL
		(SELECT DISTINCT ON (country, year) country, year, 'compounds and metals', value
		 FROM @extschema@.published_statistic
		 WHERE commodity OPERATOR(pg_catalog.=) 'rare earths' AND statistic OPERATOR(pg_catalog.=) 'production_compounds_and_metals'
		 ORDER BY country, year, edition DESC)),
	keys AS (
		SELECT country, year, stage FROM t UNION SELECT country, year, stage FROM published),
	r AS (
		SELECT k.country, k.year, k.stage, p.quantity_t AS production_t,
		       -- no stored flows: no figure (never a reliance computed from zero trade)
		       CASE WHEN t.country IS NOT NULL THEN COALESCE(t.imports_t, 0) END AS imports_t,
		       CASE WHEN t.country IS NOT NULL THEN COALESCE(t.exports_t, 0) END AS exports_t,
		       t.imports_basis, t.exports_basis, u.value AS usgs_value, u.qualifier AS usgs_qualifier, u.edition AS usgs_edition
		FROM keys k
		LEFT JOIN t ON t.country OPERATOR(@extschema@.=) k.country AND t.year OPERATOR(pg_catalog.=) k.year
		       AND t.stage OPERATOR(pg_catalog.=) k.stage
		LEFT JOIN stage_production p ON p.country OPERATOR(@extschema@.=) k.country AND p.year OPERATOR(pg_catalog.=) k.year
		       AND p.stage OPERATOR(pg_catalog.=) k.stage
		LEFT JOIN published u ON u.country OPERATOR(@extschema@.=) k.country AND u.year OPERATOR(pg_catalog.=) k.year
		       AND u.stage OPERATOR(pg_catalog.=) k.stage)
	SELECT @extschema@.iso3(r.country) AS country, r.year, r.production_t,
	       r.imports_t AS imports_t_reo, r.exports_t AS exports_t_reo,
	       @extschema@.apparent_consumption(r.production_t, r.imports_t, r.exports_t) AS apparent_consumption_t,
	       @extschema@.net_import_reliance(r.production_t, r.imports_t, r.exports_t) AS net_import_reliance,
	       @extschema@.nir_label(@extschema@.net_import_reliance(r.production_t, r.imports_t, r.exports_t)) AS nir_label,
	       @extschema@.country_name(r.country) AS country_name,
	       r.stage, r.imports_basis, r.exports_basis,
	       r.usgs_value AS usgs_net_import_reliance_pct, r.usgs_qualifier, r.usgs_edition,
	       -- the trade side is the rare-earth HS catalogue (hs_catalogue) in t REO:
	       -- no other commodity has a reliance figure here
	       'rare earths'::text AS commodity, 't'::text AS unit
	FROM r;
	COMMENT ON VIEW @extschema@.import_reliance IS 'net import reliance by country, year and supply stage as USGS computes it: mineral concentrates (mining-stage HS codes against USGS mine production) and compounds and metals (separation and metal stages against USGS''s printed production of compounds and metals); trade from stored UN Comtrade flows in t REO (to_reo), the declared World total where partner rows do not add up to it (imports_basis, exports_basis); apparent consumption = P + M - X, NIR = (M - X) / apparent consumption, NULL when consumption <= 0 or a term is unknown, nir_label as USGS prints it; usgs_net_import_reliance_pct, usgs_qualifier (E = net exporter) and usgs_edition: USGS''s own printed figure (published_statistic, latest edition) beside; commodity = rare earths (the trade side is the rare-earth HS catalogue: no other commodity has a reliance figure), unit = t (REO equivalent) of every quantity; synthetic rows excluded';

	-- Imports by partner, three ways (metrics: reconcile, mirror statistics):
	-- 'reporter' = what the importer declares (Comtrade M, CIF); 'mirror' = what
	-- the partner declares as exports to it (Comtrade X, FOB, raised to CIF with
	-- fob_to_cif's IMF factor 1.06); 'reconciled' = the reporter's figure where it
	-- reported, else the mirror.  CEPII BACI rows are BACI's own reconciliation
	-- (FOB) and appear with data_source 'baci'.
	CREATE OR REPLACE VIEW @extschema@.import_dependency AS
	WITH m AS (
		SELECT reporter, partner, year, product, value_usd, net_weight_kg
		FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND flow OPERATOR(pg_catalog.=) 'M' AND month IS NULL AND NOT synthetic),
	x AS (
		SELECT partner AS reporter, reporter AS partner, year, product, value_usd, net_weight_kg
		FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND flow OPERATOR(pg_catalog.=) 'X' AND month IS NULL AND NOT synthetic),
	pairs AS (
		SELECT coalesce(m.reporter, x.reporter) AS reporter, coalesce(m.partner, x.partner) AS partner,
		       coalesce(m.year, x.year) AS year, coalesce(m.product, x.product) AS product,
		       m.value_usd AS reported_usd, @extschema@.fob_to_cif(x.value_usd) AS mirror_usd,
		       m.net_weight_kg AS reported_kg, x.net_weight_kg AS mirror_kg
		FROM m FULL JOIN x ON m.reporter OPERATOR(@extschema@.=) x.reporter AND m.partner OPERATOR(@extschema@.=) x.partner
		  AND m.year OPERATOR(pg_catalog.=) x.year AND m.product OPERATOR(@extschema@.=) x.product),
	rows AS (
		SELECT p.reporter, p.partner, p.year, p.product, s.data_source,
		       @extschema@.reconcile(s.data_source, p.reported_usd, p.mirror_usd) AS imports_usd,
		       -- the weight comes from the same declaration as the value
		       CASE WHEN s.data_source OPERATOR(pg_catalog.=) 'mirror'
		              OR (s.data_source OPERATOR(pg_catalog.=) 'reconciled' AND p.reported_usd IS NULL)
		            THEN p.mirror_kg ELSE p.reported_kg END AS imports_kg
		FROM pairs p, (VALUES ('reporter'), ('mirror'), ('reconciled')) s(data_source)
		UNION ALL
		SELECT partner, reporter, year, product, 'baci', value_usd, net_weight_kg
		FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'baci' AND NOT synthetic),
	-- what the HS catalogue says of each product, looked up once per product
	-- (a catalogue lookup per row made the view 150 times slower than a
	-- plain GROUP BY over the same flows: issue 21)
	products AS MATERIALIZED (
		SELECT d.product, @extschema@.hs_stage(d.product) AS stage, @extschema@.reliance_stage(d.product) AS reliance_stage,
		       @extschema@.reo_content(d.product, 'central') AS reo_content
		FROM (SELECT DISTINCT f.product FROM @extschema@.trade_flow f) d)
	SELECT @extschema@.iso3(r.reporter) AS reporter, r.year, p.stage::text AS stage,
	       r.product::text AS hs_code, @extschema@.iso3(r.partner) AS partner, r.data_source,
	       r.imports_usd,
	       -- share of the reporter's imports of that product, year and data source
	       CASE WHEN pg_catalog.sum(r.imports_usd) OVER w OPERATOR(pg_catalog.>) 0
	            THEN r.imports_usd OPERATOR(pg_catalog./) pg_catalog.sum(r.imports_usd) OVER w END AS share_of_imports,
	       -- to_reo(kg, product) = kg * reo_content(product)
	       r.imports_kg OPERATOR(pg_catalog.*) p.reo_content OPERATOR(pg_catalog./) 1000 AS imports_t_reo,
	       ir.apparent_consumption_t,
	       -- the share of the reporter's need met by this partner (USGS-style
	       -- apparent consumption from import_reliance; NULL where it is <= 0
	       -- or unknown)
	       @extschema@.partner_dependency(r.imports_kg OPERATOR(pg_catalog.*) p.reo_content OPERATOR(pg_catalog./) 1000,
	                                      ir.apparent_consumption_t) AS partner_dependency,
	       @extschema@.country_name(r.reporter) AS reporter_name,
	       @extschema@.country_name(r.partner) AS partner_name,
	       -- Shares without coverage overstate: the reporter's own declared
	       -- World total (trade_reported_total) is the denominator it
	       -- published; coverage = loaded partner rows / that total.  NULL
	       -- where none was declared (and for mirror and BACI figures, which
	       -- are not the reporter's declaration).
	       tot.value_usd AS reported_total_usd,
	       CASE WHEN tot.value_usd OPERATOR(pg_catalog.>) 0
	            THEN pg_catalog.sum(r.imports_usd) OVER w OPERATOR(pg_catalog./) tot.value_usd END AS coverage,
	       CASE WHEN tot.value_usd OPERATOR(pg_catalog.>) 0
	            THEN r.imports_usd OPERATOR(pg_catalog./) tot.value_usd END AS share_of_reported_total,
	       -- quantities exist for the rare-earth HS catalogue only (to_reo)
	       CASE WHEN p.stage IS NOT NULL THEN 'rare earths' END AS commodity,
	       CASE WHEN p.stage IS NOT NULL THEN 't' END AS unit
	FROM rows r
	JOIN products p ON p.product OPERATOR(@extschema@.=) r.product
	LEFT JOIN @extschema@.import_reliance ir
		ON ir.country OPERATOR(pg_catalog.=) @extschema@.iso3(r.reporter) AND ir.year OPERATOR(pg_catalog.=) r.year
		AND ir.stage OPERATOR(pg_catalog.=) p.reliance_stage
	LEFT JOIN @extschema@.trade_reported_total tot
		ON r.data_source OPERATOR(pg_catalog.=) ANY (ARRAY['reporter', 'reconciled'])
		AND tot.source OPERATOR(pg_catalog.=) 'comtrade' AND tot.flow OPERATOR(pg_catalog.=) 'M' AND tot.month IS NULL
		AND NOT tot.synthetic AND tot.partner_area OPERATOR(@extschema@.=) 'WLD'::@extschema@.country
		AND tot.reporter OPERATOR(@extschema@.=) r.reporter AND tot.year OPERATOR(pg_catalog.=) r.year
		AND tot.product OPERATOR(@extschema@.=) r.product
	WHERE r.imports_usd IS NOT NULL
	WINDOW w AS (PARTITION BY r.reporter, r.year, r.product, r.data_source);
	COMMENT ON VIEW @extschema@.import_dependency IS 'imports by reporter, year, HS code (and its supply stage) and partner, in US dollars, from four data sources: reporter (declared imports, CIF), mirror (partner-declared exports x 1.06, IMF CIF/FOB), reconciled (reporter where it reported, else mirror) and baci (CEPII, FOB); share_of_imports = imports from the partner / all imports of that reporter, year, product and source; imports_t_reo = net weight x REO content (to_reo); partner_dependency = imports_t_reo / the reporter''s apparent consumption of the same supply stage (import_reliance), NULL where that is <= 0 or unknown; reporter_name, partner_name; reported_total_usd = the reporter''s declared World total (trade_reported_total), coverage = partner rows / that total, share_of_reported_total = imports / that total (NULL where none was declared, and for mirror and baci rows); commodity = rare earths for the HS codes of the rare-earth catalogue (NULL for other codes, which have values in USD but no quantities), unit = t (REO equivalent) of imports_t_reo and apparent_consumption_t; synthetic rows excluded';

	-- EU Critical Raw Materials Act (Regulation (EU) 2024/1252), Article 5(1):
	-- by 2030, no more than 65% of the Union's annual consumption of a
	-- strategic raw material at any relevant stage of processing from a
	-- single third country; Union capacity of at least 10% of consumption for
	-- extraction and 40% for processing (25% for recycling, which no stored
	-- table sees).  EU consumption = EU production + extra-EU imports -
	-- extra-EU exports, membership by year (eu_member), so intra-EU trade
	-- nets out and the United Kingdom is extra-EU from 2020.  Each flow is
	-- counted once: the EU members' own UN Comtrade declarations (annual),
	-- or CEPII BACI's reconciled flows; quantities in t REO (to_reo of the
	-- net weight).
	CREATE OR REPLACE VIEW @extschema@.crma_benchmarks AS
	WITH flows AS (
		SELECT source, year, product, reporter AS importer, partner AS exporter, net_weight_kg
		FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND flow OPERATOR(pg_catalog.=) 'M' AND month IS NULL
		  AND NOT synthetic AND @extschema@.eu_member(reporter, year)
		UNION ALL
		SELECT source, year, product, partner, reporter, net_weight_kg
		FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND flow OPERATOR(pg_catalog.=) 'X' AND month IS NULL
		  AND NOT synthetic AND @extschema@.eu_member(reporter, year)
		UNION ALL
		SELECT source, year, product, partner, reporter, net_weight_kg
		FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'baci' AND NOT synthetic),
	extra AS (
		SELECT source, year, @extschema@.hs_stage(product) AS stage, @extschema@.eu_member(importer, year) AS into_eu,
		       CASE WHEN @extschema@.eu_member(importer, year) THEN exporter ELSE importer END AS third_country,
		       @extschema@.to_reo(net_weight_kg, product) OPERATOR(pg_catalog./) 1000 AS t_reo
		FROM flows
		WHERE @extschema@.eu_member(importer, year) OPERATOR(pg_catalog.<>) @extschema@.eu_member(exporter, year)),
	totals AS (
		SELECT source, year, stage,
		       coalesce(pg_catalog.sum(t_reo) FILTER (WHERE into_eu), 0) AS imports_t,
		       coalesce(pg_catalog.sum(t_reo) FILTER (WHERE NOT into_eu), 0) AS exports_t,
		       pg_catalog.count(*) FILTER (WHERE t_reo IS NULL) AS flows_without_quantity
		FROM extra WHERE stage IS NOT NULL GROUP BY source, year, stage),
	largest AS (
		SELECT DISTINCT ON (source, year, stage) source, year, stage, third_country, t
		FROM (SELECT source, year, stage, third_country, pg_catalog.sum(t_reo) AS t
		      FROM extra WHERE into_eu AND stage IS NOT NULL AND t_reo IS NOT NULL
		      GROUP BY source, year, stage, third_country) s
		ORDER BY source, year, stage, t DESC, third_country),
	prod AS (
		-- USGS lists every producing country of a year and stage: an EU
		-- member absent from the list produced nothing
		SELECT year, stage,
		       coalesce(pg_catalog.sum(quantity_t) FILTER (WHERE @extschema@.eu_member(country, year)), 0) AS eu_t
		FROM @extschema@.production_latest
		WHERE commodity OPERATOR(pg_catalog.=) 'rare earths' GROUP BY year, stage),
	c AS (
		SELECT t.*, p.eu_t, l.third_country, l.t AS largest_t,
		       coalesce(p.eu_t, 0) OPERATOR(pg_catalog.+) t.imports_t OPERATOR(pg_catalog.-) t.exports_t AS consumption,
		       CASE t.stage WHEN 'mining' THEN 0.10::float8 WHEN 'separation' THEN 0.40::float8
		                    WHEN 'metal' THEN 0.40::float8 END AS benchmark
		FROM totals t
		LEFT JOIN prod p ON p.year OPERATOR(pg_catalog.=) t.year AND p.stage OPERATOR(pg_catalog.=) t.stage
		LEFT JOIN largest l ON l.source OPERATOR(pg_catalog.=) t.source AND l.year OPERATOR(pg_catalog.=) t.year
		  AND l.stage OPERATOR(pg_catalog.=) t.stage)
	SELECT source, year, 'rare earths'::text AS commodity, stage::text AS stage,
	       eu_t AS eu_production_t, imports_t AS extra_eu_imports_t, exports_t AS extra_eu_exports_t,
	       consumption AS eu_consumption_t,
	       @extschema@.iso3(third_country) AS largest_supplier, @extschema@.country_name(third_country) AS largest_supplier_name,
	       largest_t AS largest_supplier_t,
	       CASE WHEN consumption OPERATOR(pg_catalog.>) 0 THEN largest_t OPERATOR(pg_catalog./) consumption END AS largest_supplier_share,
	       CASE WHEN consumption OPERATOR(pg_catalog.>) 0
	            THEN largest_t OPERATOR(pg_catalog./) consumption OPERATOR(pg_catalog.>) 0.65::float8 END AS exceeds_65,
	       CASE WHEN consumption OPERATOR(pg_catalog.>) 0 THEN eu_t OPERATOR(pg_catalog./) consumption END AS eu_production_share,
	       benchmark AS capacity_benchmark,
	       CASE WHEN consumption OPERATOR(pg_catalog.>) 0
	            THEN eu_t OPERATOR(pg_catalog./) consumption OPERATOR(pg_catalog.>=) benchmark END AS meets_capacity_benchmark,
	       eu_t IS NOT NULL AS production_known, flows_without_quantity
	FROM c;
	COMMENT ON VIEW @extschema@.crma_benchmarks IS 'EU Critical Raw Materials Act (Regulation (EU) 2024/1252) Article 5(1) benchmarks by data source (comtrade: EU members'' own declarations; baci), year and supply stage (hs_stage), in t REO (to_reo): eu_consumption_t = EU production (production_latest, EU members by eu_member, 0 for members USGS does not list; NULL where no production of the stage is stored, then counted as 0) + extra-EU imports - extra-EU exports (membership by year: intra-EU trade nets out, the UK is extra-EU from 2020); largest_supplier = the third country with the largest extra-EU imports, largest_supplier_share = its imports / EU consumption, exceeds_65 = share > 0.65 (the single-third-country benchmark); eu_production_share = EU production / consumption against capacity_benchmark (0.10 extraction for mining, 0.40 processing for separation and metal; NULL for magnets and products), meets_capacity_benchmark; shares NULL where consumption <= 0; flows_without_quantity = extra-EU flows with no net weight or REO content (left out of the sums); recycling (the 25% benchmark) is not seen: no stored table holds EU recycling; synthetic rows excluded';

	-- USGS's printed net import reliance of every commodity, as MCS prints it
	-- (published_statistic: the salient statistics named net_import_reliance
	-- or net_import_reliance_<what it covers>, from the MCS2026 long table, the
	-- per-commodity salient files or the shipped sample), every edition
	-- loaded; latest marks the latest edition printing that commodity,
	-- statistic and year (filter on it, or on edition).  label is the figure
	-- as USGS prints it: >95, <25, 53, E (net exporter), W, NA.
	CREATE OR REPLACE VIEW @extschema@.usgs_net_import_reliance AS
	SELECT @extschema@.iso3(s.country) AS country, @extschema@.country_name(s.country) AS country_name,
	       s.commodity, s.statistic,
	       CASE WHEN s.statistic OPERATOR(pg_catalog.<>) 'net_import_reliance'
	            THEN pg_catalog.replace(pg_catalog.substr(s.statistic, 21), '_', ' ') END AS stage,
	       s.year, s.value AS nir_pct, s.qualifier, s.estimated,
	       CASE WHEN s.qualifier OPERATOR(pg_catalog.=) ANY (ARRAY['E', 'W', 'NA', 'XX']) THEN s.qualifier
	            WHEN s.qualifier OPERATOR(pg_catalog.=) ANY (ARRAY['>', '<'])
	                 THEN s.qualifier OPERATOR(pg_catalog.||) s.value::text
	            ELSE s.value::text END AS label,
	       s.edition,
	       s.edition OPERATOR(pg_catalog.=) pg_catalog.max(s.edition) OVER (PARTITION BY s.country, s.commodity, s.statistic, s.year) AS latest,
	       s.source, s.unit
	FROM @extschema@.published_statistic s
	WHERE s.statistic OPERATOR(pg_catalog.=) 'net_import_reliance'
	   OR s.statistic OPERATOR(pg_catalog.~~) 'net\_import\_reliance\_%';
	COMMENT ON VIEW @extschema@.usgs_net_import_reliance IS 'USGS''s printed net import reliance (US salient statistics of the Mineral Commodity Summaries) of every loaded commodity, one row per country, commodity, statistic, year and edition: country (ISO3) and country_name, commodity (commodities.name), statistic (net_import_reliance, or net_import_reliance_<stage or form> such as net_import_reliance_compounds_and_metals, net_import_reliance_mineral_concentrates), stage (those words, NULL for the plain statistic), year, nir_pct (percent of apparent consumption as printed; NULL for E, W, NA, XX), qualifier (> or < a bound, e estimated, E net exporter, W withheld, NA not available), estimated, label (as USGS prints it: >95, 53, E), edition, latest (true for the latest edition printing that statistic for that year: filter on it, or on edition), source, unit (percent; a salient file''s own code, pct, where it was read from one)';
	-- Every column of every view says what it holds (BI tools show column
	-- comments as field descriptions).  Columns that several views share
	-- are described once, per view where their meaning differs.
	FOR col IN
		SELECT q.view_name, q.column_name, q.description FROM (
		SELECT v.view_name, c.column_name, c.description
		FROM (VALUES ('production_corrected'), ('reserves_corrected'), ('production_latest'), ('production_world_total'),
		             ('reserves_latest'), ('reserves_world_total')) v (view_name)
		CROSS JOIN (VALUES
			('country', 'producing country (rareearth.country: ISO alpha-3 as text in every client; compare it with a code or an English name, e.g. country = ''Russia''; an unknown name is an error 22P02); XAN = USGS "Other countries" (the residual of its table, many producers in one row)'),
			('country_name', 'English name of country (XAN: Other countries (USGS residual; Comtrade Areas, nes))'),
			('year', 'the year the figure refers to: the production year; for reserves the year they are as of (as_of_year under the name the other views use)'),
			('as_of_year', 'year the reserves estimate refers to (an MCS edition''s reserves are as of its cover year minus one); NULL when the publication gives none'),
			('commodity', 'commodity, commodities.name (lower case: rare earths, lithium, graphite (natural), ...); commodity_name(text) finds the name of a partial or USGS spelling'),
			('stage', 'supply-chain stage: mining (mine production), separation, metal (refinery), magnet'),
			('quantity_t', 'the figure, in unit (the commodity''s canonical unit: t for most, kg for gallium, germanium, PGMs and rhenium; the _t suffix is historical); for > or < the bound; NULL for W, NA, XX'),
			('qualifier', 'NULL a plain figure; e estimated; > or < a bound; W withheld; NA not available; XX not applicable (USGS legend)'),
			('series', 'MCS Mineral Commodity Summaries, MYB Minerals Yearbook, DS140 Data Series 140, or a national statement (never mixed)'),
			('edition', 'publication the row comes from, e.g. MCS2026'),
			('source', 'the publication first (with its DOI), then where the copy was read'),
			('corrected_in', 'edition and version of the published correction applied to this row (e.g. MCS2026 version 1.3); NULL when none applies'),
			('value_as_loaded', 'the stored value a published correction replaced; NULL when none applies'),
			('unit', 'unit of quantity_t: the commodity''s canonical unit (commodities.unit: t, kg, carats, m3, l)'),
			('quantity', 'quantity_t under the name that does not claim a unit: the figure in unit')) c (column_name, description)
		UNION ALL
		SELECT 'supply_share', c, d FROM (VALUES
			('country', 'producing country, ISO 3166-1 alpha-3 (text); XAN = USGS "Other countries"; filter by name with country = iso3(''Russia'') (an unknown name is an error 22P02)'),
			('country_name', 'English name of country (XAN: Other countries (USGS residual; Comtrade Areas, nes))'),
			('year', 'production year'),
			('commodity', 'commodity, commodities.name (graphite (natural), rare earths, ...); filter with commodity = commodity_name(''graphite''), which refuses an unknown name'),
			('stage', 'supply-chain stage (mining, separation, metal, magnet)'),
			('production_t', 'production of the country, in unit (the _t suffix is historical: kg for gallium, germanium, PGMs and rhenium)'),
			('qualifier', 'USGS qualifier of the figure: NULL plain, e estimated, > or < a bound'),
			('edition', 'MCS edition of the year''s rows (the latest that reports that year)'),
			('listed_total_t', 'sum of the listed rows of the year, commodity, stage and unit (USGS "Other countries" included), in unit: the denominator of share'),
			('world_total_t', 'USGS''s printed (rounded) world total, in unit; NULL when none is printed'),
			('share', 'production / listed_total_t, 0-1'),
			('share_of_world_total', 'production / world_total_t, 0-1 (may exceed the share where USGS rounded the world total); NULL without a printed world total'),
			('rank', 'rank of the country by production among named countries of the year, commodity, stage and unit, 1 = largest (ties share a rank); NULL for the residual (is_residual)'),
			('unit', 'unit of production_t, listed_total_t and world_total_t: the commodity''s canonical unit (t, kg, ...)'),
			('is_residual', 'true for USGS "Other countries" (XAN): many producers in one row, never ranked'),
			('production', 'production_t under the name that does not claim a unit: production in unit'),
			('listed_total', 'listed_total_t, in unit'),
			('world_total', 'world_total_t, in unit')) x (c, d)
		UNION ALL
		SELECT 'supply_concentration', c, d FROM (VALUES
			('year', 'production year'),
			('commodity', 'commodity, commodities.name; filter with commodity = commodity_name(''graphite''), which refuses an unknown name'),
			('stage', 'supply-chain stage (mining, separation, metal, magnet)'),
			('hhi', 'Herfindahl-Hirschman index, sum of squared percent shares of the listed rows, 0-10,000, USGS "Other countries" as one supplier (as USGS computes it; = hhi_upper); NULL below the coverage threshold (concentration_null_reason)'),
			('cr1', 'share of the largest named country in the listed total, 0-1 (the residual is no producer); NULL below the coverage threshold'),
			('cr3', 'combined share of the three largest named countries in the listed total, 0-1; NULL below the coverage threshold'),
			('equivalent_suppliers', 'numbers-equivalent 10,000 / hhi: how many equal producers give the same HHI; NULL below the coverage threshold'),
			('concentration_class', 'band of hhi under the 2010 US Horizontal Merger Guidelines (unconcentrated < 1,500 <= moderately concentrated <= 2,500 < highly concentrated); NULL below the coverage threshold'),
			('dominant_supplier', 'the largest named producer, ISO alpha-3 (text); NULL below the coverage threshold'),
			('suppliers', 'number of listed rows with production > 0, USGS "Other countries" counted as one'),
			('listed_total_t', 'sum of the listed rows (USGS "Other countries" included), in unit: the one denominator of every figure of the row'),
			('world_total_t', 'USGS''s printed (rounded) world total, in unit; NULL when none is printed'),
			('coverage', 'listed_total_t / world_total_t (above 1 where USGS rounded the world total down); NULL without a printed world total'),
			('hhi_lower', 'the HHI with USGS "Other countries" spread over infinitely many producers (hhi_bounds of the named countries against listed_total_t): hhi_lower <= hhi <= hhi_upper; NULL below the coverage threshold'),
			('hhi_upper', 'the HHI with USGS "Other countries" held by one producer, which is how hhi counts it (equal to hhi); NULL below the coverage threshold'),
			('unit', 'unit of listed_total_t and world_total_t: the commodity''s canonical unit'),
			('dominant_supplier_name', 'English name of dominant_supplier'),
			('named_suppliers', 'number of named countries with production > 0 (USGS "Other countries" not counted)'),
			('concentration_null_reason', 'why the concentration columns are NULL (coverage below min_concentration_coverage(), no printed world total, or no production listed); NULL when they are shown'),
			('listed_total', 'listed_total_t, in unit'),
			('world_total', 'world_total_t, in unit')) x (c, d)
		UNION ALL
		SELECT 'development', c, d FROM (VALUES
			('country', 'producing country, ISO 3166-1 alpha-3 (text); filter by name with country = iso3(''Russia'')'),
			('country_name', 'English name of country'),
			('year', 'production year, and the year the reserves are as of'),
			('commodity', 'commodity, commodities.name; filter with commodity = commodity_name(...)'),
			('production_t', 'production at the commodity''s first stored stage, in unit'),
			('production_edition', 'MCS edition of the production figure'),
			('reserves_t', 'USGS reserves as of year (published corrections applied), in unit; NULL when none'),
			('reserves_qualifier', 'USGS qualifier of the reserves figure (> a bound, e estimated, ...)'),
			('reserves_edition', 'MCS edition of the reserves figure'),
			('development_rate', 'production / reserves, per year; NULL when reserves are 0 or missing'),
			('reserve_life_years', 'reserves / production, in years; NULL when production is 0 or missing'),
			('stage', 'the commodity''s first stored supply stage (mining where USGS prints mine production)'),
			('unit', 'unit of production_t and reserves_t: the commodity''s canonical unit'),
			('production', 'production_t, in unit'),
			('reserves', 'reserves_t, in unit')) x (c, d)
		UNION ALL
		SELECT 'target_tracking', c, d FROM (VALUES
			('country', 'country that set the target, ISO 3166-1 alpha-3 (text)'),
			('commodity', 'commodity, commodities.name'),
			('metric', 'what is targeted (production)'),
			('unit', 'unit of base_value and target_value as stated (e.g. t REO per year)'),
			('base_year', 'year of the stated starting value'),
			('base_value', 'stated starting value'),
			('target_year', 'year by which the target is to be reached'),
			('target_value', 'stated target value'),
			('source', 'who stated the target, and where it was reported'),
			('statement', 'the statement as reported'),
			('latest_year', 'last year of USGS mine production of the country'),
			('latest_value', 'USGS mine production in latest_year'),
			('required_cagr', 'growth rate per year needed from latest_value to the target: (target / latest)^(1 / years) - 1'),
			('trend_rate', 'least-squares growth rate e^b - 1 of ln V = a + b year over the actual series (World Bank method)'),
			('trend_from_year', 'first year of the actual series'),
			('trend_years', 'number of years in the actual series'),
			('projected_value', 'the least-squares trend exp(a + b target_year) in the target year'),
			('on_track', 'true when the projected value reaches the target'),
			('sparkline', 'the actual series as a text sparkline'),
			('actual_series', 'the actual series as jsonb {year: quantity}'),
			('country_name', 'English name of country')) x (c, d)
		UNION ALL
		SELECT 'usgs_net_import_reliance', c, d FROM (VALUES
			('country', 'country the statistic is about, ISO 3166-1 alpha-3 (text)'),
			('country_name', 'English name of country'),
			('commodity', 'commodity, commodities.name'),
			('statistic', 'net_import_reliance, or net_import_reliance_<stage or form> (e.g. net_import_reliance_compounds_and_metals)'),
			('stage', 'the stage or form the statistic covers, in words; NULL for the plain statistic'),
			('year', 'year the figure refers to'),
			('nir_pct', 'net import reliance, percent of apparent consumption as printed; NULL for E, W, NA, XX'),
			('qualifier', 'NULL plain; e estimated; > or < a bound; E net exporter; W withheld; NA not available; XX not applicable'),
			('estimated', 'true when USGS marks the figure as estimated'),
			('label', 'the figure as USGS prints it (>95, 53, E)'),
			('edition', 'MCS edition'),
			('latest', 'true for the latest edition printing that statistic for that year'),
			('source', 'the publication first, then where the copy was read'),
			('unit', 'percent (a salient file''s own code, pct, where it was read from one)')) x (c, d)) q (view_name, column_name, description)
		-- the descriptions shared by the six base views name columns some of them lack
		WHERE EXISTS (SELECT FROM pg_catalog.pg_attribute a
		              WHERE a.attrelid OPERATOR(pg_catalog.=) pg_catalog.format('@extschema@.%I', q.view_name)::pg_catalog.regclass
		                AND a.attname OPERATOR(pg_catalog.=) q.column_name AND NOT a.attisdropped)
	LOOP
		EXECUTE pg_catalog.format('COMMENT ON COLUMN @extschema@.%I.%I IS %L', col.view_name, col.column_name, col.description);
	END LOOP;
END
$views$;
COMMENT ON FUNCTION @extschema@.create_store_views() IS
	'(re)defines the data store''s reporting views with this version''s definitions (CREATE OR REPLACE: columns are only ever appended, so dependent views survive); create_store() and ALTER EXTENSION UPDATE call it';
