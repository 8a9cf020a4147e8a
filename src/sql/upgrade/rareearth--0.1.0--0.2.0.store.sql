-- rareearth 0.1.0 -> 0.2.0, part 3 (see the prologue): the store.

-- 1. (before 2) A refused record is filed once per source, release and reason (0.1.0
-- filed concurrent duplicates): keep the first of each, then make it a key.
-- Before create_store(), which then appends the columns of 0.2.0's file
-- loaders (file, line, severity out_of_scope) as to a store made by 0.2.0.
DELETE FROM @extschema@.load_rejects l
USING (SELECT ctid, pg_catalog.row_number() OVER (
		PARTITION BY source, release, reason, pg_catalog.md5(record::text) ORDER BY rejected_at, ctid) AS n
	   FROM @extschema@.load_rejects) d
WHERE l.ctid OPERATOR(pg_catalog.=) d.ctid AND d.n OPERATOR(pg_catalog.>) 1;
DROP INDEX @extschema@.load_rejects_source_idx;
CREATE UNIQUE INDEX load_rejects_key ON @extschema@.load_rejects (source, release, reason, pg_catalog.md5(record::text)) NULLS NOT DISTINCT;
COMMENT ON INDEX @extschema@.load_rejects_key IS 'a record is filed once per source, release and reason (record compared by its md5)';
COMMENT ON TABLE @extschema@.load_rejects IS 'rows of a staging table that a loader could not use (severity rejected), or loaded with one field dropped (severity warning), each with the reason; a load of a release replaces what earlier loads of that release filed; a record is filed once per source, release and reason';
ALTER TABLE @extschema@.load_rejects ADD COLUMN severity text NOT NULL DEFAULT 'rejected' CHECK (severity IN ('rejected', 'warning'));
COMMENT ON COLUMN @extschema@.load_rejects.severity IS 'rejected: the row was not loaded; warning: the row was loaded with the field the reason names stored as NULL';

-- 2. This version's new store tables and view definitions, applied while the
-- views are still members (columns are only appended, so users' dependent
-- views survive): create_store() creates what is missing, then the views.
SELECT @extschema@.create_store();

-- 3. The data tables and the views over them become the store: no longer
-- members of the extension (so DROP EXTENSION keeps them), owned by the
-- extension's owner like a store made by create_store().  Every row stays.
ALTER EXTENSION rareearth DROP TABLE @extschema@.trade_flow;
ALTER EXTENSION rareearth DROP TABLE @extschema@.trade_reported_total;
ALTER EXTENSION rareearth DROP TABLE @extschema@.production;
ALTER EXTENSION rareearth DROP TABLE @extschema@.reserves;
ALTER EXTENSION rareearth DROP TABLE @extschema@.targets;
ALTER EXTENSION rareearth DROP TABLE @extschema@.governance;
ALTER EXTENSION rareearth DROP TABLE @extschema@.load_rejects;
ALTER EXTENSION rareearth DROP VIEW @extschema@.reserves_corrected;
ALTER EXTENSION rareearth DROP VIEW @extschema@.production_corrected;
ALTER EXTENSION rareearth DROP TABLE @extschema@.published_correction;
ALTER EXTENSION rareearth DROP TABLE @extschema@.published_statistic;
ALTER EXTENSION rareearth DROP TABLE @extschema@.country_groups;
ALTER EXTENSION rareearth DROP VIEW @extschema@.production_latest;
ALTER EXTENSION rareearth DROP VIEW @extschema@.production_world_total;
ALTER EXTENSION rareearth DROP VIEW @extschema@.reserves_world_total;
ALTER EXTENSION rareearth DROP VIEW @extschema@.reserves_latest;
ALTER EXTENSION rareearth DROP VIEW @extschema@.supply_share;
ALTER EXTENSION rareearth DROP VIEW @extschema@.supply_concentration;
ALTER EXTENSION rareearth DROP VIEW @extschema@.development;
ALTER EXTENSION rareearth DROP VIEW @extschema@.target_tracking;
ALTER EXTENSION rareearth DROP VIEW @extschema@.import_reliance;
ALTER EXTENSION rareearth DROP VIEW @extschema@.import_dependency;
ALTER EXTENSION rareearth DROP VIEW @extschema@.crma_benchmarks;
ALTER EXTENSION rareearth DROP VIEW @extschema@.usgs_net_import_reliance;
ALTER TABLE @extschema@.trade_flow OWNER TO @extowner@;
ALTER TABLE @extschema@.trade_reported_total OWNER TO @extowner@;
ALTER TABLE @extschema@.production OWNER TO @extowner@;
ALTER TABLE @extschema@.reserves OWNER TO @extowner@;
ALTER TABLE @extschema@.targets OWNER TO @extowner@;
ALTER TABLE @extschema@.governance OWNER TO @extowner@;
ALTER TABLE @extschema@.load_rejects OWNER TO @extowner@;
ALTER VIEW @extschema@.reserves_corrected OWNER TO @extowner@;
ALTER VIEW @extschema@.production_corrected OWNER TO @extowner@;
ALTER TABLE @extschema@.published_correction OWNER TO @extowner@;
ALTER TABLE @extschema@.published_statistic OWNER TO @extowner@;
ALTER TABLE @extschema@.country_groups OWNER TO @extowner@;
ALTER VIEW @extschema@.production_latest OWNER TO @extowner@;
ALTER VIEW @extschema@.production_world_total OWNER TO @extowner@;
ALTER VIEW @extschema@.reserves_world_total OWNER TO @extowner@;
ALTER VIEW @extschema@.reserves_latest OWNER TO @extowner@;
ALTER VIEW @extschema@.supply_share OWNER TO @extowner@;
ALTER VIEW @extschema@.supply_concentration OWNER TO @extowner@;
ALTER VIEW @extschema@.development OWNER TO @extowner@;
ALTER VIEW @extschema@.target_tracking OWNER TO @extowner@;
ALTER VIEW @extschema@.import_reliance OWNER TO @extowner@;
ALTER VIEW @extschema@.import_dependency OWNER TO @extowner@;
ALTER VIEW @extschema@.crma_benchmarks OWNER TO @extowner@;
ALTER VIEW @extschema@.usgs_net_import_reliance OWNER TO @extowner@;

-- 5. Column comments that changed
COMMENT ON COLUMN @extschema@.production.source IS 'the publication first (e.g. USGS Mineral Commodity Summaries 2026, doi:10.5066/P1WKQ63T), then where the copy was read (file, cell or page)';
COMMENT ON COLUMN @extschema@.reserves.source IS 'the publication first, then where the copy was read; for a statement, who stated it and who reported it';
