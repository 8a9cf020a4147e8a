-- PLACEHOLDER until issue 3 (branch issue-vocab) ships the supply_stage enum:
-- the same labels as specified there.  Delete this file when merging it.
CREATE TYPE @extschema@.supply_stage AS ENUM ('mining', 'separation', 'metal', 'magnet', 'product');
COMMENT ON TYPE @extschema@.supply_stage IS 'stage of the rare-earth supply chain: mining, separation, metal, magnet, product';
