-- ---------------------------------------------------------------------------
-- USGS Mineral Commodity Summaries value cells, as printed
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.parse_usgs_value(cell text,
	OUT value float8, OUT qualifier text, OUT estimated bool) RETURNS record
	AS 'MODULE_PATHNAME', 'parse_usgs_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.parse_usgs_value(text) IS
	'a USGS MCS value cell into (value, qualifier, estimated): ''270,000'' -> 270000; ''>95'' -> 95 with ''>''; ''<1'' -> 1 with ''<''; W, NA, E, XX -> NULL value with that code; em dash -> 0 (MCS legend "Zero"); s -> 0.5 with ''<'' ("less than 1/2 unit"); a trailing e marks an estimate; ranges and words are an error (22P02)';

CREATE FUNCTION @extschema@.usgs_value_problem(cell text) RETURNS text
	AS 'MODULE_PATHNAME', 'usgs_value_problem' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.usgs_value_problem(text) IS
	'why parse_usgs_value would refuse a cell (a range, a word, a misplaced thousands separator, ...), or NULL when it parses';
