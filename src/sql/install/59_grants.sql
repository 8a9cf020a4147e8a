-- ---------------------------------------------------------------------------
-- Who may read the reference tables
-- ---------------------------------------------------------------------------
-- The reference tables (rare-earth elements, HS catalogue, revisions and
-- concordance) are published classifications that functions anyone may call
-- (to_reo, reo_content, hs_stage, hs_convert) read as their caller.  A
-- trusted extension's script runs as the bootstrap superuser, who then owns
-- them; without this grant a database owner who installed the extension got
-- "permission denied" (42501) from those functions.  Reading is all anyone
-- needs: the tables change only with the extension.
GRANT SELECT ON @extschema@.rare_earth_elements, @extschema@.hs_catalogue, @extschema@.hs_revisions,
	@extschema@.hs_concordance, @extschema@.commodities TO PUBLIC;
