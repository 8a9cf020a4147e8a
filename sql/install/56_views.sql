-- ---------------------------------------------------------------------------
-- Reporting views for BI tools: plain column types only (float8, int, text,
-- bool, date, jsonb); countries as ISO 3166-1 alpha-3 text.  Synthetic rows
-- never appear here.  Undefined ratios are NULL, never NaN or Infinity.
-- ---------------------------------------------------------------------------

CREATE VIEW @extschema@.supply_share AS
WITH p AS (
	SELECT country, year, commodity, stage, quantity_t, qualifier, edition
	FROM @extschema@.production_latest
	WHERE country OPERATOR(@extschema@.<>) 'WLD'::@extschema@.country AND quantity_t IS NOT NULL),
t AS (
	SELECT year, commodity, stage, sum(quantity_t) AS listed_total FROM p GROUP BY 1, 2, 3)
SELECT @extschema@.iso3(p.country) AS country, @extschema@.country_name(p.country) AS country_name,
       p.year, p.commodity, p.stage::text AS stage,
       p.quantity_t AS production_t, p.qualifier, p.edition,
       t.listed_total AS listed_total_t, w.quantity_t AS world_total_t,
       -- share = q / sum of the listed rows (USGS "Other countries" is one row)
       CASE WHEN t.listed_total OPERATOR(pg_catalog.>) 0 THEN p.quantity_t OPERATOR(pg_catalog./) t.listed_total END AS share,
       -- against the printed (rounded) world total
       CASE WHEN w.quantity_t OPERATOR(pg_catalog.>) 0 THEN p.quantity_t OPERATOR(pg_catalog./) w.quantity_t END AS share_of_world_total,
       rank() OVER (PARTITION BY p.year, p.commodity, p.stage ORDER BY p.quantity_t DESC)::int AS rank
FROM p
JOIN t USING (year, commodity, stage)
LEFT JOIN @extschema@.production_latest w
	ON w.country OPERATOR(@extschema@.=) 'WLD'::@extschema@.country AND w.year OPERATOR(pg_catalog.=) p.year
	AND w.commodity OPERATOR(pg_catalog.=) p.commodity AND w.stage OPERATOR(pg_catalog.=) p.stage;
COMMENT ON VIEW @extschema@.supply_share IS 'production share by country and year (USGS MCS, latest edition): share = production / sum of the listed rows, share_of_world_total = production / printed world total, rank 1 = largest';

CREATE VIEW @extschema@.supply_concentration AS
WITH m AS (
	SELECT year, commodity, stage,
	       @extschema@.supply_mix(@extschema@.iso3(country), quantity_t) AS mix
	FROM @extschema@.production_latest
	WHERE country OPERATOR(@extschema@.<>) 'WLD'::@extschema@.country
	GROUP BY year, commodity, stage)
SELECT m.year, m.commodity, m.stage::text AS stage,
       @extschema@.hhi(m.mix) AS hhi,
       @extschema@.cr(m.mix, 1) AS cr1,
       @extschema@.cr(m.mix, 3) AS cr3,
       @extschema@.equivalent_suppliers(m.mix) AS equivalent_suppliers,
       @extschema@.concentration_class(m.mix) AS concentration_class,
       @extschema@.dominant_supplier(m.mix) AS dominant_supplier,
       @extschema@.supplier_count(m.mix) AS suppliers,
       @extschema@.total(m.mix) AS listed_total_t,
       w.quantity_t AS world_total_t,
       -- listed total / printed world total; above 1 where USGS rounded the world total down
       CASE WHEN w.quantity_t OPERATOR(pg_catalog.>) 0 THEN @extschema@.total(m.mix) OPERATOR(pg_catalog./) w.quantity_t END AS coverage
FROM m
LEFT JOIN @extschema@.production_latest w
	ON w.country OPERATOR(@extschema@.=) 'WLD'::@extschema@.country AND w.year OPERATOR(pg_catalog.=) m.year
	AND w.commodity OPERATOR(pg_catalog.=) m.commodity AND w.stage OPERATOR(pg_catalog.=) m.stage;
COMMENT ON VIEW @extschema@.supply_concentration IS 'concentration of production by year (USGS MCS, latest edition): HHI = sum of squared percent shares (US Horizontal Merger Guidelines), CR1, CR3, equivalent suppliers 1/H, 2010 class, coverage = listed total / printed world total; USGS "Other countries" counts as one supplier';

CREATE VIEW @extschema@.development AS
SELECT @extschema@.iso3(p.country) AS country, @extschema@.country_name(p.country) AS country_name,
       p.year, p.commodity, p.quantity_t AS production_t, p.edition AS production_edition,
       r.quantity_t AS reserves_t, r.qualifier AS reserves_qualifier, r.edition AS reserves_edition,
       -- development rate = P / R per year; reserve life = R / P years (NULL for a zero denominator)
       @extschema@.development_rate(p.quantity_t, r.quantity_t) AS development_rate,
       @extschema@.reserve_life(r.quantity_t, p.quantity_t) AS reserve_life_years
FROM @extschema@.production_latest p
LEFT JOIN LATERAL (
	SELECT quantity_t, qualifier, edition FROM @extschema@.reserves x
	WHERE x.country OPERATOR(@extschema@.=) p.country AND x.commodity OPERATOR(pg_catalog.=) p.commodity
	  AND x.series OPERATOR(pg_catalog.=) 'MCS' AND x.as_of_year OPERATOR(pg_catalog.=) p.year
	ORDER BY x.edition DESC LIMIT 1) r ON true
WHERE p.stage OPERATOR(pg_catalog.=) 'mining'::@extschema@.supply_stage;
COMMENT ON VIEW @extschema@.development IS 'production against USGS reserves as of the same year (MCS, latest edition): development rate = production / reserves, reserve life = reserves / production in years; NULL when a denominator is 0 or missing';

CREATE VIEW @extschema@.target_tracking AS
WITH actual AS (
	SELECT country, commodity, year, quantity_t FROM @extschema@.production_latest
	WHERE stage OPERATOR(pg_catalog.=) 'mining'::@extschema@.supply_stage AND quantity_t OPERATOR(pg_catalog.>) 0),
latest AS (
	SELECT DISTINCT ON (country, commodity) country, commodity, year, quantity_t FROM actual
	ORDER BY country, commodity, year DESC),
trend AS (
	-- least-squares slope of ln(production) on year: continuous growth rate, as an annual rate exp(b) - 1
	SELECT country, commodity, count(*)::int AS years, min(year) AS first_year,
	       pg_catalog.exp(pg_catalog.regr_slope(pg_catalog.ln(quantity_t), year::float8)) OPERATOR(pg_catalog.-) 1 AS trend_rate,
	       pg_catalog.jsonb_object_agg(year::text, quantity_t ORDER BY year) AS series
	FROM actual GROUP BY country, commodity)
SELECT @extschema@.iso3(g.country) AS country, g.commodity, g.metric, g.unit,
       g.base_year, g.base_value, g.target_year, g.target_value, g.source, g.statement,
       l.year AS latest_year, l.quantity_t AS latest_value,
       -- required CAGR = (target / latest)^(1 / (target year - latest year)) - 1
       CASE WHEN g.target_year OPERATOR(pg_catalog.>) l.year THEN
            pg_catalog.power(g.target_value OPERATOR(pg_catalog./) l.quantity_t,
                             1.0::float8 OPERATOR(pg_catalog./) (g.target_year OPERATOR(pg_catalog.-) l.year))
            OPERATOR(pg_catalog.-) 1 END AS required_cagr,
       t.trend_rate, t.first_year AS trend_from_year, t.years AS trend_years,
       -- projection: latest value grown at the trend rate to the target year
       l.quantity_t OPERATOR(pg_catalog.*) pg_catalog.power(1 OPERATOR(pg_catalog.+) t.trend_rate,
            (g.target_year OPERATOR(pg_catalog.-) l.year)::float8) AS projected_value,
       l.quantity_t OPERATOR(pg_catalog.*) pg_catalog.power(1 OPERATOR(pg_catalog.+) t.trend_rate,
            (g.target_year OPERATOR(pg_catalog.-) l.year)::float8) OPERATOR(pg_catalog.>=) g.target_value AS on_track,
       t.series AS actual_series
FROM @extschema@.targets g
JOIN latest l ON l.country OPERATOR(@extschema@.=) g.country AND l.commodity OPERATOR(pg_catalog.=) g.commodity
JOIN trend t ON t.country OPERATOR(@extschema@.=) g.country AND t.commodity OPERATOR(pg_catalog.=) g.commodity
WHERE g.metric OPERATOR(pg_catalog.=) 'production';
COMMENT ON VIEW @extschema@.target_tracking IS 'production targets against USGS actuals (MCS, latest edition): required CAGR = (target/latest)^(1/years) - 1; trend rate = exp(OLS slope of ln production on year) - 1; projected value = latest x (1 + trend)^years; on_track = projected >= target; actual_series = {year: t}';
