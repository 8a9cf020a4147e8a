-- rareearth 0.1.0 -> 0.2.0: the country-score functions (33_geopolrisk.sql,
-- replayed next).  hhi_wgi gains missing_score: a new argument, so the
-- 0.1.0 function is dropped first (a view of the user's that calls it must
-- be dropped before the update and made again after it).
DROP FUNCTION @extschema@.hhi_wgi(@extschema@.supply_mix, jsonb, jsonb);
