-- ---------------------------------------------------------------------------
-- rare-earth elements: the enum ree, the element table and conversions
-- between metal and oxide (REO) mass
-- ---------------------------------------------------------------------------

CREATE TYPE @extschema@.ree AS ENUM (
	'Sc', 'Y', 'La', 'Ce', 'Pr', 'Nd', 'Pm', 'Sm', 'Eu', 'Gd', 'Tb', 'Dy', 'Ho', 'Er', 'Tm', 'Yb', 'Lu');
COMMENT ON TYPE @extschema@.ree IS 'the 17 rare-earth elements (IUPAC): Sc, Y and the lanthanides La-Lu, by symbol';

CREATE FUNCTION @extschema@.ree_reference(
	OUT symbol text, OUT name text, OUT atomic_number int, OUT atomic_weight float8,
	OUT oxide_formula text, OUT element_group text, OUT oxide_factor float8) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'ree_reference' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 17;
COMMENT ON FUNCTION @extschema@.ree_reference() IS 'the element data of the C core (source of the rare_earth_elements table)';

CREATE TABLE @extschema@.rare_earth_elements (
	element @extschema@.ree PRIMARY KEY,
	name text NOT NULL,
	atomic_number int NOT NULL UNIQUE,
	atomic_weight float8 NOT NULL,
	oxide_formula text NOT NULL,
	element_group text NOT NULL CHECK (element_group IN ('light', 'heavy', 'scandium')),
	oxide_factor float8 NOT NULL
);
INSERT INTO @extschema@.rare_earth_elements
SELECT symbol::@extschema@.ree, name, atomic_number, atomic_weight, oxide_formula, element_group, oxide_factor
FROM @extschema@.ree_reference();
COMMENT ON TABLE @extschema@.rare_earth_elements IS
	'rare-earth elements: standard atomic weights (CIAAW; Gd 157.249 and Lu 174.96669 as revised in 2024, Yb 173.045 as in the 2021 table; Pm: mass number 145), the customary REO formulas (R2O3 except CeO2, Pr6O11, Tb4O7), group (light La-Sm; heavy Eu-Lu and Y; scandium apart), oxide factor (m A + n 15.999)/(m A) for MmOn';

CREATE FUNCTION @extschema@.oxide_factor(@extschema@.ree) RETURNS float8
	AS 'MODULE_PATHNAME', 'ree_oxide_factor' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.metal_to_oxide(mass float8, element @extschema@.ree) RETURNS float8
	AS 'MODULE_PATHNAME', 'ree_metal_to_oxide' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.oxide_to_metal(mass float8, element @extschema@.ree) RETURNS float8
	AS 'MODULE_PATHNAME', 'ree_oxide_to_metal' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.oxide_factor(@extschema@.ree) IS 'mass of oxide per mass of metal, (m A + n 15.999)/(m A) for the oxide MmOn (stoichiometry; Nd2O3 1.1664, CeO2 1.2284, Pr6O11 1.2082)';
COMMENT ON FUNCTION @extschema@.metal_to_oxide(float8, @extschema@.ree) IS 'oxide (REO) mass of a metal mass: mass * oxide_factor; negative or non-finite mass is an error';
COMMENT ON FUNCTION @extschema@.oxide_to_metal(float8, @extschema@.ree) IS 'metal mass of an oxide (REO) mass: mass / oxide_factor; negative or non-finite mass is an error';
