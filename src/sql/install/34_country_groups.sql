-- ---------------------------------------------------------------------------
-- Country groups by year (the store's country_groups table: the EU, OECD,
-- G7 and BRICS shipped with their sources, and the user's own groups).
-- ---------------------------------------------------------------------------

CREATE FUNCTION @extschema@.group_members(group_name text, year int) RETURNS SETOF @extschema@.country
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE ROWS 40
SET search_path = pg_catalog, pg_temp
AS $members$
BEGIN
	PERFORM @extschema@.guard_store(ARRAY['country_groups'], 'r'::pg_catalog."char");
	-- a misspelt group would otherwise read as "no member"
	PERFORM FROM @extschema@.country_groups g WHERE g.group_name = group_members.group_name;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = format('unknown country group "%s"', group_name),
			HINT = 'Groups are the group_name values of rareearth.country_groups (shipped: EU, OECD, G7, BRICS); add your own as rows.';
	END IF;
	RETURN QUERY
	SELECT DISTINCT g.country FROM @extschema@.country_groups g
	WHERE g.group_name = group_members.group_name AND g.from_year <= group_members.year
	  AND (g.to_year IS NULL OR g.to_year >= group_members.year);
END
$members$;
COMMENT ON FUNCTION @extschema@.group_members(text, int) IS
	'the members of the group on 31 December of the year (from_year <= year <= to_year in country_groups), each once; an error (22023) for a group with no row';

CREATE FUNCTION @extschema@.in_group(country @extschema@.country, group_name text, year int) RETURNS bool
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $in_group$
BEGIN
	RETURN EXISTS (SELECT FROM @extschema@.group_members(in_group.group_name, in_group.year) m (c)
	               WHERE m.c OPERATOR(@extschema@.=) in_group.country);
END
$in_group$;
COMMENT ON FUNCTION @extschema@.in_group(@extschema@.country, text, int) IS
	'true when the country is a member of the group on 31 December of the year (group_members); an error for a group with no row';

CREATE FUNCTION @extschema@.group_share(mix @extschema@.supply_mix, group_name text, year int) RETURNS float8
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $group_share$
DECLARE
	members float8;
	total float8 := @extschema@.total(mix);
BEGIN
	SELECT coalesce(sum(@extschema@.quantity(mix, @extschema@.iso3(m.c))), 0) INTO members
	FROM @extschema@.group_members(group_share.group_name, group_share.year) m (c);
	IF NOT total > 0 THEN
		RETURN NULL;
	END IF;
	RETURN members / total;
END
$group_share$;
COMMENT ON FUNCTION @extschema@.group_share(@extschema@.supply_mix, text, int) IS
	'share of the mix supplied by the group''s members in the year, sum of q_i over group_members / total (suppliers keyed by ISO alpha-3 code, as iso3(country) gives); 0 when no member supplies; NULL for a zero total; an error for a group with no row';
