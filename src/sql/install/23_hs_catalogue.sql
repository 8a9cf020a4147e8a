-- ---------------------------------------------------------------------------
-- the rare-earth HS catalogue: the codes that carry rare-earth trade, their
-- supply-chain stage and REO-content assumptions; HS revisions and a
-- concordance for the catalogue's codes
-- ---------------------------------------------------------------------------

CREATE TYPE @extschema@.supply_stage AS ENUM ('mining', 'separation', 'metal', 'magnet', 'product');
COMMENT ON TYPE @extschema@.supply_stage IS
	'rare-earth supply-chain stage: mining (ores, concentrates), separation (compounds, oxides), metal, magnet, product';

-- Descriptions: the Harmonized System nomenclature (World Customs
-- Organization), shortened; 2530.90.20 is China's national tariff line;
-- 7202.99 (other ferro-alloys) carries rare-earth ferro-alloys (China's
-- national line 7202.99.91: more than 10 % rare earths) among others.
-- REO content is t REO per t of product.  Where a value is stoichiometry it
-- is computed here from the oxide factors or formula masses (atomic weights
-- as in rare_earth_elements, C 12.011, H 1.008, P 30.974, Cl 35.45,
-- Fe 55.845, B 10.81, Co 58.933); every other value is an ASSUMPTION of this
-- extension, labelled as such in reo_source: we know of no published
-- conversion factors for these trade codes.
CREATE TABLE @extschema@.hs_catalogue (
	code @extschema@.hscode PRIMARY KEY,
	description text NOT NULL,
	stage @extschema@.supply_stage NOT NULL,
	reo_low float8 CHECK (reo_low >= 0),
	reo_central float8 CHECK (reo_central >= 0),
	reo_high float8 CHECK (reo_high >= 0),
	reo_source text NOT NULL,
	CHECK (reo_low <= reo_central AND reo_central <= reo_high)
);
COMMENT ON TABLE @extschema@.hs_catalogue IS
	'HS codes carrying rare-earth trade: description (WCO HS nomenclature), supply-chain stage, REO content low/central/high in t REO per t of product with its source or the label "assumption"';

INSERT INTO @extschema@.hs_catalogue VALUES
('2530', 'Mineral substances not elsewhere specified or included', 'mining', 0, NULL, NULL,
 'mixed heading: most of its trade is not rare earths; rare-earth share unknown (no value)'),
('253090', 'Mineral substances n.e.s.: other (national lines such as China 2530.90.20 hold rare-earth ores)', 'mining', 0, NULL, NULL,
 'mixed subheading: rare-earth share unknown (no value); low 0 because most of its trade carries no rare earths'),
('25309020', 'China national tariff line: rare-earth metal ores (other countries'' 2530.90.20 may differ)', 'mining', 0.30, 0.60, 0.70,
 'ASSUMPTION: typical bastnaesite/monazite concentrates 30-70 % REO; not a published conversion factor'),
('2612', 'Uranium or thorium ores and concentrates', 'mining', 0, NULL, NULL,
 'mixed heading: uranium ores carry no rare earths (no central value)'),
('261220', 'Thorium ores and concentrates (monazite, the usual rare-earth feed)', 'mining', 0.50, 0.60,
 (SELECT 0.5 * (2 * atomic_weight + 3 * 15.999) / (atomic_weight + 30.974 + 4 * 15.999)
  FROM @extschema@.rare_earth_elements WHERE element = 'La'),
 'high: stoichiometric REO of pure LaPO4 monazite (0.5 La2O3 / LaPO4 = 0.6965); low and central: ASSUMPTION for commercial monazite concentrates'),
('280530', 'Rare-earth metals, scandium and yttrium, whether or not intermixed or interalloyed', 'metal',
 (SELECT oxide_factor FROM @extschema@.rare_earth_elements WHERE element = 'Lu'),
 (SELECT oxide_factor FROM @extschema@.rare_earth_elements WHERE element = 'Nd'),
 (SELECT oxide_factor FROM @extschema@.rare_earth_elements WHERE element = 'Y'),
 'oxide factors of rare_earth_elements: low Lu (1.1372), high Y (1.2699), central Nd (1.1664; ASSUMPTION that NdPr metal dominates; scandium, 1.5338, excluded)'),
('2846', 'Compounds, inorganic or organic, of rare-earth metals, of yttrium or of scandium', 'separation',
 (138.90547 + 3 * 15.999 / 2) / (138.90547 + 3 * 35.45 + 7 * (2 * 1.008 + 15.999)), 0.85, 1.0,
 'low: LaCl3.7H2O stoichiometry (0.4387); high: oxides (1.0); central: ASSUMPTION (mostly oxides, some carbonates and chlorides)'),
('284610', 'Compounds of cerium', 'separation',
 (140.116 + 2 * 15.999) / (140.116 + 3 * 35.45 + 7 * (2 * 1.008 + 15.999)),
 2 * (140.116 + 2 * 15.999) / (2 * 140.116 + 3 * (12.011 + 3 * 15.999)), 1.0,
 'low: CeCl3.7H2O as CeO2 (0.4620); central: Ce2(CO3)3 as CeO2 (0.7479), the typical traded form being an ASSUMPTION; high: CeO2 (1.0)'),
('284690', 'Compounds of rare-earth metals, of yttrium or of scandium: other than cerium compounds', 'separation',
 (138.90547 + 3 * 15.999 / 2) / (138.90547 + 3 * 35.45 + 7 * (2 * 1.008 + 15.999)), 0.85, 1.0,
 'low: LaCl3.7H2O stoichiometry (0.4387); high: separated oxides (1.0); central: ASSUMPTION (mostly oxides)'),
('720299', 'Ferro-alloys: other (national lines such as China 7202.99.91, ferro-alloys with more than 10 % rare earths, hold rare-earth ferro-alloys)', 'metal', 0, NULL, NULL,
 'mixed subheading: most of its trade is other ferro-alloys without rare earths; rare-earth share unknown (no value); low 0'),
('850511', 'Permanent magnets and articles intended to become permanent magnets after magnetisation: of metal', 'magnet', 0,
 (SELECT 2 * atomic_weight * oxide_factor / (2 * atomic_weight + 14 * 55.845 + 10.81)
  FROM @extschema@.rare_earth_elements WHERE element = 'Nd'),
 (SELECT atomic_weight * oxide_factor / (atomic_weight + 5 * 58.933)
  FROM @extschema@.rare_earth_elements WHERE element = 'Sm'),
 'low: alnico and other magnets without rare earths (0); central: Nd2Fe14B stoichiometry as Nd2O3 (0.3112), the NdFeB share being an ASSUMPTION (commercial magnets carry 29-32 % rare earths); high: SmCo5 as Sm2O3 (0.3917)'),
('360690', 'Ferro-cerium and other pyrophoric alloys in all forms; articles of combustible materials: other', 'product', 0, NULL, NULL,
 'mixed subheading: the ferro-cerium share is unknown (no value); low 0 for the combustible articles');

CREATE FUNCTION @extschema@.hs_stage(@extschema@.hscode) RETURNS @extschema@.supply_stage
	LANGUAGE sql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp
	AS $$ SELECT c.stage FROM @extschema@.hs_catalogue c
	      WHERE c.code OPERATOR(@extschema@.@>) $1
	      ORDER BY @extschema@.hs_level(c.code) DESC LIMIT 1 $$;
CREATE FUNCTION @extschema@.reo_content(@extschema@.hscode, bound text DEFAULT 'central') RETURNS float8
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE r record;
BEGIN
	IF bound OPERATOR(pg_catalog.<>) ALL (ARRAY['low', 'central', 'high']) THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = pg_catalog.format('unrecognized REO content bound "%s"', bound),
			HINT = 'Use ''low'', ''central'' or ''high''.';
	END IF;
	SELECT c.reo_low, c.reo_central, c.reo_high INTO r FROM @extschema@.hs_catalogue c
	WHERE c.code OPERATOR(@extschema@.@>) $1
	ORDER BY @extschema@.hs_level(c.code) DESC LIMIT 1;
	RETURN CASE bound WHEN 'low' THEN r.reo_low WHEN 'high' THEN r.reo_high ELSE r.reo_central END;
END $$;
CREATE FUNCTION @extschema@.to_reo(mass float8, code @extschema@.hscode) RETURNS float8
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	IF mass OPERATOR(pg_catalog.<) 0 OR mass OPERATOR(pg_catalog.=) 'NaN'::float8
	   OR mass OPERATOR(pg_catalog.=) 'Infinity'::float8 THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = pg_catalog.format('mass "%s" is negative or not finite', mass),
			HINT = 'Masses must be finite and zero or positive.';
	END IF;
	RETURN mass OPERATOR(pg_catalog.*) @extschema@.reo_content(code, 'central');
END $$;
COMMENT ON FUNCTION @extschema@.hs_stage(@extschema@.hscode) IS 'supply-chain stage of the longest catalogue code containing the code (national lines inherit from their subheading); NULL when none';
COMMENT ON FUNCTION @extschema@.reo_content(@extschema@.hscode, text) IS 't REO per t of product (bound ''low'', ''central'' or ''high'') of the longest catalogue code containing the code; NULL when none or unknown';
COMMENT ON FUNCTION @extschema@.to_reo(float8, @extschema@.hscode) IS 'REO-equivalent mass: mass * reo_content(code, ''central''); NULL when the content is unknown; negative or non-finite mass is an error';

-- HS revisions and concordance ---------------------------------------------------

CREATE TABLE @extschema@.hs_revisions (
	revision text PRIMARY KEY,
	year int NOT NULL UNIQUE,
	name text NOT NULL
);
INSERT INTO @extschema@.hs_revisions VALUES
	('H0', 1988, 'HS1988/92'), ('H1', 1996, 'HS1996'), ('H2', 2002, 'HS2002'), ('H3', 2007, 'HS2007'),
	('H4', 2012, 'HS2012'), ('H5', 2017, 'HS2017'), ('H6', 2022, 'HS2022');
COMMENT ON TABLE @extschema@.hs_revisions IS 'HS revisions as UN Comtrade codes them (classificationCode H0-H6) with the year each entered into force';

CREATE TABLE @extschema@.hs_concordance (
	from_revision text NOT NULL REFERENCES @extschema@.hs_revisions,
	from_code @extschema@.hscode NOT NULL,
	to_revision text NOT NULL REFERENCES @extschema@.hs_revisions,
	to_code @extschema@.hscode NOT NULL,
	weight float8 NOT NULL CHECK (weight > 0 AND weight <= 1),
	note text NOT NULL,
	PRIMARY KEY (from_revision, from_code, to_revision, to_code)
);
COMMENT ON TABLE @extschema@.hs_concordance IS
	'HS concordance between revisions (weight: share of the source code''s trade assigned to the target); shipped for the catalogue''s international codes only';
-- The catalogue's international codes are, to our reading of the WCO
-- correlation tables, unchanged in code and scope from HS1988 to HS2022, so
-- the shipped rows are identities between every pair of revisions.  The
-- scope of 2530.90 changed when other 2530 subheadings were merged into it;
-- its rows say so, as do those of 7202.99 (a residual "other", whose scope
-- follows the other 7202 subheadings).  Verify against the UNSD/WCO correlation tables before
-- relying on backward conversions; add rows for other codes as needed.
INSERT INTO @extschema@.hs_concordance
SELECT f.revision, c.code, t.revision, c.code, 1.0,
	CASE WHEN c.code OPERATOR(@extschema@.<@) '2530'
		THEN 'identity (code kept; scope of 2530.90 may differ between revisions, not verified)'
		WHEN c.code OPERATOR(@extschema@.<@) '7202'
		THEN 'identity (code kept; scope of 7202.99, the ferro-alloys no other 7202 subheading names, not verified between revisions)'
		ELSE 'identity (code and scope unchanged)' END
FROM @extschema@.hs_catalogue c, @extschema@.hs_revisions f, @extschema@.hs_revisions t
WHERE f.revision OPERATOR(pg_catalog.<>) t.revision AND @extschema@.hs_level(c.code) OPERATOR(pg_catalog.<=) 6;

CREATE FUNCTION @extschema@.hs_convert(code @extschema@.hscode, from_rev text, to_rev text,
	OUT to_code @extschema@.hscode, OUT weight float8) RETURNS SETOF record
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp ROWS 2
	AS $$
DECLARE r text;
BEGIN
	FOREACH r IN ARRAY ARRAY[from_rev, to_rev] LOOP
		IF NOT EXISTS (SELECT 1 FROM @extschema@.hs_revisions h WHERE h.revision OPERATOR(pg_catalog.=) r) THEN
			RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
				MESSAGE = pg_catalog.format('unrecognized HS revision "%s"', r),
				HINT = 'Use a UN Comtrade revision code H0 to H6 (see the hs_revisions table).';
		END IF;
	END LOOP;
	IF from_rev OPERATOR(pg_catalog.=) to_rev THEN
		to_code := code; weight := 1.0;
		RETURN NEXT;
		RETURN;
	END IF;
	RETURN QUERY SELECT c.to_code, c.weight FROM @extschema@.hs_concordance c
		WHERE c.from_revision OPERATOR(pg_catalog.=) from_rev AND c.to_revision OPERATOR(pg_catalog.=) to_rev
		  AND c.from_code OPERATOR(@extschema@.=) code
		ORDER BY c.to_code;
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'no_data_found',
			MESSAGE = pg_catalog.format('no concordance entry for HS code "%s" from %s to %s', code, from_rev, to_rev),
			HINT = 'The shipped concordance covers the rare-earth catalogue''s codes; add rows to hs_concordance for others.';
	END IF;
END $$;
COMMENT ON FUNCTION @extschema@.hs_convert(@extschema@.hscode, text, text) IS 'every target code of a code in another HS revision with its weight (from hs_concordance; identity when the revisions are equal); error when no entry exists';
