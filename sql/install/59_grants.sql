-- ---------------------------------------------------------------------------
-- The data tables belong to whoever installed the extension
-- ---------------------------------------------------------------------------
-- A trusted extension's script runs as the bootstrap superuser, who then owns
-- its tables; the database owner who ran CREATE EXTENSION must still be able
-- to load and edit data and read the views, so the extension's owner gets
-- those privileges.
DO $grant$
DECLARE
	owner_name text;
BEGIN
	SELECT e.extowner::pg_catalog.regrole::text INTO owner_name
	FROM pg_catalog.pg_extension e WHERE e.extname OPERATOR(pg_catalog.=) 'rareearth';
	EXECUTE pg_catalog.format(
		'GRANT SELECT, INSERT, UPDATE, DELETE ON @extschema@.trade_flow, @extschema@.trade_reported_total, '
		'@extschema@.production, @extschema@.reserves, @extschema@.targets, @extschema@.governance, '
		'@extschema@.load_rejects, @extschema@.comtrade_raw, @extschema@.baci_raw, @extschema@.usgs_mcs_raw TO %s',
		owner_name);
	EXECUTE pg_catalog.format(
		'GRANT SELECT ON @extschema@.production_latest, @extschema@.reserves_latest, @extschema@.supply_share, '
		'@extschema@.supply_concentration, @extschema@.development, @extschema@.target_tracking, '
		'@extschema@.import_dependency, @extschema@.import_reliance TO %s',
		owner_name);
END
$grant$;
