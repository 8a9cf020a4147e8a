-- ---------------------------------------------------------------------------
-- Country groups by year (the store's country_groups table: the EU, OECD,
-- G7 and BRICS shipped with their sources, and the user's own groups).
-- ---------------------------------------------------------------------------

-- an error for a group with no row in country_groups (a misspelt name
-- would otherwise read as "no member")
CREATE FUNCTION @extschema@.country_group_exists(group_name text) RETURNS void
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $exists$
BEGIN
	PERFORM FROM @extschema@.country_groups g WHERE g.group_name = country_group_exists.group_name;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('unknown country group "%s"', group_name),
			HINT = 'Groups are the group_name values of rareearth.country_groups (shipped: EU, OECD, G7, BRICS); add your own as rows.';
	END IF;
END
$exists$;
COMMENT ON FUNCTION @extschema@.country_group_exists(text) IS
	'nothing when country_groups has a row of the group, else an error (22023): the check behind in_group and group_share';

CREATE FUNCTION @extschema@.in_group(country @extschema@.country, group_name text, year int) RETURNS bool
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $in_group$
BEGIN
	PERFORM @extschema@.country_group_exists(in_group.group_name);
	RETURN EXISTS (SELECT FROM @extschema@.country_groups g
	               WHERE g.group_name = in_group.group_name
	                 AND g.country OPERATOR(@extschema@.=) in_group.country
	                 AND g.from_year <= in_group.year
	                 AND (g.to_year IS NULL OR g.to_year >= in_group.year));
END
$in_group$;
COMMENT ON FUNCTION @extschema@.in_group(@extschema@.country, text, int) IS
	'true when the country is a member of the group on 31 December of the year (from_year <= year <= to_year in country_groups); an error for a group with no row';

CREATE FUNCTION @extschema@.group_share(mix @extschema@.supply_mix, group_name text, year int) RETURNS float8
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $group_share$
DECLARE
	members float8;
	total float8 := @extschema@.total(mix);
BEGIN
	PERFORM @extschema@.country_group_exists(group_share.group_name);
	SELECT coalesce(sum(@extschema@.quantity(mix, @extschema@.iso3(m.country))), 0) INTO members
	FROM (SELECT DISTINCT g.country FROM @extschema@.country_groups g
	      WHERE g.group_name = group_share.group_name AND g.from_year <= group_share.year
	        AND (g.to_year IS NULL OR g.to_year >= group_share.year)) m;
	IF NOT total > 0 THEN
		RETURN NULL;
	END IF;
	RETURN members / total;
END
$group_share$;
COMMENT ON FUNCTION @extschema@.group_share(@extschema@.supply_mix, text, int) IS
	'share of the mix supplied by the group''s members in the year, sum of q_i over members / total (suppliers keyed by ISO alpha-3 code, as iso3(country) gives); 0 when no member supplies; NULL for a zero total; an error for a group with no row';
