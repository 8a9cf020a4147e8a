-- ---------------------------------------------------------------------------
-- trajectory: a year -> value series, growth rates, trends and targets
-- ---------------------------------------------------------------------------

CREATE TYPE @extschema@.trajectory;

CREATE FUNCTION @extschema@.trajectory_in(cstring) RETURNS @extschema@.trajectory
	AS 'MODULE_PATHNAME', 'trajectory_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trajectory_out(@extschema@.trajectory) RETURNS cstring
	AS 'MODULE_PATHNAME', 'trajectory_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trajectory_recv(internal) RETURNS @extschema@.trajectory
	AS 'MODULE_PATHNAME', 'trajectory_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trajectory_send(@extschema@.trajectory) RETURNS bytea
	AS 'MODULE_PATHNAME', 'trajectory_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.trajectory (
	INPUT = @extschema@.trajectory_in,
	OUTPUT = @extschema@.trajectory_out,
	RECEIVE = @extschema@.trajectory_recv,
	SEND = @extschema@.trajectory_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended
);
COMMENT ON TYPE @extschema@.trajectory IS
	'series of (year, value), values of a year summed; text form is a JSON object {"2023": 2500, "2024": 2600}; years -10000 to 10000';
COMMENT ON FUNCTION @extschema@.trajectory_in(cstring) IS 'text input of trajectory (a JSON object of integer year: number)';
COMMENT ON FUNCTION @extschema@.trajectory_out(@extschema@.trajectory) IS 'text output of trajectory (a JSON object, years ascending, shortest round-trip numbers)';
COMMENT ON FUNCTION @extschema@.trajectory_recv(internal) IS 'binary input of trajectory (version byte, u32 count, then i32 year + f64 value, years strictly ascending)';
COMMENT ON FUNCTION @extschema@.trajectory_send(@extschema@.trajectory) IS 'binary output of trajectory (version byte first)';

CREATE FUNCTION @extschema@.trajectory_to_jsonb(@extschema@.trajectory) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'trajectory_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trajectory_to_jsonb(@extschema@.trajectory) IS 'the trajectory as a jsonb object of year: value';
CREATE CAST (@extschema@.trajectory AS jsonb) WITH FUNCTION @extschema@.trajectory_to_jsonb(@extschema@.trajectory);
COMMENT ON CAST (@extschema@.trajectory AS jsonb) IS 'a trajectory as a jsonb object of year: value';

-- aggregate support ---------------------------------------------------------

CREATE FUNCTION @extschema@.trajectory_trans(internal, int, float8) RETURNS internal
	AS 'MODULE_PATHNAME', 'trajectory_trans' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.trajectory_trans(internal, int, numeric) RETURNS internal
	AS 'MODULE_PATHNAME', 'trajectory_trans_numeric' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.trajectory_rollup_trans(internal, @extschema@.trajectory) RETURNS internal
	AS 'MODULE_PATHNAME', 'trajectory_rollup_trans' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.trajectory_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'trajectory_combine' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION @extschema@.trajectory_serialize(internal) RETURNS bytea
	AS 'MODULE_PATHNAME', 'trajectory_serialize' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trajectory_deserialize(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'trajectory_deserialize' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trajectory_final(internal) RETURNS @extschema@.trajectory
	AS 'MODULE_PATHNAME', 'trajectory_final' LANGUAGE C PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.trajectory_trans(internal, int, float8) IS 'trajectory aggregate transition (int year, float8 value)';
COMMENT ON FUNCTION @extschema@.trajectory_trans(internal, int, numeric) IS 'trajectory aggregate transition (int year, numeric value)';
COMMENT ON FUNCTION @extschema@.trajectory_rollup_trans(internal, @extschema@.trajectory) IS 'rollup(trajectory) transition: adds a series into the state, value per year';
COMMENT ON FUNCTION @extschema@.trajectory_combine(internal, internal) IS 'trajectory aggregate combine function (parallel and partial aggregation): compensated sums added per year';
COMMENT ON FUNCTION @extschema@.trajectory_serialize(internal) IS 'trajectory aggregate state serialization (version byte first, compensation terms kept)';
COMMENT ON FUNCTION @extschema@.trajectory_deserialize(bytea, internal) IS 'trajectory aggregate state deserialization; rejects malformed input';
COMMENT ON FUNCTION @extschema@.trajectory_final(internal) IS 'trajectory aggregate final function: the series sorted by year (the empty series for no rows)';

-- SSPACE: the bytes a group's state takes for a series of up to 8 years
-- (src/core/trajectory.c), so the planner sizes hash aggregation right.
CREATE AGGREGATE @extschema@.trajectory(year int, value float8) (
	SFUNC = @extschema@.trajectory_trans, STYPE = internal, SSPACE = 352,
	COMBINEFUNC = @extschema@.trajectory_combine,
	SERIALFUNC = @extschema@.trajectory_serialize,
	DESERIALFUNC = @extschema@.trajectory_deserialize,
	FINALFUNC = @extschema@.trajectory_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.trajectory(year int, value numeric) (
	SFUNC = @extschema@.trajectory_trans, STYPE = internal, SSPACE = 352,
	COMBINEFUNC = @extschema@.trajectory_combine,
	SERIALFUNC = @extschema@.trajectory_serialize,
	DESERIALFUNC = @extschema@.trajectory_deserialize,
	FINALFUNC = @extschema@.trajectory_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.rollup(@extschema@.trajectory) (
	SFUNC = @extschema@.trajectory_rollup_trans, STYPE = internal, SSPACE = 352,
	COMBINEFUNC = @extschema@.trajectory_combine,
	SERIALFUNC = @extschema@.trajectory_serialize,
	DESERIALFUNC = @extschema@.trajectory_deserialize,
	FINALFUNC = @extschema@.trajectory_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.trajectory(int, float8) IS 'series of value per year, values of the same year summed (NULL year or value skipped; non-finite value or year outside -10000..10000 is an error)';
COMMENT ON AGGREGATE @extschema@.trajectory(int, numeric) IS 'series of value per year, numeric values (converted to float8)';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.trajectory) IS 'merges trajectories, adding values per year (a world series from country series)';

-- accessors -------------------------------------------------------------------

CREATE FUNCTION @extschema@.first_year(@extschema@.trajectory) RETURNS int
	AS 'MODULE_PATHNAME', 'trajectory_first_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.last_year(@extschema@.trajectory) RETURNS int
	AS 'MODULE_PATHNAME', 'trajectory_last_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.point_count(@extschema@.trajectory) RETURNS int
	AS 'MODULE_PATHNAME', 'trajectory_point_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.value_at(@extschema@.trajectory, year int) RETURNS float8
	AS 'MODULE_PATHNAME', 'trajectory_value_at' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.cagr(@extschema@.trajectory) RETURNS float8
	AS 'MODULE_PATHNAME', 'trajectory_cagr' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.cagr(@extschema@.trajectory, from_year int, to_year int) RETURNS float8
	AS 'MODULE_PATHNAME', 'trajectory_cagr_between' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.yoy(@extschema@.trajectory, year int) RETURNS float8
	AS 'MODULE_PATHNAME', 'trajectory_yoy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.fold_change(@extschema@.trajectory) RETURNS float8
	AS 'MODULE_PATHNAME', 'trajectory_fold_change' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trend_rate(@extschema@.trajectory) RETURNS float8
	AS 'MODULE_PATHNAME', 'trajectory_trend_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.trend_r2(@extschema@.trajectory) RETURNS float8
	AS 'MODULE_PATHNAME', 'trajectory_trend_r2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.project(@extschema@.trajectory, year int) RETURNS float8
	AS 'MODULE_PATHNAME', 'trajectory_project' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.doubling_time(@extschema@.trajectory) RETURNS float8
	AS 'MODULE_PATHNAME', 'trajectory_doubling_time' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.required_cagr(@extschema@.trajectory, target float8, target_year int) RETURNS float8
	AS 'MODULE_PATHNAME', 'trajectory_required_cagr' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.years_to_target(@extschema@.trajectory, target float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'trajectory_years_to_target' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.on_track(@extschema@.trajectory, target float8, target_year int) RETURNS bool
	AS 'MODULE_PATHNAME', 'trajectory_on_track' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.points(@extschema@.trajectory,
	OUT year int, OUT value float8, OUT yoy float8) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'trajectory_points' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;
CREATE FUNCTION @extschema@.sparkline(@extschema@.trajectory) RETURNS text
	AS 'MODULE_PATHNAME', 'trajectory_sparkline' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.first_year(@extschema@.trajectory) IS 'the earliest year of the series; NULL when empty';
COMMENT ON FUNCTION @extschema@.last_year(@extschema@.trajectory) IS 'the latest year of the series; NULL when empty';
COMMENT ON FUNCTION @extschema@.point_count(@extschema@.trajectory) IS 'number of years with a value (0 when empty)';
COMMENT ON FUNCTION @extschema@.value_at(@extschema@.trajectory, int) IS 'the value of a year; NULL when the year is absent';
COMMENT ON FUNCTION @extschema@.cagr(@extschema@.trajectory) IS 'compound annual growth rate (V_last/V_first)^(1/(last_year - first_year)) - 1 (OECD glossary); NULL when either value <= 0 or fewer than 2 years';
COMMENT ON FUNCTION @extschema@.cagr(@extschema@.trajectory, int, int) IS 'compound annual growth rate (V_to/V_from)^(1/(to_year - from_year)) - 1 (OECD glossary); NULL when a year is absent, a value <= 0 or the years are equal';
COMMENT ON FUNCTION @extschema@.yoy(@extschema@.trajectory, int) IS 'year-on-year growth V(year)/V(year - 1) - 1; NULL when either year is absent, V(year - 1) <= 0 or V(year) < 0';
COMMENT ON FUNCTION @extschema@.fold_change(@extschema@.trajectory) IS 'V_last/V_first; NULL when empty, V_first <= 0 or V_last < 0';
COMMENT ON FUNCTION @extschema@.trend_rate(@extschema@.trajectory) IS 'World Bank least-squares growth rate: OLS ln V = a + b year over the points with V > 0, rate e^b - 1 (WDI Statistical methods); NULL with fewer than 2 such points';
COMMENT ON FUNCTION @extschema@.trend_r2(@extschema@.trajectory) IS 'r^2 of the least-squares fit of ln V on year over the points with V > 0; NULL with fewer than 2 such points or constant V';
COMMENT ON FUNCTION @extschema@.project(@extschema@.trajectory, int) IS 'the least-squares trend value exp(a + b year) in a year; NULL with fewer than 2 positive points';
COMMENT ON FUNCTION @extschema@.doubling_time(@extschema@.trajectory) IS 'years to double at the trend rate r: ln 2 / ln(1 + r); NULL when r <= 0 or undefined';
COMMENT ON FUNCTION @extschema@.required_cagr(@extschema@.trajectory, float8, int) IS 'CAGR needed from the last point to the target: (target/V_last)^(1/(target_year - last_year)) - 1; NULL when V_last or target <= 0 or target_year <= last_year';
COMMENT ON FUNCTION @extschema@.years_to_target(@extschema@.trajectory, float8) IS 'years from the last point to reach target at the trend rate: ln(target/V_last)/ln(1 + r); 0 when V_last >= target; NULL when V_last or target <= 0 or the trend never reaches it';
COMMENT ON FUNCTION @extschema@.on_track(@extschema@.trajectory, float8, int) IS 'whether V_last grown at the trend rate reaches target by target_year (years_to_target <= target_year - last_year); NULL when V_last or target <= 0, target_year < last_year, or the trend is undefined and the target not yet reached';
COMMENT ON FUNCTION @extschema@.points(@extschema@.trajectory) IS 'one row per year: year, value and year-on-year growth (NULL as in yoy)';
COMMENT ON FUNCTION @extschema@.sparkline(@extschema@.trajectory) IS 'one-line bar chart, one bar per year from U+2581 (minimum) to U+2588 (maximum), a space for a missing year, U+2584 for a constant series; NULL when empty';

-- scalar growth functions and target paths --------------------------------

-- Two calendar years, never a span: a third number that could be a year or a
-- count of years (0.1.0's cagr(start, end, years)) was read both ways.
CREATE FUNCTION @extschema@.cagr(start_value float8, end_value float8, from_year int, to_year int) RETURNS float8
	AS 'MODULE_PATHNAME', 'cagr_years' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.required_cagr(current float8, target float8, from_year int, to_year int) RETURNS float8
	AS 'MODULE_PATHNAME', 'required_cagr_years' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.doubling_time(rate float8) RETURNS float8
	AS 'MODULE_PATHNAME', 'doubling_time_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.target_path(start_year int, start_value float8, target_year int, target_value float8,
	OUT year int, OUT value float8) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'target_path' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;
CREATE FUNCTION @extschema@.gap_to_path(@extschema@.trajectory, start_year int, start_value float8,
	target_year int, target_value float8,
	OUT year int, OUT actual float8, OUT planned float8, OUT ratio float8) RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'gap_to_path' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;

COMMENT ON FUNCTION @extschema@.cagr(float8, float8, int, int) IS 'compound annual growth rate from the value in from_year to the value in to_year (calendar years): (end/start)^(1/(to_year - from_year)) - 1 (OECD glossary); NULL when start or end <= 0; to_year <= from_year is an error (22023), a NULL argument too (22004)';
COMMENT ON FUNCTION @extschema@.required_cagr(float8, float8, int, int) IS 'yearly growth needed to go from current (in from_year) to target (in to_year), calendar years: (target/current)^(1/(to_year - from_year)) - 1; NULL when either value <= 0; to_year <= from_year is an error (22023), a NULL argument too (22004)';
COMMENT ON FUNCTION @extschema@.doubling_time(float8) IS 'years to double at a constant rate: ln 2 / ln(1 + rate) (rule of 70, World Bank); NULL when rate <= 0';
COMMENT ON FUNCTION @extschema@.target_path(int, float8, int, float8) IS 'constant-growth path start_value (target_value/start_value)^((year - start_year)/(target_year - start_year)), one row per year; no rows when a value <= 0 or target_year <= start_year';
COMMENT ON FUNCTION @extschema@.gap_to_path(@extschema@.trajectory, int, float8, int, float8) IS 'per year of the constant-growth path: actual value (NULL when absent), planned value and actual/planned; no rows when the path is undefined';
