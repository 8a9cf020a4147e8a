-- ---------------------------------------------------------------------------
-- create_store_views(): the reporting views over the store's tables
-- ---------------------------------------------------------------------------
-- create_store() calls it once; an update whose views changed calls it again
-- (0.1.0 -> 0.2.0 does).  Views are (re)defined with CREATE OR REPLACE, so a
-- user's views and materialized views over them survive an update: a new
-- version only appends columns, never renames, retypes or removes one.  The
-- one exception, the country columns typed in 0.3.0, is made only on views
-- nothing of the user's depends on (store_view_definition).  The views
-- belong to the store's owner, like its tables.
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

-- Country columns of the reporting views are typed rareearth.country (0.3.0),
-- so that country = 'Russia' finds the rows and a misspelling is an error;
-- before, they were ISO3 text.  A view's column cannot change type in place:
-- create_store_views() makes a view anew where nothing of the user's depends
-- on it, and one that keeps a text column (something does) is defined with
-- iso3() around the typed expression.  The definitions write such a column
-- {{name: typed expression}}.
CREATE OR REPLACE FUNCTION @extschema@.store_view_definition(view_name text, definition text) RETURNS text
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $definition$
DECLARE
	part text[];
	keeps_text bool;
BEGIN
	LOOP
		part := pg_catalog.regexp_match(definition, '\{\{(\w+): ([^}]+)\}\}');
		EXIT WHEN part IS NULL;
		keeps_text := EXISTS (
			SELECT FROM pg_catalog.pg_attribute a
			WHERE a.attrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass(pg_catalog.format('@extschema@.%I', view_name))
			  AND a.attname OPERATOR(pg_catalog.=) part[1] AND NOT a.attisdropped
			  AND a.atttypid OPERATOR(pg_catalog.=) 'pg_catalog.text'::pg_catalog.regtype);
		definition := pg_catalog.replace(definition, pg_catalog.format('{{%s: %s}}', part[1], part[2]),
			pg_catalog.format(CASE WHEN keeps_text THEN '@extschema@.iso3(%s) AS %I' ELSE '%s AS %I' END, part[2], part[1]));
	END LOOP;
	RETURN definition;
END
$definition$;
COMMENT ON FUNCTION @extschema@.store_view_definition(text, text) IS 'a reporting view''s definition with each country column written {{name: typed expression}} made typed (rareearth.country), or ISO3 text (iso3 of the expression) where the existing view keeps a text column because objects of the user depend on it; create_store_views() uses it';

-- The country columns typed in 0.3.0 (written {{name: ...}} in the
-- definitions): a store made before has them as text.
CREATE OR REPLACE FUNCTION @extschema@.store_view_country_columns() RETURNS TABLE (view_name text, column_name text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $columns$
VALUES ('supply_share', 'country'), ('supply_concentration', 'dominant_supplier'), ('development', 'country'),
	('target_tracking', 'country'), ('import_reliance', 'country'), ('import_dependency', 'reporter'),
	('import_dependency', 'partner'), ('crma_benchmarks', 'largest_supplier'), ('usgs_net_import_reliance', 'country'),
	('origin_dependency', 'country'), ('origin_dependency', 'origin'), ('origin_concentration', 'country'),
	('origin_concentration', 'direct_largest_third_country'), ('origin_concentration', 'traced_largest_third_country')
$columns$;
COMMENT ON FUNCTION @extschema@.store_view_country_columns() IS 'every country column of the reporting views, typed rareearth.country since 0.3.0 (the views of 0.2.0 had ISO3 text; the origin views are new in 0.3.0): view and column';

CREATE OR REPLACE FUNCTION @extschema@.create_store_views() RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $views$
DECLARE
	col record;
	retyped record;
	remade jsonb := '[]';
	over_views oid[];
	dependents text;
	kept record;
	grant_ record;
BEGIN
	-- A store made before 0.3.0: its views' country columns are text.  A
	-- view whose column is still text is dropped and made anew below
	-- (typed), with its owner and privileges, when nothing but other store
	-- views depends on it (those are made anew below too).  Where objects of
	-- the user's depend on it (views, functions, rules, triggers, ...), it
	-- keeps its text column: a NOTICE names them and the remedy.
	FOR retyped IN
		SELECT c.oid, c.relname, pg_catalog.string_agg(t.column_name, ', ' ORDER BY t.column_name) AS columns
		FROM @extschema@.store_view_country_columns() t
		JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) pg_catalog.to_regclass(pg_catalog.format('@extschema@.%I', t.view_name))
		JOIN pg_catalog.pg_attribute a ON a.attrelid OPERATOR(pg_catalog.=) c.oid AND a.attname OPERATOR(pg_catalog.=) t.column_name
		 AND NOT a.attisdropped AND a.atttypid OPERATOR(pg_catalog.=) 'pg_catalog.text'::pg_catalog.regtype
		GROUP BY c.oid, c.relname ORDER BY c.relname
	LOOP
		-- dropped already with a view it reads
		CONTINUE WHEN NOT EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) retyped.oid);
		-- the view and the store views over it, recursively: DROP ... CASCADE drops them all
		WITH RECURSIVE over (rel) AS (
			SELECT retyped.oid
			UNION
			SELECT r.ev_class FROM over o
			JOIN pg_catalog.pg_depend d ON d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
			 AND d.refobjid OPERATOR(pg_catalog.=) o.rel AND d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_rewrite'::pg_catalog.regclass
			JOIN pg_catalog.pg_rewrite r ON r.oid OPERATOR(pg_catalog.=) d.objid
			JOIN pg_catalog.pg_class v ON v.oid OPERATOR(pg_catalog.=) r.ev_class
			WHERE v.relnamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
			  AND v.relname OPERATOR(pg_catalog.=) ANY (@extschema@.store_views()) AND r.rulename OPERATOR(pg_catalog.=) '_RETURN')
		SELECT pg_catalog.array_agg(rel) INTO over_views FROM over;
		-- everything else that depends on them or on their row types
		SELECT pg_catalog.string_agg(x.what, ', ' ORDER BY x.what) INTO dependents
		FROM (SELECT DISTINCT CASE WHEN r.rulename OPERATOR(pg_catalog.=) '_RETURN'
		                           THEN pg_catalog.pg_describe_object('pg_catalog.pg_class'::pg_catalog.regclass, r.ev_class, 0)
		                           ELSE pg_catalog.pg_describe_object(d.classid, d.objid, 0) END AS what
		FROM pg_catalog.pg_class c
		JOIN pg_catalog.pg_depend d
		  ON d.deptype OPERATOR(pg_catalog.=) ANY (ARRAY['n', 'a']::pg_catalog."char"[])
		 AND ((d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid OPERATOR(pg_catalog.=) c.oid)
		      OR (d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_type'::pg_catalog.regclass AND d.refobjid OPERATOR(pg_catalog.=) c.reltype))
		LEFT JOIN pg_catalog.pg_rewrite r
		  ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND r.oid OPERATOR(pg_catalog.=) d.objid
		WHERE c.oid OPERATOR(pg_catalog.=) ANY (over_views)
		  AND NOT (r.rulename IS NOT DISTINCT FROM '_RETURN' AND r.ev_class OPERATOR(pg_catalog.=) ANY (over_views))) x;
		IF dependents IS NULL THEN
			-- who owns them and who may read them, given back once they are made anew
			SELECT remade OPERATOR(pg_catalog.||) coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
			           'name', c.relname, 'owner', c.relowner::pg_catalog.regrole::text, 'acl', c.relacl::text[])), '[]')
			INTO remade
			FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) ANY (over_views);
			EXECUTE pg_catalog.format('DROP VIEW IF EXISTS @extschema@.%I CASCADE', retyped.relname);
		ELSE
			RAISE NOTICE USING
				MESSAGE = pg_catalog.format('rareearth.%s keeps its ISO3 text column %s: %s depend%s on the view',
				                            retyped.relname, retyped.columns, dependents,
				                            CASE WHEN pg_catalog.strpos(dependents, ', ') OPERATOR(pg_catalog.>) 0 THEN '' ELSE 's' END),
				DETAIL = 'A view''s column cannot change type while objects depend on it.  A store made by this version has the column typed rareearth.country, which compares with a code or an English name (country = ''Russia'') and refuses a misspelling; the text column compares with iso3(''Russia'').',
				HINT = 'To have the typed column: drop those objects (keep their definitions, e.g. pg_dump --schema-only), run SELECT rareearth.create_store(); again, and create them anew.';
		END IF;
	END LOOP;

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
	-- bool, date, jsonb); countries as rareearth.country (ISO alpha-3 text in every
	-- client, compared with a code or name).  Synthetic rows
	-- never appear here.  Undefined ratios are NULL, never NaN or Infinity.
	-- ---------------------------------------------------------------------------

	-- Ranks are about named countries: USGS's "Other countries" (XAN, the
	-- residual of its table) is many producers in one row, so it has no rank
	-- (NULL) and is_residual says so; its share of the listed rows stays.
	EXECUTE @extschema@.store_view_definition('supply_share', $view$
	CREATE OR REPLACE VIEW @extschema@.supply_share AS
	WITH p AS (
		SELECT country, year, commodity, stage, quantity_t, qualifier, edition, unit,
		       @extschema@.is_aggregate(country) AS is_residual
		FROM @extschema@.production_latest
		WHERE quantity_t IS NOT NULL),
	-- a figure never mixes units: the unit is part of every group and join
	t AS (
		SELECT year, commodity, stage, unit, sum(quantity_t) AS listed_total FROM p GROUP BY 1, 2, 3, 4)
	SELECT {{country: p.country}}, @extschema@.country_name(p.country) AS country_name,
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
	$view$);
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
	EXECUTE @extschema@.store_view_definition('supply_concentration', $view$
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
	       {{dominant_supplier: CASE WHEN g.shown THEN @extschema@.dominant_supplier(g.named)::@extschema@.country END}},
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
	$view$);
	COMMENT ON VIEW @extschema@.supply_concentration IS 'concentration of production by year, commodity and supply stage (USGS MCS, one edition per year as in production_latest; every commodity load_usgs_mcs loads; listed_total_t and world_total_t in unit, the commodity''s canonical unit, never mixed), every figure over one denominator, the listed total (the rows USGS prints, its "Other countries" included): HHI = sum of squared percent shares (US Horizontal Merger Guidelines) with USGS "Other countries" as one supplier, as USGS computes it (equal to hhi(supply_mix(country, quantity_t)) over production_latest), which is hhi_upper; hhi_lower spreads the residual over infinitely many producers, so hhi_lower <= hhi <= hhi_upper; CR1, CR3, dominant_supplier (and its name) of named countries only; equivalent suppliers 1/H, 2010 class; coverage = listed total / printed world total; below min_concentration_coverage() (0.9), or without a printed world total (coverage unknown), the concentration columns are NULL and concentration_null_reason says why';

	-- Reserves are in the ground: they stand against a commodity's first
	-- stage only (mine production where USGS prints it; for boron, bromine
	-- and helium their only production series; gallium's primary production,
	-- with no reserves, shows NULL), never against refinery output of the
	-- same commodity; and only in the same unit.  Reserves with published
	-- corrections applied, like every view.
	EXECUTE @extschema@.store_view_definition('development', $view$
	CREATE OR REPLACE VIEW @extschema@.development AS
	WITH first_stage AS (
		SELECT commodity, pg_catalog.min(stage) AS stage FROM @extschema@.production_latest GROUP BY commodity)
	SELECT {{country: p.country}}, @extschema@.country_name(p.country) AS country_name,
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
	$view$);
	COMMENT ON VIEW @extschema@.development IS 'production against USGS reserves as of the same year (MCS, latest edition, published corrections applied), for every commodity at its first stored supply stage (stage: mining where USGS prints mine production), production_t and reserves_t in unit (the commodity''s canonical unit, never mixed): development rate = production / reserves, reserve life = reserves / production in years; NULL when a denominator is 0 or missing (e.g. gallium, which has no reserves)';

	EXECUTE @extschema@.store_view_definition('target_tracking', $view$
	CREATE OR REPLACE VIEW @extschema@.target_tracking AS
	WITH actual AS (
		SELECT country, commodity,
		       @extschema@.trajectory(year, quantity_t) AS series
		FROM @extschema@.production_latest
		WHERE stage OPERATOR(pg_catalog.=) 'mining'::@extschema@.supply_stage
		  AND country OPERATOR(@extschema@.<>) 'WLD'::@extschema@.country
		GROUP BY country, commodity)
	SELECT {{country: g.country}}, g.commodity, g.metric, g.unit,
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
	$view$);
	COMMENT ON VIEW @extschema@.target_tracking IS 'stated production targets against USGS actuals (MCS, latest edition), via the trajectory functions: required CAGR = (target/V_last)^(1/years) - 1; trend rate = e^b - 1 of the least-squares fit ln V = a + b year (World Bank); projected value = exp(a + b target_year); on_track; sparkline; actual_series = {year: t}';

	-- Net import reliance by commodity and supply stage, as USGS computes it:
	-- mineral concentrates (ores and concentrates of trade_catalogue,
	-- against USGS mine production), compounds and metals (intermediate
	-- compounds, unwrought metal, powders, ferro-alloys, against USGS's
	-- printed production of compounds and metals where the store holds it,
	-- else its metal-stage production), and all forms (both, against
	-- production at the commodity's first stored stage, else USGS's printed
	-- US mine production: USGS's plain "net
	-- import reliance"; not for rare earths, whose USGS reliance is by stage
	-- only); waste and scrap and first products are in none.
	-- Trade in the commodity's content (to_content: REO for rare earths, Li
	-- for lithium, ...) in the commodity's canonical unit.
	-- Comtrade's quantity quirks, never silently:
	--   * a net weight of 0 beside a reported value is "not reported" (NULL);
	--   * a declared World total smaller than one of its own partner rows is
	--     flagged (declared_total_flagged) and not used; otherwise the part
	--     of it the partner rows do not cover is a row of its own ("rest of
	--     the declared total": imports_basis, exports_basis say so);
	--   * a row whose value per kg lies outside [median / 5, median x 5] of
	--     the same HS code and year (median over every stored reporter's
	--     partner rows, at least 5 of them) is flagged, as is a partner row
	--     whose mirror (the partner's declaration of the same code, year and
	--     pair) differs from it in weight by more than a factor of 3.  Rules
	--     of this extension, after the unit-value and mirror (bilateral
	--     asymmetry) checks of the UN IMTS 2010 Compilers Manual (UN, 2013);
	--     the factors are ours: 5 is wider than the spread a code's forms
	--     give on their own (2846: 0.44 to 1.0 t REO per t, a factor 2.3)
	--     times a year's price spread between grades, 3 wider than CIF/FOB,
	--     timing and partner-attribution differences of a bilateral pair.
	--     The US exports of HS 2846 to China (59 kt in 2024 at about $3/kg)
	--     are flagged: China declares under 2846 a hundredth of their weight
	--     coming from the US (24 t in 2020, 253 t in 2024) and their value
	--     per kg is a fifth of 2846's median in 2020, 2021 and 2024: they are
	--     Mountain Pass's mineral concentrates, which USGS counts as "exports
	--     of ores and compounds" and leaves out of the compounds-and-metals
	--     balance, not compounds at 2846's content.  Every figure is given
	--     with and without flagged rows.
	-- USGS MCS formulas via the metrics functions: apparent consumption =
	-- P + M - X, NIR = (M - X) / consumption.  USGS's own printed reliance
	-- (published_statistic, latest edition) stands beside, with the gap.
	EXECUTE @extschema@.store_view_definition('import_reliance', $view$
	CREATE OR REPLACE VIEW @extschema@.import_reliance AS
	WITH pr AS (
		SELECT reporter, partner, year, flow, product, value_usd AS usd,
		       CASE WHEN net_weight_kg OPERATOR(pg_catalog.=) 0 AND value_usd OPERATOR(pg_catalog.>) 0 THEN NULL
		            ELSE net_weight_kg END AS kg
		FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND month IS NULL AND NOT synthetic
		  AND flow OPERATOR(pg_catalog.=) ANY (ARRAY['M', 'X'])),
	declared AS (
		SELECT reporter, year, flow, product, value_usd AS usd,
		       CASE WHEN net_weight_kg OPERATOR(pg_catalog.=) 0 AND value_usd OPERATOR(pg_catalog.>) 0 THEN NULL
		            ELSE net_weight_kg END AS kg
		FROM @extschema@.trade_reported_total
		WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND month IS NULL AND NOT synthetic
		  AND flow OPERATOR(pg_catalog.=) ANY (ARRAY['M', 'X']) AND partner_area OPERATOR(@extschema@.=) 'WLD'::@extschema@.country),
	partner_sums AS (
		SELECT reporter, year, flow, product, pg_catalog.sum(kg) AS kg, pg_catalog.sum(usd) FILTER (WHERE kg IS NOT NULL) AS usd,
		       pg_catalog.max(kg) AS max_kg
		FROM pr GROUP BY reporter, year, flow, product),
	rest AS (
		SELECT d.reporter, NULL::@extschema@.country AS partner, d.year, d.flow, d.product,
		       d.usd OPERATOR(pg_catalog.-) coalesce(s.usd, 0) AS usd,
		       CASE WHEN coalesce(s.max_kg, 0) OPERATOR(pg_catalog.<=) d.kg
		             AND (d.kg OPERATOR(pg_catalog.-) coalesce(s.kg, 0)) OPERATOR(pg_catalog.>) (1e-9 OPERATOR(pg_catalog.*) d.kg)
		            THEN d.kg OPERATOR(pg_catalog.-) coalesce(s.kg, 0) END AS kg,
		       coalesce(s.max_kg, 0) OPERATOR(pg_catalog.>) d.kg AS declared_flagged
		FROM declared d
		LEFT JOIN partner_sums s ON s.reporter OPERATOR(@extschema@.=) d.reporter AND s.year OPERATOR(pg_catalog.=) d.year
		 AND s.flow OPERATOR(pg_catalog.=) d.flow AND s.product OPERATOR(@extschema@.=) d.product
		WHERE d.kg IS NOT NULL),
	medians AS (
		SELECT product, year, pg_catalog.percentile_cont(0.5) WITHIN GROUP (ORDER BY usd OPERATOR(pg_catalog./) kg) AS uv
		FROM pr WHERE kg OPERATOR(pg_catalog.>) 0 AND usd OPERATOR(pg_catalog.>) 0
		GROUP BY product, year HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>=) 5),
	rows AS (
		SELECT a.reporter, a.year, a.flow, a.product, a.kg, a.is_rest,
		       (a.kg OPERATOR(pg_catalog.>) 0 AND a.usd OPERATOR(pg_catalog.>) 0 AND m.uv IS NOT NULL
		        AND ((a.usd OPERATOR(pg_catalog./) a.kg) OPERATOR(pg_catalog.<) (m.uv OPERATOR(pg_catalog./) 5)
		             OR (a.usd OPERATOR(pg_catalog./) a.kg) OPERATOR(pg_catalog.>) (m.uv OPERATOR(pg_catalog.*) 5)))
		       OR coalesce(a.kg OPERATOR(pg_catalog.>) (3 OPERATOR(pg_catalog.*) x.kg) OR x.kg OPERATOR(pg_catalog.>) (3 OPERATOR(pg_catalog.*) a.kg), false)
		           AS flagged
		FROM (SELECT reporter, partner, year, flow, product, usd, kg, false AS is_rest FROM pr
		      UNION ALL
		      SELECT reporter, partner, year, flow, product, usd, kg, true FROM rest WHERE kg IS NOT NULL) a
		LEFT JOIN medians m ON m.product OPERATOR(@extschema@.=) a.product AND m.year OPERATOR(pg_catalog.=) a.year
		LEFT JOIN pr x ON NOT a.is_rest AND x.reporter OPERATOR(@extschema@.=) a.partner AND x.partner OPERATOR(@extschema@.=) a.reporter
		 AND x.year OPERATOR(pg_catalog.=) a.year AND x.product OPERATOR(@extschema@.=) a.product
		 AND x.flow OPERATOR(pg_catalog.=) CASE a.flow WHEN 'M' THEN 'X' ELSE 'M' END AND x.kg OPERATOR(pg_catalog.>) 0),
	-- what the catalogue says of each product, looked up once per product and commodity
	products AS MATERIALIZED (
		SELECT d.product, k.commodity, c.content_central AS content, c.basis,
		       CASE WHEN c.stage OPERATOR(pg_catalog.=) 'ores and concentrates' THEN 'mineral concentrates'
		            WHEN c.stage OPERATOR(pg_catalog.=) ANY (ARRAY['intermediate compounds', 'unwrought metal', 'powders', 'ferro-alloys'])
		                 THEN 'compounds and metals' END AS stage,
		       -- content in the commodity's canonical unit: kg -> t, or kg as is
		       CASE WHEN u.unit OPERATOR(pg_catalog.=) 'kg' THEN 1::float8 ELSE 0.001::float8 END AS per_kg,
		       coalesce(u.unit, 't') AS unit
		FROM (SELECT DISTINCT product FROM pr) d
		CROSS JOIN LATERAL (SELECT DISTINCT t.commodity FROM @extschema@.trade_catalogue t
		                    WHERE t.code OPERATOR(@extschema@.@>) d.product) k
		CROSS JOIN LATERAL @extschema@.trade_catalogue_row(d.product, k.commodity) c
		LEFT JOIN @extschema@.commodities u ON u.name OPERATOR(pg_catalog.=) k.commodity),
	code_basis AS (
		SELECT reporter, year, flow, product, pg_catalog.bool_or(is_rest) AS used_declared
		FROM rows GROUP BY reporter, year, flow, product),
	t AS (
		SELECT r.reporter AS country, r.year, p.commodity, s.stage, pg_catalog.max(p.unit) AS unit, pg_catalog.max(p.basis) AS basis,
		       pg_catalog.sum(r.kg OPERATOR(pg_catalog.*) p.content OPERATOR(pg_catalog.*) p.per_kg) FILTER (WHERE r.flow OPERATOR(pg_catalog.=) 'M') AS imports_t,
		       pg_catalog.sum(r.kg OPERATOR(pg_catalog.*) p.content OPERATOR(pg_catalog.*) p.per_kg) FILTER (WHERE r.flow OPERATOR(pg_catalog.=) 'X') AS exports_t,
		       pg_catalog.sum(r.kg OPERATOR(pg_catalog.*) p.content OPERATOR(pg_catalog.*) p.per_kg) FILTER (WHERE r.flow OPERATOR(pg_catalog.=) 'M' AND r.flagged) AS flagged_imports_t,
		       pg_catalog.sum(r.kg OPERATOR(pg_catalog.*) p.content OPERATOR(pg_catalog.*) p.per_kg) FILTER (WHERE r.flow OPERATOR(pg_catalog.=) 'X' AND r.flagged) AS flagged_exports_t,
		       pg_catalog.count(*) FILTER (WHERE r.kg IS NULL OR p.content IS NULL) AS flows_without_content,
		       CASE WHEN pg_catalog.bool_and(b.used_declared) FILTER (WHERE r.flow OPERATOR(pg_catalog.=) 'M') THEN 'declared World total'
		            WHEN pg_catalog.bool_or(b.used_declared) FILTER (WHERE r.flow OPERATOR(pg_catalog.=) 'M') THEN 'partner rows and declared World totals'
		            WHEN pg_catalog.bool_or(true) FILTER (WHERE r.flow OPERATOR(pg_catalog.=) 'M') THEN 'partner rows' END AS imports_basis,
		       CASE WHEN pg_catalog.bool_and(b.used_declared) FILTER (WHERE r.flow OPERATOR(pg_catalog.=) 'X') THEN 'declared World total'
		            WHEN pg_catalog.bool_or(b.used_declared) FILTER (WHERE r.flow OPERATOR(pg_catalog.=) 'X') THEN 'partner rows and declared World totals'
		            WHEN pg_catalog.bool_or(true) FILTER (WHERE r.flow OPERATOR(pg_catalog.=) 'X') THEN 'partner rows' END AS exports_basis
		FROM rows r
		JOIN products p ON p.product OPERATOR(@extschema@.=) r.product
		JOIN code_basis b ON b.reporter OPERATOR(@extschema@.=) r.reporter AND b.year OPERATOR(pg_catalog.=) r.year
		 AND b.flow OPERATOR(pg_catalog.=) r.flow AND b.product OPERATOR(@extschema@.=) r.product
		CROSS JOIN LATERAL (VALUES (p.stage), (CASE WHEN p.commodity OPERATOR(pg_catalog.<>) 'rare earths' THEN 'all forms' END)) s(stage)
		WHERE p.stage IS NOT NULL AND s.stage IS NOT NULL
		GROUP BY r.reporter, r.year, p.commodity, s.stage),
	declared_flags AS (
		SELECT d.reporter AS country, d.year, p.commodity, s.stage, pg_catalog.bool_or(d.declared_flagged) AS declared_flagged
		FROM rest d JOIN products p ON p.product OPERATOR(@extschema@.=) d.product
		CROSS JOIN LATERAL (VALUES (p.stage), (CASE WHEN p.commodity OPERATOR(pg_catalog.<>) 'rare earths' THEN 'all forms' END)) s(stage)
		WHERE p.stage IS NOT NULL AND s.stage IS NOT NULL
		GROUP BY 1, 2, 3, 4),
	published AS (
		SELECT DISTINCT ON (country, commodity, year, statistic) country, commodity, year, value, qualifier, edition,
		       CASE statistic WHEN 'net_import_reliance_mineral_concentrates' THEN 'mineral concentrates'
		                      WHEN 'net_import_reliance_compounds_and_metals' THEN 'compounds and metals'
		                      ELSE 'all forms' END AS stage
		FROM @extschema@.published_statistic
		WHERE statistic OPERATOR(pg_catalog.=) ANY (ARRAY['net_import_reliance_mineral_concentrates',
		                                                  'net_import_reliance_compounds_and_metals', 'net_import_reliance'])
		ORDER BY country, commodity, year, statistic, edition DESC),
	first_stage AS (
		SELECT commodity, pg_catalog.min(stage) AS stage FROM @extschema@.production_latest GROUP BY commodity),
	stage_production AS (
		SELECT p.country, p.year, p.commodity, 'mineral concentrates' AS stage, p.quantity_t
		FROM @extschema@.production_latest p
		WHERE p.stage OPERATOR(pg_catalog.=) 'mining'::@extschema@.supply_stage
		UNION ALL
		SELECT coalesce(c.country, m.country), coalesce(c.year, m.year), coalesce(c.commodity, m.commodity),
		       'compounds and metals', coalesce(c.value, m.quantity_t)
		FROM (SELECT DISTINCT ON (country, commodity, year) country, commodity, year, value
		      FROM @extschema@.published_statistic
		      WHERE statistic OPERATOR(pg_catalog.=) 'production_compounds_and_metals'
		      ORDER BY country, commodity, year, edition DESC) c
		FULL JOIN (SELECT country, commodity, year, quantity_t FROM @extschema@.production_latest
		           WHERE stage OPERATOR(pg_catalog.=) 'metal'::@extschema@.supply_stage) m
		  ON m.country OPERATOR(@extschema@.=) c.country AND m.commodity OPERATOR(pg_catalog.=) c.commodity
		 AND m.year OPERATOR(pg_catalog.=) c.year
		UNION ALL
		-- all forms: the first stored stage of the world table, else USGS's
		-- printed US mine production (or production), latest edition
		SELECT coalesce(w.country, s.country), coalesce(w.year, s.year), coalesce(w.commodity, s.commodity), 'all forms',
		       coalesce(w.quantity_t, s.value)
		FROM (SELECT p.country, p.year, p.commodity, p.quantity_t
		      FROM @extschema@.production_latest p
		      JOIN first_stage f ON f.commodity OPERATOR(pg_catalog.=) p.commodity AND f.stage OPERATOR(pg_catalog.=) p.stage) w
		FULL JOIN (SELECT DISTINCT ON (country, commodity, year) country, commodity, year, value
		           FROM @extschema@.published_statistic
		           WHERE statistic OPERATOR(pg_catalog.=) ANY (ARRAY['production_mine', 'production'])
		           ORDER BY country, commodity, year, statistic OPERATOR(pg_catalog.<>) 'production_mine', edition DESC) s
		  ON s.country OPERATOR(@extschema@.=) w.country AND s.commodity OPERATOR(pg_catalog.=) w.commodity
		 AND s.year OPERATOR(pg_catalog.=) w.year),
	keys AS (
		SELECT country, year, commodity, stage FROM t UNION SELECT country, year, commodity, stage FROM published),
	r AS (
		SELECT k.country, k.year, k.commodity, k.stage, p.quantity_t AS production_t,
		       -- no stored flows: no figure (never a reliance computed from zero trade)
		       CASE WHEN t.country IS NOT NULL THEN coalesce(t.imports_t, 0) END AS imports_t,
		       CASE WHEN t.country IS NOT NULL THEN coalesce(t.exports_t, 0) END AS exports_t,
		       CASE WHEN t.country IS NOT NULL THEN coalesce(t.imports_t, 0) OPERATOR(pg_catalog.-) coalesce(t.flagged_imports_t, 0) END AS imports_unflagged_t,
		       CASE WHEN t.country IS NOT NULL THEN coalesce(t.exports_t, 0) OPERATOR(pg_catalog.-) coalesce(t.flagged_exports_t, 0) END AS exports_unflagged_t,
		       t.flagged_imports_t, t.flagged_exports_t, t.flows_without_content, t.basis,
		       coalesce(t.unit, (SELECT c.unit FROM @extschema@.commodities c WHERE c.name OPERATOR(pg_catalog.=) k.commodity), 't') AS unit,
		       t.imports_basis, t.exports_basis, coalesce(f.declared_flagged, false) AS declared_flagged,
		       u.value AS usgs_value, u.qualifier AS usgs_qualifier, u.edition AS usgs_edition
		FROM keys k
		LEFT JOIN t ON t.country OPERATOR(@extschema@.=) k.country AND t.year OPERATOR(pg_catalog.=) k.year
		       AND t.commodity OPERATOR(pg_catalog.=) k.commodity AND t.stage OPERATOR(pg_catalog.=) k.stage
		LEFT JOIN declared_flags f ON f.country OPERATOR(@extschema@.=) k.country AND f.year OPERATOR(pg_catalog.=) k.year
		       AND f.commodity OPERATOR(pg_catalog.=) k.commodity AND f.stage OPERATOR(pg_catalog.=) k.stage
		LEFT JOIN stage_production p ON p.country OPERATOR(@extschema@.=) k.country AND p.year OPERATOR(pg_catalog.=) k.year
		       AND p.commodity OPERATOR(pg_catalog.=) k.commodity AND p.stage OPERATOR(pg_catalog.=) k.stage
		LEFT JOIN published u ON u.country OPERATOR(@extschema@.=) k.country AND u.year OPERATOR(pg_catalog.=) k.year
		       AND u.commodity OPERATOR(pg_catalog.=) k.commodity AND u.stage OPERATOR(pg_catalog.=) k.stage),
	n AS (
		SELECT r.*,
		       @extschema@.net_import_reliance(r.production_t, r.imports_t, r.exports_t) AS nir,
		       @extschema@.net_import_reliance(r.production_t, r.imports_unflagged_t, r.exports_unflagged_t) AS nir_unflagged
		FROM r)
	SELECT {{country: n.country}}, n.year, n.production_t,
	       -- t REO for rare earths (the column's name); other commodities: imports_t, exports_t
	       CASE WHEN n.commodity OPERATOR(pg_catalog.=) 'rare earths' THEN n.imports_t END AS imports_t_reo,
	       CASE WHEN n.commodity OPERATOR(pg_catalog.=) 'rare earths' THEN n.exports_t END AS exports_t_reo,
	       @extschema@.apparent_consumption(n.production_t, n.imports_t, n.exports_t) AS apparent_consumption_t,
	       n.nir AS net_import_reliance, @extschema@.nir_label(n.nir) AS nir_label,
	       @extschema@.country_name(n.country) AS country_name,
	       n.stage, n.imports_basis, n.exports_basis,
	       n.usgs_value AS usgs_net_import_reliance_pct, n.usgs_qualifier, n.usgs_edition,
	       n.commodity, n.unit,
	       n.basis, n.imports_t, n.exports_t, n.flagged_imports_t, n.flagged_exports_t, n.declared_flagged AS declared_total_flagged,
	       n.flows_without_content,
	       n.imports_unflagged_t, n.exports_unflagged_t,
	       @extschema@.apparent_consumption(n.production_t, n.imports_unflagged_t, n.exports_unflagged_t) AS apparent_consumption_unflagged_t,
	       n.nir_unflagged AS net_import_reliance_unflagged, @extschema@.nir_label(n.nir_unflagged) AS nir_label_unflagged,
	       CASE WHEN n.usgs_qualifier IS NULL OR n.usgs_qualifier OPERATOR(pg_catalog.=) ANY (ARRAY['', 'e'])
	            THEN n.usgs_value END AS usgs_nir_pct_plain,
	       CASE WHEN n.usgs_qualifier IS NULL OR n.usgs_qualifier OPERATOR(pg_catalog.=) ANY (ARRAY['', 'e'])
	            THEN 100 OPERATOR(pg_catalog.*) n.nir OPERATOR(pg_catalog.-) n.usgs_value END AS gap_pp,
	       CASE WHEN n.usgs_qualifier IS NULL OR n.usgs_qualifier OPERATOR(pg_catalog.=) ANY (ARRAY['', 'e'])
	            THEN 100 OPERATOR(pg_catalog.*) n.nir_unflagged OPERATOR(pg_catalog.-) n.usgs_value END AS gap_unflagged_pp,
	       -- agreement with the printed figure as USGS prints it: the same
	       -- whole percent, beyond its bound (>95, <25), or a net exporter (E)
	       CASE WHEN n.nir_unflagged IS NULL OR (n.usgs_value IS NULL AND n.usgs_qualifier IS DISTINCT FROM 'E') THEN NULL
	            WHEN n.usgs_qualifier OPERATOR(pg_catalog.=) 'E' THEN n.nir_unflagged OPERATOR(pg_catalog.<) 0
	            WHEN n.usgs_qualifier OPERATOR(pg_catalog.=) '>' THEN 100 OPERATOR(pg_catalog.*) n.nir_unflagged OPERATOR(pg_catalog.>) n.usgs_value
	            WHEN n.usgs_qualifier OPERATOR(pg_catalog.=) '<' THEN 100 OPERATOR(pg_catalog.*) n.nir_unflagged OPERATOR(pg_catalog.<) n.usgs_value
	            ELSE pg_catalog.round((100 OPERATOR(pg_catalog.*) n.nir_unflagged)::numeric) OPERATOR(pg_catalog.=) n.usgs_value::numeric END
	           AS agrees_with_usgs_unflagged,
	       -- one name per concept (0.3.0): the quantities in unit under names
	       -- that claim no unit, and the USGS reliance stage under its own name
	       n.stage AS reliance_stage, n.production_t AS production, n.imports_t AS imports, n.exports_t AS exports,
	       @extschema@.apparent_consumption(n.production_t, n.imports_t, n.exports_t) AS apparent_consumption,
	       n.flagged_imports_t AS flagged_imports, n.flagged_exports_t AS flagged_exports,
	       n.imports_unflagged_t AS imports_unflagged, n.exports_unflagged_t AS exports_unflagged,
	       @extschema@.apparent_consumption(n.production_t, n.imports_unflagged_t, n.exports_unflagged_t) AS apparent_consumption_unflagged
	FROM n;
	$view$);
	COMMENT ON VIEW @extschema@.import_reliance IS 'net import reliance by country, year, commodity and supply stage as USGS computes it, for every commodity of trade_catalogue: mineral concentrates (ores and concentrates against USGS mine production), compounds and metals (intermediate compounds, unwrought metal, powders, ferro-alloys against USGS''s printed production of compounds and metals, else its metal-stage production) and all forms (both, against production at the commodity''s first stored stage, else USGS''s printed mine production; USGS''s plain net import reliance; not for rare earths, which USGS gives by stage only); trade from stored UN Comtrade flows in the commodity''s content (to_content; basis says what is counted), in unit; a net weight of 0 beside a value is not reported; the declared World total''s part the partner rows do not cover counts as a row of its own (imports_basis, exports_basis), a declared total smaller than one of its own partner rows is flagged and not used (declared_total_flagged); rows whose value per kg lies outside a factor 5 of the median of that code and year, or whose mirror weight differs by more than a factor 3, are flagged: flagged_imports_t, flagged_exports_t, and every figure again without them (*_unflagged); apparent consumption = P + M - X, NIR = (M - X) / apparent consumption, NULL when consumption <= 0 or a term is unknown, nir_label as USGS prints it; USGS''s own printed figure beside (usgs_net_import_reliance_pct, usgs_qualifier, usgs_edition; usgs_nir_pct_plain where it is a plain figure), gap_pp and gap_unflagged_pp = computed - printed in percentage points, agrees_with_usgs_unflagged; imports_t_reo, exports_t_reo for rare earths only; flows_without_content = rows with no weight or a code too mixed to convert; synthetic rows excluded';

	-- Imports by partner, three ways (metrics: reconcile, mirror statistics):
	-- 'reporter' = what the importer declares (Comtrade M, CIF); 'mirror' = what
	-- the partner declares as exports to it (Comtrade X, FOB, raised to CIF with
	-- fob_to_cif's IMF factor 1.06); 'reconciled' = the reporter's figure where it
	-- reported, else the mirror.  CEPII BACI rows are BACI's own reconciliation
	-- (FOB) and appear with data_source 'baci'.
	EXECUTE @extschema@.store_view_definition('import_dependency', $view$
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
		            THEN p.mirror_kg ELSE p.reported_kg END AS imports_kg,
		       -- the other side's declaration of the same flow (mirror_flag)
		       CASE WHEN s.data_source OPERATOR(pg_catalog.=) 'mirror'
		              OR (s.data_source OPERATOR(pg_catalog.=) 'reconciled' AND p.reported_usd IS NULL)
		            THEN p.reported_kg ELSE p.mirror_kg END AS other_kg
		FROM pairs p, (VALUES ('reporter'), ('mirror'), ('reconciled')) s(data_source)
		UNION ALL
		SELECT partner, reporter, year, product, 'baci', value_usd, net_weight_kg, NULL::float8
		FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'baci' AND NOT synthetic),
	-- what the HS catalogue says of each product, looked up once per product
	-- (a catalogue lookup per row made the view 150 times slower than a
	-- plain GROUP BY over the same flows)
	products AS MATERIALIZED (
		SELECT d.product, @extschema@.hs_stage(d.product) AS stage, @extschema@.reliance_stage(d.product) AS reliance_stage,
		       @extschema@.reo_content(d.product, 'central') AS reo_content,
		       -- the code's commodity in trade_catalogue: the one whose content
		       -- converts it (rare earths for 2846.90, not scandium), else rare
		       -- earths, else the first by name
		       c.commodity, c.content_central AS content, c.basis,
		       CASE WHEN u.unit OPERATOR(pg_catalog.=) 'kg' THEN 1::float8 ELSE 0.001::float8 END AS per_kg,
		       CASE WHEN c.commodity IS NOT NULL THEN coalesce(u.unit, 't') END AS unit,
		       CASE WHEN c.stage OPERATOR(pg_catalog.=) 'ores and concentrates' THEN 'mineral concentrates'
		            WHEN c.stage OPERATOR(pg_catalog.=) ANY (ARRAY['intermediate compounds', 'unwrought metal', 'powders', 'ferro-alloys'])
		                 THEN 'compounds and metals' END AS commodity_reliance_stage
		FROM (SELECT DISTINCT f.product FROM @extschema@.trade_flow f) d
		LEFT JOIN LATERAL (
			SELECT x.* FROM (SELECT DISTINCT t.commodity FROM @extschema@.trade_catalogue t
			                 WHERE t.code OPERATOR(@extschema@.@>) d.product) k
			CROSS JOIN LATERAL @extschema@.trade_catalogue_row(d.product, k.commodity) x
			ORDER BY x.content_central IS NULL, x.commodity OPERATOR(pg_catalog.<>) 'rare earths', x.commodity LIMIT 1) c ON true
		LEFT JOIN @extschema@.commodities u ON u.name OPERATOR(pg_catalog.=) c.commodity),
	-- the unit-value and mirror checks of import_reliance, per row
	medians AS (
		SELECT product, year, pg_catalog.percentile_cont(0.5) WITHIN GROUP (ORDER BY value_usd OPERATOR(pg_catalog./) net_weight_kg) AS uv
		FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND month IS NULL AND NOT synthetic
		  AND flow OPERATOR(pg_catalog.=) ANY (ARRAY['M', 'X']) AND net_weight_kg OPERATOR(pg_catalog.>) 0 AND value_usd OPERATOR(pg_catalog.>) 0
		GROUP BY product, year HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>=) 5)
	SELECT {{reporter: r.reporter}}, r.year, p.stage::text AS stage,
	       r.product::text AS hs_code, {{partner: r.partner}}, r.data_source,
	       r.imports_usd,
	       -- share of the reporter's imports of that product, year and data
	       -- source: of its declared World total where it declared one (the
	       -- loaded partner rows may be a few of its suppliers), else of the
	       -- listed partners (share_of_listed_partners)
	       CASE WHEN tot.value_usd OPERATOR(pg_catalog.>) 0 THEN r.imports_usd OPERATOR(pg_catalog./) tot.value_usd
	            WHEN pg_catalog.sum(r.imports_usd) OVER w OPERATOR(pg_catalog.>) 0
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
	       p.commodity, p.unit,
	       CASE WHEN pg_catalog.sum(r.imports_usd) OVER w OPERATOR(pg_catalog.>) 0
	            THEN r.imports_usd OPERATOR(pg_catalog./) pg_catalog.sum(r.imports_usd) OVER w END AS share_of_listed_partners,
	       p.basis, r.imports_kg OPERATOR(pg_catalog.*) p.content OPERATOR(pg_catalog.*) p.per_kg AS imports_content,
	       CASE WHEN r.imports_kg OPERATOR(pg_catalog.>) 0 THEN r.imports_usd OPERATOR(pg_catalog./) r.imports_kg END AS unit_value_usd_per_kg,
	       m.uv AS unit_value_median,
	       CASE WHEN r.imports_kg OPERATOR(pg_catalog.>) 0 AND r.imports_usd OPERATOR(pg_catalog.>) 0 THEN
	            CASE WHEN (r.imports_usd OPERATOR(pg_catalog./) r.imports_kg) OPERATOR(pg_catalog.<) (m.uv OPERATOR(pg_catalog./) 5) THEN 'low'
	                 WHEN (r.imports_usd OPERATOR(pg_catalog./) r.imports_kg) OPERATOR(pg_catalog.>) (m.uv OPERATOR(pg_catalog.*) 5) THEN 'high' END
	       END AS unit_value_flag,
	       r.other_kg AS other_side_kg,
	       coalesce(r.imports_kg OPERATOR(pg_catalog.>) (3 OPERATOR(pg_catalog.*) r.other_kg)
	                OR r.other_kg OPERATOR(pg_catalog.>) (3 OPERATOR(pg_catalog.*) r.imports_kg), false) AS mirror_flag,
	       -- a declared total smaller than one of its own partner rows (a weight
	       -- of 0 beside a value is "not reported", not small)
	       coalesce(tot.net_weight_kg OPERATOR(pg_catalog.>) 0
	                AND tot.net_weight_kg OPERATOR(pg_catalog.<) pg_catalog.max(r.imports_kg) OVER w, false) AS declared_total_flagged
	FROM rows r
	JOIN products p ON p.product OPERATOR(@extschema@.=) r.product
	LEFT JOIN medians m ON m.product OPERATOR(@extschema@.=) r.product AND m.year OPERATOR(pg_catalog.=) r.year
	LEFT JOIN @extschema@.import_reliance ir
		ON ir.country::text OPERATOR(pg_catalog.=) @extschema@.iso3(r.reporter) AND ir.year OPERATOR(pg_catalog.=) r.year
		AND ir.stage OPERATOR(pg_catalog.=) p.reliance_stage AND ir.commodity OPERATOR(pg_catalog.=) 'rare earths'
	LEFT JOIN @extschema@.trade_reported_total tot
		ON r.data_source OPERATOR(pg_catalog.=) ANY (ARRAY['reporter', 'reconciled'])
		AND tot.source OPERATOR(pg_catalog.=) 'comtrade' AND tot.flow OPERATOR(pg_catalog.=) 'M' AND tot.month IS NULL
		AND NOT tot.synthetic AND tot.partner_area OPERATOR(@extschema@.=) 'WLD'::@extschema@.country
		AND tot.reporter OPERATOR(@extschema@.=) r.reporter AND tot.year OPERATOR(pg_catalog.=) r.year
		AND tot.product OPERATOR(@extschema@.=) r.product
	WHERE r.imports_usd IS NOT NULL
	WINDOW w AS (PARTITION BY r.reporter, r.year, r.product, r.data_source);
	$view$);
	COMMENT ON VIEW @extschema@.import_dependency IS 'imports by reporter, year, HS code (and its supply stage) and partner, in US dollars, from four data sources: reporter (declared imports, CIF), mirror (partner-declared exports x 1.06, IMF CIF/FOB), reconciled (reporter where it reported, else mirror) and baci (CEPII, FOB); share_of_imports = imports from the partner / the reporter''s declared World total of that product and year where it declared one, else / all listed partners of that reporter, year, product and source (share_of_listed_partners, always over the listed partners); imports_t_reo = net weight x REO content (to_reo); partner_dependency = imports_t_reo / the reporter''s apparent consumption of the same supply stage (import_reliance), NULL where that is <= 0 or unknown; reporter_name, partner_name; reported_total_usd = the reporter''s declared World total (trade_reported_total), coverage = partner rows / that total, share_of_reported_total = imports / that total (NULL where none was declared, and for mirror and baci rows); commodity = the code''s commodity in trade_catalogue (the one whose content converts it, else rare earths, else the first by name; NULL outside the catalogue), unit = its canonical unit (t; REO equivalent for imports_t_reo and apparent_consumption_t); share_of_listed_partners; basis and imports_content = net weight x the commodity''s content (to_content) in unit; unit_value_usd_per_kg, unit_value_median (of that code and year over every stored reporter''s Comtrade rows, at least 5), unit_value_flag low or high beyond a factor 5 of it; other_side_kg = the other side''s declaration of the same flow, mirror_flag when the two weights differ by more than a factor 3; declared_total_flagged when the declared World total weighs less than one of its own partner rows; synthetic rows excluded';

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
	-- net weight; other commodities in their content, to_content).
	EXECUTE @extschema@.store_view_definition('crma_benchmarks', $view$
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
	-- what the catalogue says of each product, per commodity: rare earths
	-- keep hs_catalogue's stages (mining, separation, metal, magnet,
	-- product), other commodities trade_catalogue's
	products AS MATERIALIZED (
		SELECT d.product, k.commodity,
		       CASE WHEN k.commodity OPERATOR(pg_catalog.=) 'rare earths' THEN @extschema@.hs_stage(d.product)::text ELSE c.stage END AS stage,
		       CASE WHEN k.commodity OPERATOR(pg_catalog.=) 'rare earths' THEN @extschema@.hs_stage(d.product)
		            WHEN c.stage OPERATOR(pg_catalog.=) 'ores and concentrates' THEN 'mining'::@extschema@.supply_stage
		            WHEN c.stage OPERATOR(pg_catalog.=) ANY (ARRAY['unwrought metal', 'powders', 'ferro-alloys']) THEN 'metal'::@extschema@.supply_stage
		       END AS production_stage,
		       CASE WHEN k.commodity OPERATOR(pg_catalog.=) 'rare earths' THEN
		                CASE @extschema@.hs_stage(d.product) WHEN 'mining' THEN 0.10::float8 WHEN 'separation' THEN 0.40::float8
		                                                     WHEN 'metal' THEN 0.40::float8 END
		            WHEN c.stage OPERATOR(pg_catalog.=) 'ores and concentrates' THEN 0.10::float8
		            WHEN c.stage OPERATOR(pg_catalog.=) ANY (ARRAY['intermediate compounds', 'unwrought metal', 'powders', 'ferro-alloys'])
		                 THEN 0.40::float8 END AS benchmark,
		       c.content_central AS content,
		       CASE WHEN u.unit OPERATOR(pg_catalog.=) 'kg' THEN 1::float8 ELSE 0.001::float8 END AS per_kg,
		       coalesce(u.unit, 't') AS unit
		FROM (SELECT DISTINCT product FROM flows) d
		CROSS JOIN LATERAL (SELECT DISTINCT t.commodity FROM @extschema@.trade_catalogue t
		                    WHERE t.code OPERATOR(@extschema@.@>) d.product) k
		CROSS JOIN LATERAL @extschema@.trade_catalogue_row(d.product, k.commodity) c
		LEFT JOIN @extschema@.commodities u ON u.name OPERATOR(pg_catalog.=) k.commodity),
	extra AS (
		SELECT f.source, f.year, p.commodity, p.stage, p.production_stage, p.benchmark, p.unit,
		       @extschema@.eu_member(f.importer, f.year) AS into_eu,
		       CASE WHEN @extschema@.eu_member(f.importer, f.year) THEN f.exporter ELSE f.importer END AS third_country,
		       -- to_content (to_reo for rare earths) of the net weight, in the commodity's unit
		       f.net_weight_kg OPERATOR(pg_catalog.*) p.content OPERATOR(pg_catalog.*) p.per_kg AS t_reo
		FROM flows f JOIN products p ON p.product OPERATOR(@extschema@.=) f.product
		WHERE @extschema@.eu_member(f.importer, f.year) OPERATOR(pg_catalog.<>) @extschema@.eu_member(f.exporter, f.year)),
	totals AS (
		SELECT source, year, commodity, stage, pg_catalog.max(production_stage) AS production_stage,
		       pg_catalog.max(benchmark) AS benchmark, pg_catalog.max(unit) AS unit,
		       coalesce(pg_catalog.sum(t_reo) FILTER (WHERE into_eu), 0) AS imports_t,
		       coalesce(pg_catalog.sum(t_reo) FILTER (WHERE NOT into_eu), 0) AS exports_t,
		       pg_catalog.count(*) FILTER (WHERE t_reo IS NULL) AS flows_without_quantity
		FROM extra WHERE stage IS NOT NULL GROUP BY source, year, commodity, stage),
	largest AS (
		SELECT DISTINCT ON (source, year, commodity, stage) source, year, commodity, stage, third_country, t
		FROM (SELECT source, year, commodity, stage, third_country, pg_catalog.sum(t_reo) AS t
		      FROM extra WHERE into_eu AND stage IS NOT NULL AND t_reo IS NOT NULL
		      GROUP BY source, year, commodity, stage, third_country) s
		ORDER BY source, year, commodity, stage, t DESC, third_country),
	prod AS (
		-- USGS lists every producing country of a year and stage: an EU
		-- member absent from the list produced nothing
		SELECT year, commodity, stage,
		       coalesce(pg_catalog.sum(quantity_t) FILTER (WHERE @extschema@.eu_member(country, year)), 0) AS eu_t
		FROM @extschema@.production_latest
		GROUP BY year, commodity, stage),
	c AS (
		SELECT t.*, p.eu_t, l.third_country, l.t AS largest_t,
		       coalesce(p.eu_t, 0) OPERATOR(pg_catalog.+) t.imports_t OPERATOR(pg_catalog.-) t.exports_t AS consumption
		FROM totals t
		LEFT JOIN prod p ON p.year OPERATOR(pg_catalog.=) t.year AND p.commodity OPERATOR(pg_catalog.=) t.commodity
		  AND p.stage OPERATOR(pg_catalog.=) t.production_stage
		LEFT JOIN largest l ON l.source OPERATOR(pg_catalog.=) t.source AND l.year OPERATOR(pg_catalog.=) t.year
		  AND l.commodity OPERATOR(pg_catalog.=) t.commodity AND l.stage OPERATOR(pg_catalog.=) t.stage)
	SELECT source, year, commodity, stage,
	       eu_t AS eu_production_t, imports_t AS extra_eu_imports_t, exports_t AS extra_eu_exports_t,
	       consumption AS eu_consumption_t,
	       {{largest_supplier: third_country}}, @extschema@.country_name(third_country) AS largest_supplier_name,
	       largest_t AS largest_supplier_t,
	       CASE WHEN consumption OPERATOR(pg_catalog.>) 0 THEN largest_t OPERATOR(pg_catalog./) consumption END AS largest_supplier_share,
	       CASE WHEN consumption OPERATOR(pg_catalog.>) 0
	            THEN largest_t OPERATOR(pg_catalog./) consumption OPERATOR(pg_catalog.>) 0.65::float8 END AS exceeds_65,
	       CASE WHEN consumption OPERATOR(pg_catalog.>) 0 THEN eu_t OPERATOR(pg_catalog./) consumption END AS eu_production_share,
	       benchmark AS capacity_benchmark,
	       CASE WHEN consumption OPERATOR(pg_catalog.>) 0
	            THEN eu_t OPERATOR(pg_catalog./) consumption OPERATOR(pg_catalog.>=) benchmark END AS meets_capacity_benchmark,
	       eu_t IS NOT NULL AS production_known, flows_without_quantity, unit,
	       -- one name per concept (0.3.0): the quantities in unit under names that claim no unit
	       eu_t AS eu_production, imports_t AS extra_eu_imports, exports_t AS extra_eu_exports,
	       consumption AS eu_consumption, largest_t AS largest_supplier_quantity
	FROM c;
	$view$);
	COMMENT ON VIEW @extschema@.crma_benchmarks IS 'EU Critical Raw Materials Act (Regulation (EU) 2024/1252) Article 5(1) benchmarks by data source (comtrade: EU members'' own declarations; baci), year, commodity and supply stage (every commodity of trade_catalogue; rare earths by hs_stage, in t REO as to_reo; other commodities by trade_catalogue''s stage, in their content as to_content, in unit): eu_consumption_t = EU production (production_latest, EU members by eu_member, 0 for members USGS does not list; NULL where no production of the stage is stored, then counted as 0) + extra-EU imports - extra-EU exports (membership by year: intra-EU trade nets out, the UK is extra-EU from 2020); largest_supplier = the third country with the largest extra-EU imports, largest_supplier_share = its imports / EU consumption, exceeds_65 = share > 0.65 (the single-third-country benchmark); eu_production_share = EU production / consumption against capacity_benchmark (0.10 extraction for mining and ores and concentrates, 0.40 processing for separation, metal, intermediate compounds, unwrought metal, powders and ferro-alloys; NULL for magnets, products, waste and scrap and first products; EU production of ores from USGS mine production, of metal stages from its metal-stage production), meets_capacity_benchmark; shares NULL where consumption <= 0; flows_without_quantity = extra-EU flows with no net weight or REO content (left out of the sums); recycling (the 25% benchmark) is not seen: no stored table holds EU recycling; unit = the commodity''s canonical unit of every quantity (t; REO for rare earths); synthetic rows excluded';

	-- USGS's printed net import reliance of every commodity, as MCS prints it
	-- (published_statistic: the salient statistics named net_import_reliance
	-- or net_import_reliance_<what it covers>, from the MCS2026 long table, the
	-- per-commodity salient files or the shipped sample), every edition
	-- loaded; latest marks the latest edition printing that commodity,
	-- statistic and year (filter on it, or on edition).  label is the figure
	-- as USGS prints it: >95, <25, 53, E (net exporter), W, NA.
	EXECUTE @extschema@.store_view_definition('usgs_net_import_reliance', $view$
	CREATE OR REPLACE VIEW @extschema@.usgs_net_import_reliance AS
	SELECT {{country: s.country}}, @extschema@.country_name(s.country) AS country_name,
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
	$view$);
	COMMENT ON VIEW @extschema@.usgs_net_import_reliance IS 'USGS''s printed net import reliance (US salient statistics of the Mineral Commodity Summaries) of every loaded commodity, one row per country, commodity, statistic, year and edition: country (ISO3) and country_name, commodity (commodities.name), statistic (net_import_reliance, or net_import_reliance_<stage or form> such as net_import_reliance_compounds_and_metals, net_import_reliance_mineral_concentrates), stage (those words, NULL for the plain statistic), year, nir_pct (percent of apparent consumption as printed; NULL for E, W, NA, XX), qualifier (> or < a bound, e estimated, E net exporter, W withheld, NA not available), estimated, label (as USGS prints it: >95, 53, E), edition, latest (true for the latest edition printing that statistic for that year: filter on it, or on edition), source, unit (percent; a salient file''s own code, pct, where it was read from one)';

	-- Where supply really comes from: every country's use of a commodity at
	-- one supply stage traced to the country that produced it (Kastner et
	-- al. 2011, doi:10.1016/j.ecolecon.2011.01.012, trade_network and
	-- origin_flows), beside its direct sources.  One network per data
	-- source, year, commodity, stage and unit: stages and units are never
	-- mixed.  Flows: CEPII BACI as reconciled (reporter = exporter, partner
	-- = importer); UN Comtrade as the importer declares it (M), and for an
	-- importer that declared no imports of that product and year, its
	-- partners' declared exports to it (X, mirror).  Production: USGS MCS
	-- (production_latest) of the same stage, commodity and unit.  Quantities
	-- in content (to_content of trade_catalogue: t REO for rare earths, t Li
	-- for lithium, ...): the products CTE is the only place a product's
	-- weight is converted.  A code the catalogue lists under several
	-- commodities is traced under each for which it has a content (7110.31:
	-- rhodium and the platinum-group metals); a code too mixed to convert
	-- (content NULL: 2530.90 under lithium, strontium and rare earths) is
	-- left out of every network and counted (flows_without_content).
	-- Stages: rare earths hs_stage's, other commodities trade_catalogue's;
	-- production joins the stage it is printed for (mining: ores and
	-- concentrates; metal: unwrought metal).  Proportional pooling: each
	-- country's exports carry the origin mix of its whole supply.
	-- Mine origin (chained_origin_flows): the networks of the stages from
	-- mine to this one chained (rare earths mining, separation, metal,
	-- magnet, product; others ores and concentrates, intermediate
	-- compounds, unwrought metal, first products), each from the same
	-- source or from producers only where no trade of that stage is stored;
	-- NULL with the reason in mine_origin_note where a stage is missing.
	CREATE OR REPLACE VIEW @extschema@.origin_dependency AS
	WITH products AS MATERIALIZED (
		SELECT d.product, k.commodity,
		       CASE WHEN k.commodity OPERATOR(pg_catalog.=) 'rare earths' THEN @extschema@.hs_stage(d.product)::text ELSE c.stage END AS stage,
		       -- content per kg of product, in unit
		       @extschema@.to_content(d.product, 1::float8, k.commodity)
		         OPERATOR(pg_catalog.*) CASE WHEN u.unit OPERATOR(pg_catalog.=) 'kg' THEN 1::float8 ELSE 0.001::float8 END AS content_per_kg,
		       coalesce(u.unit, 't') AS unit
		FROM (SELECT DISTINCT f.product FROM @extschema@.trade_flow f) d
		CROSS JOIN LATERAL (SELECT DISTINCT t.commodity FROM @extschema@.trade_catalogue t
		                    WHERE t.code OPERATOR(@extschema@.@>) d.product) k
		CROSS JOIN LATERAL @extschema@.trade_catalogue_row(d.product, k.commodity) c
		LEFT JOIN @extschema@.commodities u ON u.name OPERATOR(pg_catalog.=) k.commodity),
	-- the chain from mine to product, and the stage production is printed for
	chain_order (rare_earths, stage, rank, production_stage) AS (
		VALUES (true, 'mining', 1, 'mining'::@extschema@.supply_stage), (true, 'separation', 2, 'separation'),
		       (true, 'metal', 3, 'metal'), (true, 'magnet', 4, 'magnet'), (true, 'product', 5, 'product'),
		       (false, 'ores and concentrates', 1, 'mining'), (false, 'intermediate compounds', 2, NULL),
		       (false, 'unwrought metal', 3, 'metal'), (false, 'first products', 4, NULL)),
	comtrade_importers AS (
		SELECT DISTINCT reporter, year, product FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND flow OPERATOR(pg_catalog.=) 'M' AND month IS NULL AND NOT synthetic),
	flows AS (
		SELECT source, year, product, reporter AS exporter, partner AS importer, net_weight_kg
		FROM @extschema@.trade_flow WHERE source OPERATOR(pg_catalog.=) 'baci' AND NOT synthetic
		UNION ALL
		SELECT source, year, product, partner, reporter, net_weight_kg
		FROM @extschema@.trade_flow
		WHERE source OPERATOR(pg_catalog.=) 'comtrade' AND flow OPERATOR(pg_catalog.=) 'M' AND month IS NULL AND NOT synthetic
		UNION ALL
		SELECT x.source, x.year, x.product, x.reporter, x.partner, x.net_weight_kg
		FROM @extschema@.trade_flow x
		WHERE x.source OPERATOR(pg_catalog.=) 'comtrade' AND x.flow OPERATOR(pg_catalog.=) 'X' AND x.month IS NULL AND NOT x.synthetic
		  AND NOT EXISTS (SELECT FROM comtrade_importers i
		                  WHERE i.reporter OPERATOR(@extschema@.=) x.partner AND i.year OPERATOR(pg_catalog.=) x.year
		                    AND i.product OPERATOR(@extschema@.=) x.product)),
	content AS (
		SELECT f.source, f.year, p.commodity, p.stage, p.unit, @extschema@.iso3(f.exporter) AS exporter,
		       @extschema@.iso3(f.importer) AS importer,
		       pg_catalog.sum(f.net_weight_kg OPERATOR(pg_catalog.*) p.content_per_kg) AS quantity
		FROM flows f JOIN products p ON p.product OPERATOR(@extschema@.=) f.product
		WHERE p.stage IS NOT NULL AND p.content_per_kg IS NOT NULL AND f.net_weight_kg IS NOT NULL
		GROUP BY 1, 2, 3, 4, 5, 6, 7),
	-- flows left out: no net weight, or a code too mixed to convert
	excluded AS (
		SELECT f.source, f.year, p.commodity, p.stage, p.unit, pg_catalog.count(*) AS flows
		FROM flows f JOIN products p ON p.product OPERATOR(@extschema@.=) f.product
		WHERE p.stage IS NOT NULL AND (p.content_per_kg IS NULL OR f.net_weight_kg IS NULL)
		GROUP BY 1, 2, 3, 4, 5),
	-- production by the stage label of its commodity's networks
	produced AS (
		SELECT p.year, p.commodity, o.stage, p.unit, @extschema@.iso3(p.country) AS country, p.quantity_t
		FROM @extschema@.production_latest p
		JOIN chain_order o ON o.rare_earths OPERATOR(pg_catalog.=) (p.commodity OPERATOR(pg_catalog.=) 'rare earths')
		 AND o.production_stage OPERATOR(pg_catalog.=) p.stage
		WHERE p.quantity_t IS NOT NULL),
	networks AS (
		SELECT c.source, c.year, c.commodity, c.stage, c.unit,
		       @extschema@.trade_network(c.exporter, c.importer, c.quantity) AS net
		FROM (SELECT source, year, commodity, stage, unit, exporter, importer, quantity FROM content
		      UNION ALL
		      SELECT s.source, p.year, p.commodity, p.stage, p.unit, p.country, p.country, p.quantity_t
		      FROM produced p, (VALUES ('baci'), ('comtrade')) s (source)
		      WHERE EXISTS (SELECT FROM content c WHERE c.source OPERATOR(pg_catalog.=) s.source
		                      AND c.year OPERATOR(pg_catalog.=) p.year AND c.commodity OPERATOR(pg_catalog.=) p.commodity
		                      AND c.stage OPERATOR(pg_catalog.=) p.stage AND c.unit OPERATOR(pg_catalog.=) p.unit)
		      UNION ALL
		      -- production without stored trade of its stage: a network of producers only
		      SELECT 'production', p.year, p.commodity, p.stage, p.unit, p.country, p.country, p.quantity_t
		      FROM produced p
		      WHERE NOT EXISTS (SELECT FROM content c WHERE c.year OPERATOR(pg_catalog.=) p.year
		                          AND c.commodity OPERATOR(pg_catalog.=) p.commodity AND c.stage OPERATOR(pg_catalog.=) p.stage
		                          AND c.unit OPERATOR(pg_catalog.=) p.unit)) c
		GROUP BY 1, 2, 3, 4, 5),
	ranked AS (
		SELECT n.source, n.year, n.commodity, n.stage, n.unit, n.net, o.rank
		FROM networks n
		LEFT JOIN chain_order o ON o.rare_earths OPERATOR(pg_catalog.=) (n.commodity OPERATOR(pg_catalog.=) 'rare earths')
		 AND o.stage OPERATOR(pg_catalog.=) n.stage),
	-- every network with the stored networks of its chain, earliest first,
	-- and the chain's ranks they cover (one network a rank: producers-only
	-- networks exist only where no source has trade of the stage)
	links AS (
		SELECT r.source, r.year, r.commodity, r.stage, r.unit,
		       pg_catalog.array_agg(e.net ORDER BY e.rank) AS nets, pg_catalog.array_agg(e.rank) AS held
		FROM ranked r
		JOIN ranked e ON e.source OPERATOR(pg_catalog.=) ANY (ARRAY[r.source, 'production'])
		 AND e.year OPERATOR(pg_catalog.=) r.year AND e.commodity OPERATOR(pg_catalog.=) r.commodity
		 AND e.unit OPERATOR(pg_catalog.=) r.unit AND e.rank OPERATOR(pg_catalog.<=) r.rank
		GROUP BY 1, 2, 3, 4, 5),
	-- or why there is no chain
	chains AS (
		SELECT r.source, r.year, r.commodity, r.stage, r.unit, l.nets,
		       CASE WHEN r.rank IS NULL THEN 'stage not on the chain from mine to product'
		            ELSE (SELECT 'no stored network of ' OPERATOR(pg_catalog.||) pg_catalog.string_agg(o.stage, ', ' ORDER BY o.rank)
		                  FROM chain_order o
		                  WHERE o.rare_earths OPERATOR(pg_catalog.=) (r.commodity OPERATOR(pg_catalog.=) 'rare earths')
		                    AND o.rank OPERATOR(pg_catalog.<) r.rank AND o.rank OPERATOR(pg_catalog.<>) ALL (l.held))
		       END AS note
		FROM ranked r
		LEFT JOIN links l ON l.source OPERATOR(pg_catalog.=) r.source AND l.year OPERATOR(pg_catalog.=) r.year
		 AND l.commodity OPERATOR(pg_catalog.=) r.commodity AND l.stage OPERATOR(pg_catalog.=) r.stage
		 AND l.unit OPERATOR(pg_catalog.=) r.unit),
	traced AS (
		SELECT n.source, n.year, n.commodity, n.stage, n.unit, o.destination AS country, o.origin, o.quantity, o.share
		FROM networks n, @extschema@.origin_flows(n.net) o),
	users AS (
		SELECT DISTINCT t.source, t.year, t.commodity, t.stage, t.unit, t.country FROM traced t),
	direct AS (
		SELECT u.source, u.year, u.commodity, u.stage, u.unit, u.country, d.supplier AS origin, d.quantity, d.share
		FROM users u
		JOIN networks n ON n.source OPERATOR(pg_catalog.=) u.source AND n.year OPERATOR(pg_catalog.=) u.year
		 AND n.commodity OPERATOR(pg_catalog.=) u.commodity AND n.stage OPERATOR(pg_catalog.=) u.stage
		 AND n.unit OPERATOR(pg_catalog.=) u.unit,
		LATERAL @extschema@.top_suppliers(@extschema@.direct_origin(n.net, u.country), 2147483647) d),
	mined AS (
		SELECT c.source, c.year, c.commodity, c.stage, c.unit, o.destination AS country, o.origin, o.quantity, o.share
		FROM chains c, @extschema@.chained_origin_flows(c.nets) o
		WHERE c.note IS NULL),
	-- one row per country and origin: its traced, direct and mine-origin figures
	pairs AS (
		SELECT source, year, commodity, stage, unit, country, origin,
		       pg_catalog.max(share) FILTER (WHERE kind OPERATOR(pg_catalog.=) 'traced') AS traced_share,
		       pg_catalog.max(quantity) FILTER (WHERE kind OPERATOR(pg_catalog.=) 'traced') AS traced_quantity,
		       pg_catalog.max(share) FILTER (WHERE kind OPERATOR(pg_catalog.=) 'direct') AS direct_share,
		       pg_catalog.max(quantity) FILTER (WHERE kind OPERATOR(pg_catalog.=) 'direct') AS direct_quantity,
		       pg_catalog.max(share) FILTER (WHERE kind OPERATOR(pg_catalog.=) 'mined') AS mine_share,
		       pg_catalog.max(quantity) FILTER (WHERE kind OPERATOR(pg_catalog.=) 'mined') AS mine_quantity
		FROM (SELECT 'traced' AS kind, * FROM traced
		      UNION ALL SELECT 'direct', * FROM direct
		      UNION ALL SELECT 'mined', * FROM mined) f
		GROUP BY 1, 2, 3, 4, 5, 6, 7)
	SELECT k.source, k.year, k.commodity, k.stage, k.country::@extschema@.country AS country,
	       @extschema@.country_name(k.country::@extschema@.country) AS country_name,
	       k.origin::@extschema@.country AS origin, @extschema@.country_name(k.origin::@extschema@.country) AS origin_name,
	       coalesce(k.direct_share, 0) AS direct_share, coalesce(k.traced_share, 0) AS traced_share,
	       coalesce(k.direct_quantity, 0) AS direct_quantity, coalesce(k.traced_quantity, 0) AS traced_quantity,
	       k.unit,
	       CASE WHEN c.note IS NULL THEN coalesce(k.mine_share, 0) END AS mine_origin_share,
	       CASE WHEN c.note IS NULL THEN coalesce(k.mine_quantity, 0) END AS mine_origin_quantity,
	       c.note AS mine_origin_note,
	       coalesce(x.flows, 0) AS flows_without_content
	FROM pairs k
	LEFT JOIN chains c ON c.source OPERATOR(pg_catalog.=) k.source AND c.year OPERATOR(pg_catalog.=) k.year
	 AND c.commodity OPERATOR(pg_catalog.=) k.commodity AND c.stage OPERATOR(pg_catalog.=) k.stage
	 AND c.unit OPERATOR(pg_catalog.=) k.unit
	LEFT JOIN excluded x ON x.source OPERATOR(pg_catalog.=) k.source AND x.year OPERATOR(pg_catalog.=) k.year
	 AND x.commodity OPERATOR(pg_catalog.=) k.commodity AND x.stage OPERATOR(pg_catalog.=) k.stage
	 AND x.unit OPERATOR(pg_catalog.=) k.unit;
	COMMENT ON VIEW @extschema@.origin_dependency IS 'every country''s use of a commodity at one supply stage by the country that produced it (traced through re-exports: Kastner et al. 2011, O = diag(p) (diag(x) - Z)^-1 diag(d), origin_flows) beside its direct sources (own production and imports by partner, direct_origin), one network per source, year, commodity, stage and unit (never mixed); flows from trade_flow: baci as reconciled (reporter = exporter), comtrade as the importer declares (M), its partners'' declared exports (X) where the importer declared no imports of that product and year; production from production_latest of the same stage; source production where no trade of the stage is stored; quantities in content (to_content of trade_catalogue, for every commodity: t REO for rare earths; a code of several commodities traced under each for which it has a content, a code too mixed to convert left out and counted in flows_without_content); stages: rare earths hs_stage''s, others trade_catalogue''s, production joined to ores and concentrates (mining) and unwrought metal (metal); mine_origin_share and mine_origin_quantity: where the use was first produced (mined), chained_origin_flows over the networks of every stage from mine to this one (NULL with the reason in mine_origin_note where one is not stored); assumes proportional pooling (each country''s exports carry the origin mix of its whole supply); exports beyond supply scaled as network_adjustments lists; synthetic rows excluded';
	COMMENT ON COLUMN @extschema@.origin_dependency.source IS 'baci or comtrade (the trade data of the network), or production where no trade of that stage and year is stored';
	COMMENT ON COLUMN @extschema@.origin_dependency.year IS 'year of the flows and production';
	COMMENT ON COLUMN @extschema@.origin_dependency.commodity IS 'commodity of trade_catalogue (rare earths for the rare-earth HS catalogue)';
	COMMENT ON COLUMN @extschema@.origin_dependency.stage IS 'supply stage of the HS codes and production traced: rare earths mining, separation, metal, magnet, product (hs_stage); other commodities trade_catalogue''s stage';
	COMMENT ON COLUMN @extschema@.origin_dependency.country IS 'the using country (rareearth.country, ISO alpha-3 in every client; compare with a code or an English name, e.g. country = ''Russia''; an unknown name is an error 22P02)';
	COMMENT ON COLUMN @extschema@.origin_dependency.country_name IS 'English short name of country';
	COMMENT ON COLUMN @extschema@.origin_dependency.origin IS 'a source of the country''s use: the producing country (traced) or the direct partner or the country itself (direct) (rareearth.country, ISO alpha-3 in every client; compare with a code or an English name, e.g. origin = ''Russia''; an unknown name is an error 22P02)';
	COMMENT ON COLUMN @extschema@.origin_dependency.origin_name IS 'English short name of origin';
	COMMENT ON COLUMN @extschema@.origin_dependency.direct_share IS 'share of the country''s use from origin as a direct source (own production or imports from origin), 0-1';
	COMMENT ON COLUMN @extschema@.origin_dependency.traced_share IS 'share of the country''s use produced in origin, traced through every re-exporter, 0-1 (proportional pooling)';
	COMMENT ON COLUMN @extschema@.origin_dependency.direct_quantity IS 'the country''s use from origin as a direct source, in unit';
	COMMENT ON COLUMN @extschema@.origin_dependency.traced_quantity IS 'the country''s use produced in origin, in unit (O[origin, country])';
	COMMENT ON COLUMN @extschema@.origin_dependency.unit IS 'unit of the quantities: t of content in the commodity''s canonical unit (t REO for rare earths, t Li for lithium, ...)';
	COMMENT ON COLUMN @extschema@.origin_dependency.mine_origin_share IS 'share of the country''s use at this stage first produced (mined) in origin, chained through every stage from mine to this one (chained_origin_flows), 0-1; NULL where a stage of the chain is not stored (mine_origin_note)';
	COMMENT ON COLUMN @extschema@.origin_dependency.mine_origin_quantity IS 'the country''s use at this stage first produced (mined) in origin, in unit; NULL where a stage of the chain is not stored (mine_origin_note)';
	COMMENT ON COLUMN @extschema@.origin_dependency.mine_origin_note IS 'why mine_origin_share is NULL: a stage off the chain from mine to product, or the earlier stages with no stored network of the source (or of producers only); NULL when it is computed';
	COMMENT ON COLUMN @extschema@.origin_dependency.flows_without_content IS 'flows of the source, year, commodity and stage left out of the network: no net weight, or a code too mixed to convert (trade_catalogue content NULL)';

	-- The headline metrics on traced instead of direct shares, per country
	-- and for the EU as a whole (EUU: members by eu_member of the year, EU
	-- origins one origin, so intra-EU trade nets out): HHI, the GeoPolRisk
	-- import risk sum f_i g_i / (F + P_c) (geopolrisk-py core.py,
	-- Koyamparambath et al. 2024) with the traced foreign-origin use as f
	-- and the own-origin use as P_c, g the governance table's
	-- geopolrisk_score of the year; and the EU CRM Act's single-third-
	-- country test (Regulation (EU) 2024/1252, Art. 5(1)(b): at most 65% of
	-- consumption from one third country).
	CREATE OR REPLACE VIEW @extschema@.origin_concentration AS
	WITH rows AS (
		SELECT o.source, o.year, o.commodity, o.stage, o.unit, @extschema@.iso3(o.country) AS country,
		       @extschema@.iso3(o.origin) AS origin, o.direct_quantity, o.traced_quantity
		FROM @extschema@.origin_dependency o
		UNION ALL
		SELECT o.source, o.year, o.commodity, o.stage, o.unit, 'EUU',
		       CASE WHEN @extschema@.eu_member(o.origin, o.year) THEN 'EUU' ELSE @extschema@.iso3(o.origin) END,
		       o.direct_quantity, o.traced_quantity
		FROM @extschema@.origin_dependency o
		WHERE @extschema@.eu_member(o.country, o.year)),
	scored AS (
		SELECT r.*, g.geopolrisk_score AS g
		FROM rows r
		LEFT JOIN @extschema@.governance g
		  ON g.country OPERATOR(@extschema@.=) r.origin::@extschema@.country AND g.year OPERATOR(pg_catalog.=) r.year
		  AND r.origin OPERATOR(pg_catalog.<>) 'EUU'),
	m AS (
		SELECT source, year, commodity, stage, unit, country,
		       @extschema@.supply_mix(origin, direct_quantity) AS direct_mix,
		       @extschema@.supply_mix(origin, traced_quantity) AS traced_mix,
		       @extschema@.supply_mix(origin, direct_quantity) FILTER (WHERE origin OPERATOR(pg_catalog.<>) country) AS direct_foreign,
		       @extschema@.supply_mix(origin, traced_quantity) FILTER (WHERE origin OPERATOR(pg_catalog.<>) country) AS traced_foreign,
		       pg_catalog.sum(direct_quantity OPERATOR(pg_catalog.*) g) FILTER (WHERE origin OPERATOR(pg_catalog.<>) country) AS direct_risk_sum,
		       pg_catalog.sum(traced_quantity OPERATOR(pg_catalog.*) g) FILTER (WHERE origin OPERATOR(pg_catalog.<>) country) AS traced_risk_sum,
		       pg_catalog.bool_or(g IS NULL AND direct_quantity OPERATOR(pg_catalog.>) 0) FILTER (WHERE origin OPERATOR(pg_catalog.<>) country) AS direct_unscored,
		       pg_catalog.bool_or(g IS NULL AND traced_quantity OPERATOR(pg_catalog.>) 0) FILTER (WHERE origin OPERATOR(pg_catalog.<>) country) AS traced_unscored
		FROM scored GROUP BY 1, 2, 3, 4, 5, 6),
	k AS (
		SELECT m.*, @extschema@.total(m.traced_mix) AS use_q,
		       @extschema@.dominant_supplier(m.direct_foreign) AS direct_top, @extschema@.dominant_supplier(m.traced_foreign) AS traced_top
		FROM m)
	SELECT k.source, k.year, k.commodity, k.stage, k.country::@extschema@.country AS country,
	       @extschema@.country_name(k.country::@extschema@.country) AS country_name,
	       k.use_q AS use_quantity,
	       @extschema@.hhi(k.direct_mix) AS direct_hhi, @extschema@.hhi(k.traced_mix) AS traced_hhi,
	       k.direct_top::@extschema@.country AS direct_largest_third_country,
	       @extschema@.country_name(k.direct_top::@extschema@.country) AS direct_largest_third_country_name,
	       CASE WHEN k.use_q OPERATOR(pg_catalog.>) 0 THEN @extschema@.quantity(k.direct_foreign, k.direct_top) OPERATOR(pg_catalog./) k.use_q END AS direct_largest_third_country_share,
	       k.traced_top::@extschema@.country AS traced_largest_third_country,
	       @extschema@.country_name(k.traced_top::@extschema@.country) AS traced_largest_third_country_name,
	       CASE WHEN k.use_q OPERATOR(pg_catalog.>) 0 THEN @extschema@.quantity(k.traced_foreign, k.traced_top) OPERATOR(pg_catalog./) k.use_q END AS traced_largest_third_country_share,
	       CASE WHEN k.use_q OPERATOR(pg_catalog.>) 0
	            THEN coalesce(@extschema@.quantity(k.direct_foreign, k.direct_top), 0) OPERATOR(pg_catalog./) k.use_q OPERATOR(pg_catalog.>) 0.65::float8 END AS direct_exceeds_65,
	       CASE WHEN k.use_q OPERATOR(pg_catalog.>) 0
	            THEN coalesce(@extschema@.quantity(k.traced_foreign, k.traced_top), 0) OPERATOR(pg_catalog./) k.use_q OPERATOR(pg_catalog.>) 0.65::float8 END AS traced_exceeds_65,
	       CASE WHEN k.use_q OPERATOR(pg_catalog.>) 0 AND NOT coalesce(k.direct_unscored, false)
	            THEN coalesce(k.direct_risk_sum, 0) OPERATOR(pg_catalog./) k.use_q END AS direct_import_risk,
	       CASE WHEN k.use_q OPERATOR(pg_catalog.>) 0 AND NOT coalesce(k.traced_unscored, false)
	            THEN coalesce(k.traced_risk_sum, 0) OPERATOR(pg_catalog./) k.use_q END AS traced_import_risk,
	       k.unit
	FROM k;
	COMMENT ON VIEW @extschema@.origin_concentration IS 'the headline dependency metrics of origin_dependency on direct and on traced shares, per source, year, commodity, stage and country, and for the EU as a whole (country EUU: the members of the year, EU origins counted as one, so intra-EU trade nets out): HHI of the country''s use (0-10,000), the largest third country (origin other than the country) and its share of use with the EU CRM Act test share > 0.65 (Regulation (EU) 2024/1252 Art. 5(1)(b)), and the GeoPolRisk import risk sum f_i g_i / (F + P_c) (geopolrisk-py, Koyamparambath et al. 2024) with f the foreign-origin use, P_c the own-origin use and g the governance table''s geopolrisk_score of the year (NULL when an origin with use has no score); assumes proportional pooling (each country''s exports carry the origin mix of its whole supply)';
	COMMENT ON COLUMN @extschema@.origin_concentration.source IS 'baci, comtrade or production (as origin_dependency)';
	COMMENT ON COLUMN @extschema@.origin_concentration.year IS 'year';
	COMMENT ON COLUMN @extschema@.origin_concentration.commodity IS 'commodity';
	COMMENT ON COLUMN @extschema@.origin_concentration.stage IS 'supply stage';
	COMMENT ON COLUMN @extschema@.origin_concentration.country IS 'the using country, EUU for the EU as a whole (rareearth.country, ISO alpha-3 in every client; compare with a code or an English name, e.g. country = ''Russia''; an unknown name is an error 22P02)';
	COMMENT ON COLUMN @extschema@.origin_concentration.country_name IS 'English short name of country';
	COMMENT ON COLUMN @extschema@.origin_concentration.use_quantity IS 'the country''s use (domestic use d = production + imports - exports after the imbalance rule), in unit';
	COMMENT ON COLUMN @extschema@.origin_concentration.direct_hhi IS 'HHI (0-10,000) of the use by direct source';
	COMMENT ON COLUMN @extschema@.origin_concentration.traced_hhi IS 'HHI (0-10,000) of the use by traced origin';
	COMMENT ON COLUMN @extschema@.origin_concentration.direct_largest_third_country IS 'the largest direct source other than the country itself (ties: first by code) (rareearth.country, ISO alpha-3 in every client; compare with a code or an English name, e.g. direct_largest_third_country = ''Russia''; an unknown name is an error 22P02)';
	COMMENT ON COLUMN @extschema@.origin_concentration.direct_largest_third_country_name IS 'English short name of direct_largest_third_country';
	COMMENT ON COLUMN @extschema@.origin_concentration.direct_largest_third_country_share IS 'its share of the country''s use, 0-1; NULL without use';
	COMMENT ON COLUMN @extschema@.origin_concentration.traced_largest_third_country IS 'the largest traced origin other than the country itself (ties: first by code) (rareearth.country, ISO alpha-3 in every client; compare with a code or an English name, e.g. traced_largest_third_country = ''Russia''; an unknown name is an error 22P02)';
	COMMENT ON COLUMN @extschema@.origin_concentration.traced_largest_third_country_name IS 'English short name of traced_largest_third_country';
	COMMENT ON COLUMN @extschema@.origin_concentration.traced_largest_third_country_share IS 'its share of the country''s use, 0-1; NULL without use';
	COMMENT ON COLUMN @extschema@.origin_concentration.direct_exceeds_65 IS 'EU CRM Act single-third-country test on direct shares: direct_largest_third_country_share > 0.65; NULL without use';
	COMMENT ON COLUMN @extschema@.origin_concentration.traced_exceeds_65 IS 'the same test on traced shares: traced_largest_third_country_share > 0.65; NULL without use';
	COMMENT ON COLUMN @extschema@.origin_concentration.direct_import_risk IS 'GeoPolRisk import risk on direct shares: sum over direct foreign sources of quantity x geopolrisk_score / use, 0-1; NULL without use or when a source with use has no score for the year';
	COMMENT ON COLUMN @extschema@.origin_concentration.traced_import_risk IS 'GeoPolRisk import risk on traced shares: sum over foreign origins of traced quantity x geopolrisk_score / use; NULL without use or when an origin with use has no score for the year';
	COMMENT ON COLUMN @extschema@.origin_concentration.unit IS 'unit of use_quantity: t of content (t REO for rare earths)';

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
			('country', 'producing country (rareearth.country, ISO alpha-3 in every client; compare with a code or an English name, e.g. country = ''Russia'', an unknown name is an error 22P02 (a store updated from 0.2.0 whose view other objects depended on keeps ISO3 text: compare with iso3(''Russia''))); XAN = USGS "Other countries"'),
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
			('dominant_supplier', 'the largest named producer (rareearth.country, ISO alpha-3 in every client; compare with a code or an English name, e.g. dominant_supplier = ''Russia'', an unknown name is an error 22P02 (a store updated from 0.2.0 whose view other objects depended on keeps ISO3 text: compare with iso3(''Russia''))); NULL below the coverage threshold'),
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
			('country', 'producing country (rareearth.country, ISO alpha-3 in every client; compare with a code or an English name, e.g. country = ''Russia'', an unknown name is an error 22P02 (a store updated from 0.2.0 whose view other objects depended on keeps ISO3 text: compare with iso3(''Russia'')))'),
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
			('country', 'country that set the target (rareearth.country, ISO alpha-3 in every client; compare with a code or an English name, e.g. country = ''Russia'', an unknown name is an error 22P02 (a store updated from 0.2.0 whose view other objects depended on keeps ISO3 text: compare with iso3(''Russia'')))'),
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
			('country', 'country the statistic is about (rareearth.country, ISO alpha-3 in every client; compare with a code or an English name, e.g. country = ''Russia'', an unknown name is an error 22P02 (a store updated from 0.2.0 whose view other objects depended on keeps ISO3 text: compare with iso3(''Russia'')))'),
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
			('unit', 'percent (a salient file''s own code, pct, where it was read from one)')) x (c, d)
		UNION ALL
		SELECT 'import_reliance', c, d FROM (VALUES
			('country', 'reporting country (rareearth.country, ISO alpha-3 in every client; compare with a code or an English name, e.g. country = ''Russia'', an unknown name is an error 22P02 (a store updated from 0.2.0 whose view other objects depended on keeps ISO3 text: compare with iso3(''Russia'')))'),
			('year', 'year of the trade and production figures'),
			('production_t', 'USGS production of the stage''s basis in unit: mine production for mineral concentrates, printed production of compounds and metals (else metal-stage production) for compounds and metals'),
			('imports_t_reo', 'imports in t REO (to_reo); rare earths only, NULL for other commodities (see imports_t)'),
			('exports_t_reo', 'exports in t REO (to_reo); rare earths only, NULL for other commodities (see exports_t)'),
			('apparent_consumption_t', 'apparent consumption = production + imports - exports, in unit'),
			('net_import_reliance', '(imports - exports) / apparent consumption, a fraction; NULL when consumption <= 0 or a term is unknown'),
			('nir_label', 'net import reliance as USGS prints it (percent, or E for a net exporter)'),
			('country_name', 'English name of country'),
			('stage', 'mineral concentrates, compounds and metals, or all forms (USGSs plain reliance; not for rare earths)'),
			('imports_basis', 'what the imports sum: the partner rows, with the part of the declared World total they do not cover as a row of its own'),
			('exports_basis', 'what the exports sum, as imports_basis'),
			('usgs_net_import_reliance_pct', 'USGSs printed net import reliance, percent (published_statistic, latest edition); NULL for E, W, NA'),
			('usgs_qualifier', 'the qualifier of USGSs printed figure (E net exporter, > or < a bound, e estimated)'),
			('usgs_edition', 'the MCS edition of USGSs printed figure'),
			('commodity', 'commodity, commodities.name (every commodity of trade_catalogue)'),
			('unit', 'unit of every quantity of the row: the commodity''s canonical unit (t; REO equivalent for rare earths)'),
			('basis', 'what the content counts (e.g. Li, Co, REO, gross weight), from trade_catalogue'),
			('imports_t', 'imports in the commodity''s content (to_content), in unit'),
			('exports_t', 'exports in the commodity''s content (to_content), in unit'),
			('flagged_imports_t', 'the part of imports_t in flagged rows (value per kg beyond a factor 5 of its code-year median, or mirror weight beyond a factor 3)'),
			('flagged_exports_t', 'the part of exports_t in flagged rows, as flagged_imports_t'),
			('declared_total_flagged', 'true when a declared World total weighs less than one of its own partner rows (then not used)'),
			('flows_without_content', 'rows with no weight, or a code too mixed to convert, left out of the sums'),
			('imports_unflagged_t', 'imports_t without the flagged rows'),
			('exports_unflagged_t', 'exports_t without the flagged rows'),
			('apparent_consumption_unflagged_t', 'apparent consumption without the flagged rows'),
			('net_import_reliance_unflagged', 'net import reliance without the flagged rows, a fraction'),
			('nir_label_unflagged', 'net import reliance without the flagged rows, as USGS would print it'),
			('usgs_nir_pct_plain', 'USGSs printed plain net import reliance, percent, where that is the figure compared (all forms)'),
			('gap_pp', 'computed - printed net import reliance, percentage points'),
			('gap_unflagged_pp', 'computed without flagged rows - printed, percentage points'),
			('agrees_with_usgs_unflagged', 'true when the computed figure without flagged rows agrees with USGSs printed one (its label, bound or rounding)'),
			('reliance_stage', 'stage under the name that says what it is: the USGS net-import-reliance stage (mineral concentrates, compounds and metals, all forms; reliance_stage(hscode)), not a supply_stage'),
			('production', 'production_t under the name that claims no unit: in unit (the _t suffix is historical)'),
			('imports', 'imports_t, in unit (kg for a commodity whose canonical unit is kg)'),
			('exports', 'exports_t, in unit'),
			('apparent_consumption', 'apparent_consumption_t, in unit'),
			('flagged_imports', 'flagged_imports_t, in unit'),
			('flagged_exports', 'flagged_exports_t, in unit'),
			('imports_unflagged', 'imports_unflagged_t, in unit'),
			('exports_unflagged', 'exports_unflagged_t, in unit'),
			('apparent_consumption_unflagged', 'apparent_consumption_unflagged_t, in unit')) x (c, d)
		UNION ALL
		SELECT 'import_dependency', c, d FROM (VALUES
			('reporter', 'importing country (rareearth.country, ISO alpha-3 in every client; compare with a code or an English name, e.g. reporter = ''Russia'', an unknown name is an error 22P02 (a store updated from 0.2.0 whose view other objects depended on keeps ISO3 text: compare with iso3(''Russia'')))'),
			('year', 'year of the trade'),
			('stage', 'supply stage of the HS code (hs_stage)'),
			('hs_code', 'HS code of the goods (text)'),
			('partner', 'partner country the goods come from (rareearth.country, ISO alpha-3 in every client; compare with a code or an English name, e.g. partner = ''Russia'', an unknown name is an error 22P02 (a store updated from 0.2.0 whose view other objects depended on keeps ISO3 text: compare with iso3(''Russia'')))'),
			('data_source', 'reporter (declared imports, CIF), mirror (partner-declared exports x 1.06, IMF CIF/FOB), reconciled (reporter where it reported, else mirror) or baci (CEPII, FOB)'),
			('imports_usd', 'imports from the partner, US dollars'),
			('share_of_imports', 'imports from the partner / the reporters declared World total of that product and year where it declared one, else / all listed partners'),
			('imports_t_reo', 'net weight x REO content (to_reo), t REO; rare earths only'),
			('apparent_consumption_t', 'the reporters apparent consumption of the same stage (import_reliance), in unit'),
			('partner_dependency', 'imports_t_reo / apparent_consumption_t; NULL where that is <= 0 or unknown'),
			('reporter_name', 'English name of reporter'),
			('partner_name', 'English name of partner'),
			('reported_total_usd', 'the reporters declared World total of the product and year (trade_reported_total), US dollars'),
			('coverage', 'partner rows / the declared World total'),
			('share_of_reported_total', 'imports / the declared World total; NULL where none was declared, and for mirror and baci rows'),
			('commodity', 'the codes commodity in trade_catalogue; NULL outside the catalogue'),
			('unit', 'the commodity''s canonical unit (t; REO equivalent for imports_t_reo and apparent_consumption_t)'),
			('share_of_listed_partners', 'imports from the partner / all listed partners of that reporter, year, product and source'),
			('basis', 'what imports_content counts (e.g. Li, Co, REO, gross weight)'),
			('imports_content', 'net weight x the commodity''s content (to_content), in unit'),
			('unit_value_usd_per_kg', 'value / net weight, US dollars per kg'),
			('unit_value_median', 'the median value per kg of that code and year over every stored reporters Comtrade rows (at least 5)'),
			('unit_value_flag', 'low or high when the value per kg lies beyond a factor 5 of the median; NULL otherwise'),
			('other_side_kg', 'the other sides declaration of the same flow, kg'),
			('mirror_flag', 'true when the two sides weights differ by more than a factor 3'),
			('declared_total_flagged', 'true when the declared World total weighs less than one of its own partner rows')) x (c, d)
		UNION ALL
		SELECT 'crma_benchmarks', c, d FROM (VALUES
			('source', 'comtrade (EU members own declarations) or baci'),
			('year', 'year'),
			('commodity', 'commodity (every commodity of trade_catalogue)'),
			('stage', 'supply stage (hs_stage for rare earths, trade_catalogues stage otherwise)'),
			('eu_production_t', 'EU production of the stage (production_latest, members by year), in unit; NULL where none is stored'),
			('extra_eu_imports_t', 'imports from outside the EU, in unit'),
			('extra_eu_exports_t', 'exports to outside the EU, in unit'),
			('eu_consumption_t', 'EU production + extra-EU imports - extra-EU exports, in unit'),
			('largest_supplier', 'the third country with the largest extra-EU imports (rareearth.country, ISO alpha-3 in every client; compare with a code or an English name, e.g. largest_supplier = ''Russia'', an unknown name is an error 22P02 (a store updated from 0.2.0 whose view other objects depended on keeps ISO3 text: compare with iso3(''Russia'')))'),
			('largest_supplier_name', 'English name of largest_supplier'),
			('largest_supplier_t', 'imports from the largest supplier, in unit'),
			('largest_supplier_share', 'imports from the largest supplier / EU consumption; NULL where consumption <= 0'),
			('exceeds_65', 'true when largest_supplier_share > 0.65 (the single-third-country benchmark, Article 5(1)(b))'),
			('eu_production_share', 'EU production / EU consumption; NULL where consumption <= 0'),
			('capacity_benchmark', '0.10 (extraction) for mining, ores and concentrates; 0.40 (processing) for separation, metal and intermediate stages; NULL for magnets, products, waste and scrap'),
			('meets_capacity_benchmark', 'true when eu_production_share >= capacity_benchmark'),
			('production_known', 'true when EU production of the stage is stored (else it counts as 0)'),
			('flows_without_quantity', 'extra-EU flows with no net weight or content, left out of the sums'),
			('unit', 'the commodity''s canonical unit of every quantity (t; REO for rare earths)'),
			('eu_production', 'eu_production_t under the name that claims no unit: in unit (the _t suffix is historical)'),
			('extra_eu_imports', 'extra_eu_imports_t, in unit'),
			('extra_eu_exports', 'extra_eu_exports_t, in unit'),
			('eu_consumption', 'eu_consumption_t, in unit'),
			('largest_supplier_quantity', 'largest_supplier_t, in unit')) x (c, d)) q (view_name, column_name, description)
		-- the descriptions shared by the six base views name columns some of them lack
		WHERE EXISTS (SELECT FROM pg_catalog.pg_attribute a
		              WHERE a.attrelid OPERATOR(pg_catalog.=) pg_catalog.format('@extschema@.%I', q.view_name)::pg_catalog.regclass
		                AND a.attname OPERATOR(pg_catalog.=) q.column_name AND NOT a.attisdropped)
	LOOP
		EXECUTE pg_catalog.format('COMMENT ON COLUMN @extschema@.%I.%I IS %L', col.view_name, col.column_name, col.description);
	END LOOP;

	-- The views made anew get back their owner and privileges (granted
	-- again by the owner; comments are set above like every view's)
	FOR kept IN SELECT x.name, x.owner, x.acl FROM pg_catalog.jsonb_to_recordset(remade) x (name text, owner text, acl text[]) LOOP
		IF (SELECT c.relowner::pg_catalog.regrole::text FROM pg_catalog.pg_class c
		    WHERE c.oid OPERATOR(pg_catalog.=) pg_catalog.format('@extschema@.%I', kept.name)::pg_catalog.regclass) OPERATOR(pg_catalog.<>) kept.owner THEN
			EXECUTE pg_catalog.format('ALTER VIEW @extschema@.%I OWNER TO %s', kept.name, kept.owner);
		END IF;
		CONTINUE WHEN kept.acl IS NULL;
		EXECUTE pg_catalog.format('REVOKE ALL ON @extschema@.%I FROM PUBLIC, %s', kept.name, kept.owner);
		FOR grant_ IN SELECT g.grantee, g.privilege_type, g.is_grantable FROM pg_catalog.aclexplode(kept.acl::pg_catalog.aclitem[]) g LOOP
			EXECUTE pg_catalog.format('GRANT %s ON @extschema@.%I TO %s%s', grant_.privilege_type, kept.name,
				CASE WHEN grant_.grantee OPERATOR(pg_catalog.=) 0 THEN 'PUBLIC' ELSE grant_.grantee::pg_catalog.regrole::text END,
				CASE WHEN grant_.is_grantable AND grant_.grantee::pg_catalog.regrole::text OPERATOR(pg_catalog.<>) kept.owner
				     THEN ' WITH GRANT OPTION' ELSE '' END);
		END LOOP;
	END LOOP;
END
$views$;
COMMENT ON FUNCTION @extschema@.create_store_views() IS
	'(re)defines the data store''s reporting views with this version''s definitions (CREATE OR REPLACE: columns are only ever appended, so dependent views survive); a view of a store made before 0.3.0 whose country column is still ISO3 text is dropped and made anew with the column typed rareearth.country (its owner and privileges kept) when no object of the user''s depends on it, else it keeps the text column and a NOTICE names the dependent objects; create_store() calls it';
