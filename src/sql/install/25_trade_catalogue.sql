-- ---------------------------------------------------------------------------
-- the trade catalogue of every critical mineral: the HS codes that carry a
-- commodity's trade, by supply stage, with the commodity content per tonne
-- of product (low / central / high) and its source; atomic weights and a
-- formula parser for the stoichiometric contents; to_content()
-- ---------------------------------------------------------------------------

-- Standard atomic weights: CIAAW, "Standard atomic weights of the elements
-- 2021" (Prohaska et al., Pure Appl. Chem. 94 (2022) 573-600,
-- ciaaw.org/atomic-weights); for the elements whose standard atomic weight
-- is an interval (H, Li, B, C, N, O, Mg, Si, S, Cl) the abridged
-- (conventional) value of that table; Zr as revised by CIAAW in 2024
-- (91.222).  The same values as rare_earth_elements and hs_catalogue use
-- (O 15.999, Cl 35.45, H 1.008, C 12.011).
CREATE TABLE @extschema@.atomic_weights (
	symbol text PRIMARY KEY CHECK (symbol ~ '^[A-Z][a-z]?$'),
	atomic_weight float8 NOT NULL CHECK (atomic_weight > 0)
);
INSERT INTO @extschema@.atomic_weights VALUES
	('H', 1.008), ('Li', 6.94), ('Be', 9.0121831), ('B', 10.81), ('C', 12.011), ('N', 14.007), ('O', 15.999),
	('F', 18.998403162), ('Na', 22.98976928), ('Mg', 24.305), ('Al', 26.9815384), ('Si', 28.085),
	('P', 30.973761998), ('S', 32.06), ('Cl', 35.45), ('K', 39.0983), ('Ca', 40.078), ('Sc', 44.955907),
	('Ti', 47.867), ('V', 50.9415), ('Cr', 51.9961), ('Mn', 54.938043), ('Fe', 55.845), ('Co', 58.933194),
	('Ni', 58.6934), ('Cu', 63.546), ('Zn', 65.38), ('Ga', 69.723), ('Ge', 72.630), ('As', 74.921595),
	('Se', 78.971), ('Sr', 87.62), ('Y', 88.905838), ('Zr', 91.222), ('Nb', 92.90637), ('Mo', 95.95),
	('Ru', 101.07), ('Rh', 102.90549), ('Pd', 106.42), ('Ag', 107.8682), ('Cd', 112.414), ('In', 114.818),
	('Sn', 118.710), ('Sb', 121.760), ('Te', 127.60), ('I', 126.90447), ('Cs', 132.90545196), ('Ba', 137.327),
	('La', 138.90547), ('Ce', 140.116), ('Nd', 144.242), ('Hf', 178.486), ('Ta', 180.94788), ('W', 183.84),
	('Re', 186.207), ('Os', 190.23), ('Ir', 192.217), ('Pt', 195.084), ('Au', 196.966570), ('Hg', 200.592),
	('Tl', 204.38), ('Pb', 207.2), ('Bi', 208.98040), ('Th', 232.0377), ('U', 238.02891), ('Rb', 85.4678);
COMMENT ON TABLE @extschema@.atomic_weights IS
	'standard atomic weights (CIAAW 2021 table, Pure Appl. Chem. 94 (2022) 573-600; abridged values for H, Li, B, C, N, O, Mg, Si, S, Cl; Zr as revised in 2024) of the elements the trade catalogue''s formulas use';
COMMENT ON COLUMN @extschema@.atomic_weights.symbol IS 'element symbol (Li, Co, ...)';
COMMENT ON COLUMN @extschema@.atomic_weights.atomic_weight IS 'standard atomic weight, g/mol';

-- formula_atoms('(NH4)10(H2W12O42).4H2O'): atoms per formula unit, by
-- element.  Groups in parentheses or brackets with a count; '.' (or the
-- middle dot) separates adducts, each with an optional leading count.
CREATE FUNCTION @extschema@.formula_atoms(formula text, OUT symbol text, OUT atoms float8) RETURNS SETOF record
	LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE
	part text; tok text[]; mult float8; n float8;
	stack jsonb[]; top jsonb; k text;
BEGIN
	IF formula OPERATOR(pg_catalog.!~) '^[A-Za-z0-9()\[\]. ·]+$'
	   OR pg_catalog.regexp_replace(formula, '([A-Z][a-z]?|[][()]|[.·]|\s)[0-9]*', '', 'g') OPERATOR(pg_catalog.<>) '' THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = pg_catalog.format('invalid chemical formula "%s"', formula),
			HINT = 'Write element symbols with whole-number counts, groups in parentheses, adducts after a dot: CoSO4.7H2O.';
	END IF;
	FOREACH part IN ARRAY pg_catalog.regexp_split_to_array(pg_catalog.btrim(formula), '\s*[.·]\s*') LOOP
		mult := coalesce(pg_catalog.substring(part, '^\s*([0-9]+)')::float8, 1);
		part := pg_catalog.regexp_replace(part, '^\s*[0-9]+', '');
		stack := ARRAY['{}'::jsonb];
		FOR tok IN SELECT m FROM pg_catalog.regexp_matches(part, '([A-Z][a-z]?|[(\[]|[)\]])([0-9]+)?', 'g') m LOOP
			n := coalesce(tok[2]::float8, 1);
			IF tok[1] OPERATOR(pg_catalog.=) ANY (ARRAY['(', '[']) THEN
				stack := stack OPERATOR(pg_catalog.||) '{}'::jsonb;
			ELSIF tok[1] OPERATOR(pg_catalog.=) ANY (ARRAY[')', ']']) THEN
				IF pg_catalog.array_length(stack, 1) OPERATOR(pg_catalog.<) 2 THEN
					RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
						MESSAGE = pg_catalog.format('unbalanced parenthesis in chemical formula "%s"', formula);
				END IF;
				top := stack[pg_catalog.array_length(stack, 1)];
				stack := stack[1:pg_catalog.array_length(stack, 1) OPERATOR(pg_catalog.-) 1];
				FOR k IN SELECT pg_catalog.jsonb_object_keys(top) LOOP
					stack[pg_catalog.array_length(stack, 1)] := stack[pg_catalog.array_length(stack, 1)]
						OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_object(k,
							coalesce((stack[pg_catalog.array_length(stack, 1)] OPERATOR(pg_catalog.->>) k)::float8, 0)
							OPERATOR(pg_catalog.+) (top OPERATOR(pg_catalog.->>) k)::float8 OPERATOR(pg_catalog.*) n);
				END LOOP;
			ELSE
				IF NOT EXISTS (SELECT 1 FROM @extschema@.atomic_weights a WHERE a.symbol OPERATOR(pg_catalog.=) tok[1]) THEN
					RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
						MESSAGE = pg_catalog.format('unknown element "%s" in chemical formula "%s"', tok[1], formula),
						HINT = 'The elements are those of the atomic_weights table.';
				END IF;
				stack[pg_catalog.array_length(stack, 1)] := stack[pg_catalog.array_length(stack, 1)]
					OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_object(tok[1],
						coalesce((stack[pg_catalog.array_length(stack, 1)] OPERATOR(pg_catalog.->>) tok[1])::float8, 0)
						OPERATOR(pg_catalog.+) n);
			END IF;
		END LOOP;
		IF pg_catalog.array_length(stack, 1) OPERATOR(pg_catalog.<>) 1 THEN
			RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
				MESSAGE = pg_catalog.format('unbalanced parenthesis in chemical formula "%s"', formula);
		END IF;
		FOR k IN SELECT pg_catalog.jsonb_object_keys(stack[1]) LOOP
			symbol := k; atoms := (stack[1] OPERATOR(pg_catalog.->>) k)::float8 OPERATOR(pg_catalog.*) mult;
			RETURN NEXT;
		END LOOP;
	END LOOP;
END $$;
COMMENT ON FUNCTION @extschema@.formula_atoms(text) IS
	'atoms per formula unit of a chemical formula, one row per element occurrence group (sum them by symbol): parentheses or brackets with counts, adducts after a dot with a leading count (CoSO4.7H2O); an unknown element or a malformed formula is an error (22023)';

CREATE FUNCTION @extschema@.formula_mass(formula text) RETURNS float8
	LANGUAGE sql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp
	RETURN (SELECT pg_catalog.sum(f.atoms OPERATOR(pg_catalog.*) a.atomic_weight)
	        FROM @extschema@.formula_atoms(formula) f JOIN @extschema@.atomic_weights a ON a.symbol OPERATOR(pg_catalog.=) f.symbol);
COMMENT ON FUNCTION @extschema@.formula_mass(text) IS 'molar mass of a chemical formula from the atomic_weights table (g/mol)';

-- stoichiometric_content(product, basis): tonnes of the basis (an element
-- such as Li, or an oxide such as TiO2, counted through its first element)
-- per tonne of the pure product:
--   (atoms of that element in product / atoms in basis) * M(basis) / M(product)
CREATE FUNCTION @extschema@.stoichiometric_content(product text, basis text) RETURNS float8
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE key text := pg_catalog.substring(basis, '[A-Z][a-z]?'); in_product float8; in_basis float8;
BEGIN
	SELECT pg_catalog.sum(atoms) INTO in_product FROM @extschema@.formula_atoms(product) WHERE symbol OPERATOR(pg_catalog.=) key;
	SELECT pg_catalog.sum(atoms) INTO in_basis FROM @extschema@.formula_atoms(basis) WHERE symbol OPERATOR(pg_catalog.=) key;
	IF in_product IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = pg_catalog.format('formula "%s" contains no %s, the first element of "%s"', product, key, basis);
	END IF;
	RETURN in_product OPERATOR(pg_catalog./) in_basis OPERATOR(pg_catalog.*) @extschema@.formula_mass(basis)
		OPERATOR(pg_catalog./) @extschema@.formula_mass(product);
END $$;
COMMENT ON FUNCTION @extschema@.stoichiometric_content(text, text) IS
	'tonnes of basis (an element, or a compound counted through its first element: TiO2, B2O3) per tonne of pure product: (atoms of that element in product / in basis) x M(basis) / M(product), molar masses from atomic_weights';

-- The catalogue.  Descriptions: the Harmonized System nomenclature (World
-- Customs Organization, HS2022 unless editions say otherwise), shortened.
-- basis: what a tonne of content is, as USGS counts the commodity (its
-- usgs_data_unit: lithium content, REO, gross weight for barite,
-- fluorspar, graphite, ...).  Contents are t of basis per t of product:
--   * stoichiometry of the pure compound, formula in the row, computed at
--     install with atomic_weights (stoichiometric_content); low and high
--     are the other forms the code covers (hydrates, other oxides);
--   * unwrought metal: 1, the HS's own minimum purity as low where a
--     subheading note defines one (Chapter 75 note 1(a) nickel not alloyed
--     99 %; Chapter 76 note 1(a) aluminium 99 %; Chapter 79 note 1(a) zinc
--     not alloyed 97.5 %; 8104.11 99.8 %; 8106.10 99.99 %; 7901.11 99.99 %);
--   * gross weight: 1 where USGS counts the commodity by gross weight;
--   * NULL central where the code is too mixed to convert (ores of varying
--     grade, alloys, waste and scrap, articles, codes shared by several
--     elements such as 8112.92): its trade is counted as flows without
--     content, never converted by a guess.
-- Rare earths are the rows of hs_catalogue (REO), their stage renamed.
CREATE TABLE @extschema@.trade_catalogue (
	commodity text NOT NULL,
	code @extschema@.hscode NOT NULL,
	editions text[] NOT NULL CHECK (editions OPERATOR(pg_catalog.<@) ARRAY['H0', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']),
	stage text NOT NULL CHECK (stage IN ('ores and concentrates', 'intermediate compounds', 'unwrought metal', 'powders',
	                                     'ferro-alloys', 'waste and scrap', 'first products')),
	description text NOT NULL,
	basis text NOT NULL,
	formula text,
	content_low float8 CHECK (content_low >= 0),
	content_central float8 CHECK (content_central >= 0),
	content_high float8 CHECK (content_high >= 0),
	content_source text NOT NULL,
	PRIMARY KEY (commodity, code),
	CHECK (content_low <= content_central AND content_central <= content_high AND content_low <= content_high)
);
COMMENT ON TABLE @extschema@.trade_catalogue IS
	'HS codes carrying the trade of every critical mineral (USGS 2022 list; EU Regulation 2024/1252, Annexes I and II) by supply stage, with the content per tonne of product (low/central/high) in the commodity''s basis and its source; rare earths as in hs_catalogue (REO); NULL central where a code is too mixed to convert';
COMMENT ON COLUMN @extschema@.trade_catalogue.commodity IS 'commodity (commodities.name where USGS has one: lithium, cobalt, graphite (natural), rare earths, ...)';
COMMENT ON COLUMN @extschema@.trade_catalogue.code IS 'HS code (6 digits, or 4 for a whole heading); national lines inherit by longest prefix';
COMMENT ON COLUMN @extschema@.trade_catalogue.editions IS 'the HS revisions (H4 = HS2012, H5 = HS2017, H6 = HS2022) in which the code exists with this scope; splits and merges in hs_concordance';
COMMENT ON COLUMN @extschema@.trade_catalogue.stage IS 'supply stage: ores and concentrates, intermediate compounds, unwrought metal, powders, ferro-alloys, waste and scrap, first products';
COMMENT ON COLUMN @extschema@.trade_catalogue.description IS 'what the code covers (WCO HS nomenclature, shortened)';
COMMENT ON COLUMN @extschema@.trade_catalogue.basis IS 'what the content counts: an element (Li, Co), an oxide (REO, TiO2, B2O3, MgO) or gross weight, as USGS counts the commodity';
COMMENT ON COLUMN @extschema@.trade_catalogue.formula IS 'the chemical formula of the central content where it is stoichiometry, NULL otherwise';
COMMENT ON COLUMN @extschema@.trade_catalogue.content_low IS 't of basis per t of product, lowest form the code covers; NULL unknown';
COMMENT ON COLUMN @extschema@.trade_catalogue.content_central IS 't of basis per t of product used by to_content; NULL where the code is too mixed to convert';
COMMENT ON COLUMN @extschema@.trade_catalogue.content_high IS 't of basis per t of product, highest form the code covers; NULL unknown';
COMMENT ON COLUMN @extschema@.trade_catalogue.content_source IS 'where the contents come from: stoichiometry (formula, atomic_weights), the HS''s own purity definition, USGS''s gross-weight basis, or why there is none';
INSERT INTO @extschema@.trade_catalogue (commodity, code, editions, stage, description, basis, formula,
	content_low, content_central, content_high, content_source) VALUES
	('lithium', '253090', '{H4,H5,H6}', 'ores and concentrates', 'Mineral substances n.e.s. (spodumene, petalite and other lithium ores among them)', 'Li', NULL, 0, NULL, NULL,
	 'too mixed to convert: most of its trade carries no lithium; lithium ore grades vary (no central value)'),
	('lithium', '283691', '{H4,H5,H6}', 'intermediate compounds', 'Lithium carbonates', 'Li', 'Li2CO3', @extschema@.stoichiometric_content('Li2CO3', 'Li'), @extschema@.stoichiometric_content('Li2CO3', 'Li'), @extschema@.stoichiometric_content('Li2CO3', 'Li'),
	 'stoichiometry of Li2CO3 (atomic_weights)'),
	('lithium', '282520', '{H4,H5,H6}', 'intermediate compounds', 'Lithium oxide and hydroxide', 'Li', 'LiOH.H2O', @extschema@.stoichiometric_content('LiOH.H2O', 'Li'), @extschema@.stoichiometric_content('LiOH.H2O', 'Li'), @extschema@.stoichiometric_content('Li2O', 'Li'),
	 'low and central: stoichiometry of LiOH.H2O (the traded monohydrate) (atomic_weights); high: Li2O'),
	('lithium', '280519', '{H4,H5,H6}', 'unwrought metal', 'Alkali or alkaline-earth metals other than sodium and calcium (lithium, rubidium, caesium, strontium, barium metal)', 'Li', NULL, NULL, NULL, NULL,
	 'too mixed to convert: several metals share the code (no central value)'),
	('cobalt', '260500', '{H4,H5,H6}', 'ores and concentrates', 'Cobalt ores and concentrates', 'Co', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (no central value)'),
	('cobalt', '282200', '{H4,H5,H6}', 'intermediate compounds', 'Cobalt oxides and hydroxides; commercial cobalt oxides', 'Co', 'Co3O4', @extschema@.stoichiometric_content('Co(OH)2', 'Co'), @extschema@.stoichiometric_content('Co3O4', 'Co'), @extschema@.stoichiometric_content('CoO', 'Co'),
	 'central: stoichiometry of Co3O4 (atomic_weights); low Co(OH)2, high CoO (stoichiometry)'),
	('cobalt', '810520', '{H4,H5,H6}', 'intermediate compounds', 'Cobalt mattes and other intermediate products of cobalt metallurgy; unwrought cobalt; powders', 'Co', NULL, NULL, NULL, 1,
	 'too mixed to convert: intermediates of tens of percent Co with metal of 99 %+ (no central value)'),
	('cobalt', '810530', '{H4,H5,H6}', 'waste and scrap', 'Cobalt waste and scrap', 'Co', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (no central value)'),
	('cobalt', '810590', '{H4,H5,H6}', 'first products', 'Cobalt articles, other', 'Co', NULL, NULL, NULL, NULL,
	 'too mixed to convert: alloys and articles (no central value)'),
	('graphite (natural)', '250410', '{H4,H5,H6}', 'ores and concentrates', 'Natural graphite in powder or in flakes', 'gross weight', NULL, 1, 1, 1,
	 'gross weight, as USGS counts natural graphite (1)'),
	('graphite (natural)', '250490', '{H4,H5,H6}', 'ores and concentrates', 'Natural graphite, other', 'gross weight', NULL, 1, 1, 1,
	 'gross weight, as USGS counts natural graphite (1)'),
	('graphite (synthetic)', '380110', '{H4,H5,H6}', 'first products', 'Artificial graphite', 'gross weight', NULL, 1, 1, 1,
	 'gross weight of graphite (1)'),
	('nickel', '260400', '{H4,H5,H6}', 'ores and concentrates', 'Nickel ores and concentrates', 'Ni', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (no central value)'),
	('nickel', '750110', '{H4,H5,H6}', 'intermediate compounds', 'Nickel mattes', 'Ni', NULL, NULL, NULL, 1,
	 'too mixed to convert: matte grades vary (no central value)'),
	('nickel', '750120', '{H4,H5,H6}', 'intermediate compounds', 'Nickel oxide sinters and other intermediate products of nickel metallurgy', 'Ni', NULL, NULL, NULL, 1,
	 'too mixed to convert: mixed intermediates (no central value)'),
	('nickel', '750210', '{H4,H5,H6}', 'unwrought metal', 'Nickel, not alloyed, unwrought', 'Ni', NULL, 0.99, 1, 1,
	 'HS Chapter 75 subheading note 1(a): not alloyed = at least 99 % nickel plus cobalt (low 0.99); central 1'),
	('nickel', '750220', '{H4,H5,H6}', 'unwrought metal', 'Nickel alloys, unwrought', 'Ni', NULL, NULL, NULL, NULL,
	 'too mixed to convert: alloys of varying nickel content (no central value)'),
	('nickel', '750300', '{H4,H5,H6}', 'waste and scrap', 'Nickel waste and scrap', 'Ni', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (no central value)'),
	('nickel', '750400', '{H4,H5,H6}', 'powders', 'Nickel powders and flakes', 'Ni', NULL, NULL, NULL, 1,
	 'too mixed to convert: includes alloy powders (no central value)'),
	('nickel', '283324', '{H4,H5,H6}', 'intermediate compounds', 'Sulphates of nickel', 'Ni', 'NiSO4.6H2O', @extschema@.stoichiometric_content('NiSO4.7H2O', 'Ni'), @extschema@.stoichiometric_content('NiSO4.6H2O', 'Ni'), @extschema@.stoichiometric_content('NiSO4', 'Ni'),
	 'central: stoichiometry of NiSO4.6H2O (the traded hexahydrate) (atomic_weights); low NiSO4.7H2O, high anhydrous NiSO4'),
	('nickel', '282540', '{H4,H5,H6}', 'intermediate compounds', 'Nickel oxides and hydroxides', 'Ni', 'NiO', @extschema@.stoichiometric_content('Ni(OH)2', 'Ni'), @extschema@.stoichiometric_content('NiO', 'Ni'), @extschema@.stoichiometric_content('NiO', 'Ni'),
	 'central and high: stoichiometry of NiO (atomic_weights); low Ni(OH)2'),
	('tungsten', '261100', '{H4,H5,H6}', 'ores and concentrates', 'Tungsten ores and concentrates', 'W', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (no central value)'),
	('tungsten', '284180', '{H4,H5,H6}', 'intermediate compounds', 'Tungstates (wolframates), ammonium paratungstate (APT) among them', 'W', '(NH4)10(H2W12O42).4H2O', @extschema@.stoichiometric_content('Na2WO4.2H2O', 'W'), @extschema@.stoichiometric_content('(NH4)10(H2W12O42).4H2O', 'W'), @extschema@.stoichiometric_content('(NH4)10(H2W12O42).4H2O', 'W'),
	 'central and high: stoichiometry of ammonium paratungstate (NH4)10(H2W12O42).4H2O (atomic_weights); low sodium tungstate dihydrate'),
	('tungsten', '810194', '{H4,H5,H6}', 'unwrought metal', 'Tungsten, unwrought, including bars and rods obtained simply by sintering', 'W', NULL, 1, 1, 1,
	 'unwrought metal counted as content 1 (commercial grades 99 %% or purer)'),
	('tungsten', '810110', '{H4,H5,H6}', 'powders', 'Tungsten powders', 'W', NULL, 1, 1, 1,
	 'unwrought metal counted as content 1 (commercial grades 99 %% or purer)'),
	('tungsten', '810197', '{H4,H5,H6}', 'waste and scrap', 'Tungsten waste and scrap', 'W', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (no central value)'),
	('tungsten', '810199', '{H4,H5,H6}', 'first products', 'Tungsten articles, other', 'W', NULL, NULL, NULL, NULL,
	 'too mixed to convert: articles and alloys (no central value)'),
	('tungsten', '720280', '{H4,H5,H6}', 'ferro-alloys', 'Ferro-tungsten and ferro-silico-tungsten', 'W', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (about 70-80 % W) (no central value)'),
	('antimony', '261710', '{H4,H5,H6}', 'ores and concentrates', 'Antimony ores and concentrates', 'Sb', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (no central value)'),
	('antimony', '282580', '{H4,H5,H6}', 'intermediate compounds', 'Antimony oxides', 'Sb', 'Sb2O3', @extschema@.stoichiometric_content('Sb2O5', 'Sb'), @extschema@.stoichiometric_content('Sb2O3', 'Sb'), @extschema@.stoichiometric_content('Sb2O3', 'Sb'),
	 'central and high: stoichiometry of Sb2O3 (atomic_weights); low Sb2O5'),
	('antimony', '811010', '{H4,H5,H6}', 'unwrought metal', 'Antimony, unwrought; powders', 'Sb', NULL, 1, 1, 1,
	 'unwrought metal counted as content 1 (commercial grades 99 %% or purer)'),
	('antimony', '811020', '{H4,H5,H6}', 'waste and scrap', 'Antimony waste and scrap', 'Sb', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (no central value)'),
	('antimony', '811090', '{H4,H5,H6}', 'first products', 'Antimony, other', 'Sb', NULL, NULL, NULL, NULL,
	 'too mixed to convert: articles (no central value)'),
	('manganese', '260200', '{H4,H5,H6}', 'ores and concentrates', 'Manganese ores and concentrates (including manganiferous iron ores)', 'Mn', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (USGS prints gross weight and Mn content apart) (no central value)'),
	('manganese', '282010', '{H4,H5,H6}', 'intermediate compounds', 'Manganese dioxide', 'Mn', 'MnO2', @extschema@.stoichiometric_content('MnO2', 'Mn'), @extschema@.stoichiometric_content('MnO2', 'Mn'), @extschema@.stoichiometric_content('MnO2', 'Mn'),
	 'stoichiometry of MnO2 (atomic_weights)'),
	('manganese', '720211', '{H4,H5,H6}', 'ferro-alloys', 'Ferro-manganese containing more than 2 % carbon', 'Mn', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (about 74-82 % Mn) (no central value)'),
	('manganese', '720230', '{H4,H5,H6}', 'ferro-alloys', 'Ferro-silico-manganese', 'Mn', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (no central value)'),
	('manganese', '811100', '{H4,H5,H6}', 'unwrought metal', 'Manganese and articles thereof, including waste and scrap', 'Mn', NULL, NULL, NULL, NULL,
	 'too mixed to convert: metal, waste and articles share the heading (no central value)'),
	('platinum', '711011', '{H4,H5,H6}', 'unwrought metal', 'Platinum, unwrought or in powder form', 'Pt', NULL, 1, 1, 1,
	 'unwrought metal counted as content 1 (commercial grades 99 %% or purer)'),
	('palladium', '711021', '{H4,H5,H6}', 'unwrought metal', 'Palladium, unwrought or in powder form', 'Pd', NULL, 1, 1, 1,
	 'unwrought metal counted as content 1 (commercial grades 99 %% or purer)'),
	('rhodium', '711031', '{H4,H5,H6}', 'unwrought metal', 'Rhodium, unwrought or in powder form', 'Rh', NULL, 1, 1, 1,
	 'unwrought metal counted as content 1 (commercial grades 99 %% or purer)'),
	('platinum-group metals', '711011', '{H4,H5,H6}', 'unwrought metal', 'Platinum, unwrought or in powder form', 'PGM', NULL, 1, 1, 1,
	 'unwrought metal counted as content 1 (commercial grades 99 %% or purer)'),
	('platinum-group metals', '711021', '{H4,H5,H6}', 'unwrought metal', 'Palladium, unwrought or in powder form', 'PGM', NULL, 1, 1, 1,
	 'unwrought metal counted as content 1 (commercial grades 99 %% or purer)'),
	('platinum-group metals', '711031', '{H4,H5,H6}', 'unwrought metal', 'Rhodium, unwrought or in powder form', 'PGM', NULL, 1, 1, 1,
	 'unwrought metal counted as content 1 (commercial grades 99 %% or purer)'),
	('platinum-group metals', '711041', '{H4,H5,H6}', 'unwrought metal', 'Iridium, osmium and ruthenium, unwrought or in powder form', 'PGM', NULL, 1, 1, 1,
	 'unwrought metal counted as content 1 (commercial grades 99 %% or purer)'),
	('iridium', '711041', '{H4,H5,H6}', 'unwrought metal', 'Iridium, osmium and ruthenium, unwrought or in powder form', 'Ir', NULL, NULL, NULL, 1,
	 'too mixed to convert: three metals share the code (no central value)'),
	('ruthenium', '711041', '{H4,H5,H6}', 'unwrought metal', 'Iridium, osmium and ruthenium, unwrought or in powder form', 'Ru', NULL, NULL, NULL, 1,
	 'too mixed to convert: three metals share the code (no central value)'),
	('platinum-group metals', '261690', '{H4,H5,H6}', 'ores and concentrates', 'Precious-metal ores and concentrates other than silver', 'PGM', NULL, 0, NULL, NULL,
	 'too mixed to convert: gold and PGM ores share the code (no central value)'),
	('platinum-group metals', '711292', '{H4,H5,H6}', 'waste and scrap', 'Waste and scrap of platinum', 'PGM', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (no central value)'),
	('titanium mineral concentrates', '261400', '{H4,H5,H6}', 'ores and concentrates', 'Titanium ores and concentrates (ilmenite, rutile)', 'TiO2', NULL, NULL, NULL, NULL,
	 'too mixed to convert: from ilmenite (about 45-60 % TiO2) to rutile (about 95 %) (no central value)'),
	('tio2 pigment', '282300', '{H4,H5,H6}', 'intermediate compounds', 'Titanium oxides', 'TiO2', 'TiO2', 1, 1, 1,
	 'stoichiometry of TiO2 (atomic_weights) (1)'),
	('titanium sponge metal', '810820', '{H4,H5,H6}', 'unwrought metal', 'Titanium, unwrought (sponge among it); powders', 'Ti', NULL, 1, 1, 1,
	 'unwrought metal counted as content 1 (commercial grades 99 %% or purer)'),
	('titanium sponge metal', '810830', '{H4,H5,H6}', 'waste and scrap', 'Titanium waste and scrap', 'Ti', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades and alloys vary (no central value)'),
	('titanium sponge metal', '720291', '{H4,H5,H6}', 'ferro-alloys', 'Ferro-titanium and ferro-silico-titanium', 'Ti', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (about 30-70 % Ti) (no central value)'),
	('vanadium', '261590', '{H4,H5,H6}', 'ores and concentrates', 'Niobium, tantalum or vanadium ores and concentrates', 'V', NULL, NULL, NULL, NULL,
	 'too mixed to convert: three elements share the code (no central value)'),
	('vanadium', '282530', '{H4,H5,H6}', 'intermediate compounds', 'Vanadium oxides and hydroxides', 'V', 'V2O5', @extschema@.stoichiometric_content('V2O5', 'V'), @extschema@.stoichiometric_content('V2O5', 'V'), @extschema@.stoichiometric_content('V2O3', 'V'),
	 'central and low: stoichiometry of V2O5 (atomic_weights); high V2O3'),
	('vanadium', '720292', '{H4,H5,H6}', 'ferro-alloys', 'Ferro-vanadium', 'V', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (FeV40 to FeV80) (no central value)'),
	('vanadium', '811292', '{H4,H5,H6}', 'unwrought metal', 'Other base metals (gallium, germanium, indium, niobium, vanadium, ...): unwrought; waste and scrap; powders', 'V', NULL, NULL, NULL, NULL,
	 'too mixed to convert: several elements share the code (no central value)'),
	('niobium (columbium)', '261590', '{H4,H5,H6}', 'ores and concentrates', 'Niobium, tantalum or vanadium ores and concentrates', 'Nb', NULL, NULL, NULL, NULL,
	 'too mixed to convert: three elements share the code (no central value)'),
	('niobium (columbium)', '720293', '{H4,H5,H6}', 'ferro-alloys', 'Ferro-niobium', 'Nb', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (about 60-70 % Nb) (no central value)'),
	('niobium (columbium)', '811292', '{H4,H5,H6}', 'unwrought metal', 'Other base metals: unwrought; waste and scrap; powders', 'Nb', NULL, NULL, NULL, NULL,
	 'too mixed to convert: several elements share the code (no central value)'),
	('tantalum', '261590', '{H4,H5,H6}', 'ores and concentrates', 'Niobium, tantalum or vanadium ores and concentrates', 'Ta', NULL, NULL, NULL, NULL,
	 'too mixed to convert: three elements share the code (no central value)'),
	('tantalum', '810320', '{H4,H5,H6}', 'unwrought metal', 'Tantalum, unwrought, including bars and rods obtained simply by sintering; powders', 'Ta', NULL, 1, 1, 1,
	 'unwrought metal counted as content 1 (commercial grades 99 %% or purer)'),
	('tantalum', '810330', '{H4,H5,H6}', 'waste and scrap', 'Tantalum waste and scrap', 'Ta', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (no central value)'),
	('gallium', '811292', '{H4,H5,H6}', 'unwrought metal', 'Other base metals (gallium among them): unwrought; waste and scrap; powders', 'Ga', NULL, NULL, NULL, NULL,
	 'too mixed to convert: several elements share the code (no central value)'),
	('gallium', '282590', '{H4,H5,H6}', 'intermediate compounds', 'Other inorganic bases; other metal oxides, hydroxides and peroxides (Ga2O3 among them)', 'Ga', NULL, 0, NULL, NULL,
	 'too mixed to convert: many oxides share the code (no central value)'),
	('germanium', '811292', '{H4,H5,H6}', 'unwrought metal', 'Other base metals (germanium among them): unwrought; waste and scrap; powders', 'Ge', NULL, NULL, NULL, NULL,
	 'too mixed to convert: several elements share the code (no central value)'),
	('germanium', '282560', '{H4,H5,H6}', 'intermediate compounds', 'Germanium oxides and zirconium dioxide', 'Ge', NULL, 0, NULL, @extschema@.stoichiometric_content('GeO2', 'Ge'),
	 'too mixed to convert: GeO2 and ZrO2 share the code (no central value)'),
	('indium', '811292', '{H4,H5,H6}', 'unwrought metal', 'Other base metals (indium among them): unwrought; waste and scrap; powders', 'In', NULL, NULL, NULL, NULL,
	 'too mixed to convert: several elements share the code (no central value)'),
	('hafnium', '811231', '{H6}', 'unwrought metal', 'Hafnium: unwrought; waste and scrap; powders', 'Hf', NULL, NULL, NULL, 1,
	 'too mixed to convert: metal and waste share the code (no central value)'),
	('hafnium', '811292', '{H4,H5}', 'unwrought metal', 'Other base metals (hafnium among them until HS2022): unwrought; waste and scrap; powders', 'Hf', NULL, NULL, NULL, NULL,
	 'too mixed to convert: several elements share the code (no central value)'),
	('tin', '260900', '{H4,H5,H6}', 'ores and concentrates', 'Tin ores and concentrates', 'Sn', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (no central value)'),
	('tin', '800110', '{H4,H5,H6}', 'unwrought metal', 'Tin, not alloyed, unwrought', 'Sn', NULL, 0.99, 1, 1,
	 'HS Chapter 80 subheading note 1(a): not alloyed = at least 99 % tin (low 0.99); central 1'),
	('tin', '800120', '{H4,H5,H6}', 'unwrought metal', 'Tin alloys, unwrought', 'Sn', NULL, NULL, NULL, NULL,
	 'too mixed to convert: alloys (no central value)'),
	('tin', '800200', '{H4,H5,H6}', 'waste and scrap', 'Tin waste and scrap', 'Sn', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (no central value)'),
	('zinc', '260800', '{H4,H5,H6}', 'ores and concentrates', 'Zinc ores and concentrates', 'Zn', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (no central value)'),
	('zinc', '790111', '{H4,H5,H6}', 'unwrought metal', 'Zinc, not alloyed, containing 99.99 % or more of zinc', 'Zn', NULL, 0.9999, 1, 1,
	 'the subheading''s own purity (99.99 %, low); central 1'),
	('zinc', '790112', '{H4,H5,H6}', 'unwrought metal', 'Zinc, not alloyed, containing less than 99.99 % of zinc', 'Zn', NULL, 0.975, NULL, 0.9999,
	 'HS Chapter 79 subheading note 1(a): not alloyed = at least 97.5 % zinc (low) and below 99.99 % (high); no central value'),
	('zinc', '790200', '{H4,H5,H6}', 'waste and scrap', 'Zinc waste and scrap', 'Zn', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (no central value)'),
	('zinc', '281700', '{H4,H5,H6}', 'intermediate compounds', 'Zinc oxide; zinc peroxide', 'Zn', 'ZnO', @extschema@.stoichiometric_content('ZnO2', 'Zn'), @extschema@.stoichiometric_content('ZnO', 'Zn'), @extschema@.stoichiometric_content('ZnO', 'Zn'),
	 'central and high: stoichiometry of ZnO (atomic_weights); low ZnO2'),
	('zirconium', '261510', '{H4,H5,H6}', 'ores and concentrates', 'Zirconium ores and concentrates (zircon)', 'Zr', 'ZrSiO4', NULL, @extschema@.stoichiometric_content('ZrSiO4', 'Zr'), @extschema@.stoichiometric_content('ZrSiO4', 'Zr'),
	 'central and high: stoichiometry of zircon ZrSiO4 (atomic_weights) (concentrates are near-pure zircon); no low value'),
	('zirconium', '282560', '{H4,H5,H6}', 'intermediate compounds', 'Germanium oxides and zirconium dioxide', 'Zr', NULL, 0, NULL, @extschema@.stoichiometric_content('ZrO2', 'Zr'),
	 'too mixed to convert: GeO2 and ZrO2 share the code (no central value)'),
	('zirconium', '810920', '{H4,H5}', 'unwrought metal', 'Zirconium, unwrought; powders', 'Zr', NULL, 1, 1, 1,
	 'unwrought metal counted as content 1 (commercial grades 99 %% or purer)'),
	('zirconium', '810921', '{H6}', 'unwrought metal', 'Zirconium, unwrought; powders, containing less than 1 part hafnium to 500 parts zirconium by weight', 'Zr', NULL, 1, 1, 1,
	 'unwrought metal counted as content 1 (commercial grades 99 %% or purer)'),
	('zirconium', '810929', '{H6}', 'unwrought metal', 'Zirconium, unwrought; powders, other', 'Zr', NULL, 1, 1, 1,
	 'unwrought metal counted as content 1 (commercial grades 99 %% or purer)'),
	('beryllium', '261790', '{H4,H5,H6}', 'ores and concentrates', 'Other ores and concentrates (beryl among them)', 'Be', NULL, 0, NULL, NULL,
	 'too mixed to convert: many ores share the code (no central value)'),
	('beryllium', '811212', '{H4,H5,H6}', 'unwrought metal', 'Beryllium, unwrought; powders', 'Be', NULL, 1, 1, 1,
	 'unwrought metal counted as content 1 (commercial grades 99 %% or purer)'),
	('beryllium', '811213', '{H4,H5,H6}', 'waste and scrap', 'Beryllium waste and scrap', 'Be', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (no central value)'),
	('bismuth', '810610', '{H6}', 'unwrought metal', 'Bismuth containing more than 99.99 % of bismuth, by weight', 'Bi', NULL, 0.9999, 1, 1,
	 'the subheading''s own purity (99.99 %, low); central 1'),
	('bismuth', '810690', '{H6}', 'unwrought metal', 'Bismuth, other (unwrought below 99.99 %, waste and scrap, articles)', 'Bi', NULL, NULL, NULL, NULL,
	 'too mixed to convert: metal, waste and articles (no central value)'),
	('bismuth', '810600', '{H4,H5}', 'unwrought metal', 'Bismuth and articles thereof, including waste and scrap', 'Bi', NULL, NULL, NULL, NULL,
	 'too mixed to convert: metal, waste and articles (no central value)'),
	('chromium', '261000', '{H4,H5,H6}', 'ores and concentrates', 'Chromium ores and concentrates', 'Cr', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (no central value)'),
	('chromium', '720241', '{H4,H5,H6}', 'ferro-alloys', 'Ferro-chromium containing more than 4 % carbon', 'Cr', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (about 50-70 % Cr) (no central value)'),
	('chromium', '811221', '{H4,H5,H6}', 'unwrought metal', 'Chromium, unwrought; powders', 'Cr', NULL, 1, 1, 1,
	 'unwrought metal counted as content 1 (commercial grades 99 %% or purer)'),
	('chromium', '281910', '{H4,H5,H6}', 'intermediate compounds', 'Chromium trioxide', 'Cr', 'CrO3', @extschema@.stoichiometric_content('CrO3', 'Cr'), @extschema@.stoichiometric_content('CrO3', 'Cr'), @extschema@.stoichiometric_content('CrO3', 'Cr'),
	 'stoichiometry of CrO3 (atomic_weights)'),
	('magnesium metal', '810411', '{H4,H5,H6}', 'unwrought metal', 'Unwrought magnesium containing at least 99.8 % by weight of magnesium', 'Mg', NULL, 0.998, 1, 1,
	 'the subheading''s own purity (99.8 %, low); central 1'),
	('magnesium metal', '810419', '{H4,H5,H6}', 'unwrought metal', 'Unwrought magnesium, other (alloys)', 'Mg', NULL, NULL, NULL, NULL,
	 'too mixed to convert: alloys (no central value)'),
	('magnesium metal', '810420', '{H4,H5,H6}', 'waste and scrap', 'Magnesium waste and scrap', 'Mg', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (no central value)'),
	('magnesium compounds', '251910', '{H4,H5,H6}', 'ores and concentrates', 'Natural magnesium carbonate (magnesite)', 'MgO', 'MgCO3', NULL, @extschema@.stoichiometric_content('MgCO3', 'MgO'), @extschema@.stoichiometric_content('MgCO3', 'MgO'),
	 'central and high: stoichiometry of MgCO3 (atomic_weights) as MgO; no low value (ore grades vary)'),
	('fluorspar', '252921', '{H4,H5,H6}', 'ores and concentrates', 'Fluorspar containing by weight 97 % or less of calcium fluoride', 'gross weight', NULL, 1, 1, 1,
	 'gross weight, as USGS counts fluorspar (1)'),
	('fluorspar', '252922', '{H4,H5,H6}', 'ores and concentrates', 'Fluorspar containing by weight more than 97 % of calcium fluoride', 'gross weight', NULL, 1, 1, 1,
	 'gross weight, as USGS counts fluorspar (1)'),
	('barite', '251110', '{H4,H5,H6}', 'ores and concentrates', 'Natural barium sulphate (barytes)', 'gross weight', NULL, 1, 1, 1,
	 'gross weight, as USGS counts barite (1)'),
	('bauxite', '260600', '{H4,H5,H6}', 'ores and concentrates', 'Aluminium ores and concentrates (bauxite)', 'gross weight', NULL, 1, 1, 1,
	 'gross weight, as USGS counts bauxite (dry) (1)'),
	('alumina', '281820', '{H4,H5,H6}', 'intermediate compounds', 'Aluminium oxide, other than artificial corundum (alumina)', 'gross weight', NULL, 1, 1, 1,
	 'gross weight, as USGS counts alumina (1)'),
	('feldspar and nepheline syenite', '252910', '{H4,H5,H6}', 'ores and concentrates', 'Feldspar', 'gross weight', NULL, 1, 1, 1,
	 'gross weight, as USGS counts feldspar (1)'),
	('phosphate rock', '251010', '{H4,H5,H6}', 'ores and concentrates', 'Natural calcium phosphates, unground', 'gross weight', NULL, 1, 1, 1,
	 'gross weight, as USGS counts marketable phosphate rock (1)'),
	('phosphate rock', '251020', '{H4,H5,H6}', 'ores and concentrates', 'Natural calcium phosphates, ground', 'gross weight', NULL, 1, 1, 1,
	 'gross weight, as USGS counts marketable phosphate rock (1)'),
	('aluminum', '760110', '{H4,H5,H6}', 'unwrought metal', 'Aluminium, not alloyed, unwrought', 'Al', NULL, 0.99, 1, 1,
	 'HS Chapter 76 subheading note 1(a): not alloyed = at least 99 % aluminium (low 0.99); central 1'),
	('aluminum', '760120', '{H4,H5,H6}', 'unwrought metal', 'Aluminium alloys, unwrought', 'Al', NULL, NULL, NULL, NULL,
	 'too mixed to convert: alloys (no central value)'),
	('aluminum', '760200', '{H4,H5,H6}', 'waste and scrap', 'Aluminium waste and scrap', 'Al', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (no central value)'),
	('aluminum', '281830', '{H4,H5,H6}', 'intermediate compounds', 'Aluminium hydroxide', 'Al', 'Al(OH)3', @extschema@.stoichiometric_content('Al(OH)3', 'Al'), @extschema@.stoichiometric_content('Al(OH)3', 'Al'), @extschema@.stoichiometric_content('Al(OH)3', 'Al'),
	 'stoichiometry of Al(OH)3 (atomic_weights)'),
	('arsenic', '280480', '{H4,H5,H6}', 'unwrought metal', 'Arsenic', 'As', NULL, 1, 1, 1,
	 'unwrought metal counted as content 1 (commercial grades 99 %% or purer)'),
	('tellurium', '280450', '{H4,H5,H6}', 'unwrought metal', 'Boron; tellurium', 'Te', NULL, NULL, NULL, NULL,
	 'too mixed to convert: boron and tellurium share the code (no central value)'),
	('cesium', '280519', '{H4,H5,H6}', 'unwrought metal', 'Alkali or alkaline-earth metals other than sodium and calcium', 'Cs', NULL, NULL, NULL, NULL,
	 'too mixed to convert: several metals share the code (no central value)'),
	('rubidium', '280519', '{H4,H5,H6}', 'unwrought metal', 'Alkali or alkaline-earth metals other than sodium and calcium', 'Rb', NULL, NULL, NULL, NULL,
	 'too mixed to convert: several metals share the code (no central value)'),
	('boron', '252800', '{H4,H5,H6}', 'ores and concentrates', 'Natural borates and concentrates thereof', 'B2O3', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (no central value)'),
	('boron', '281000', '{H4,H5,H6}', 'intermediate compounds', 'Oxides of boron; boric acids', 'B2O3', 'H3BO3', @extschema@.stoichiometric_content('H3BO3', 'B2O3'), @extschema@.stoichiometric_content('H3BO3', 'B2O3'), 1,
	 'central and low: stoichiometry of H3BO3 (atomic_weights) as B2O3; high B2O3 itself (1)'),
	('strontium', '253090', '{H4,H5,H6}', 'ores and concentrates', 'Mineral substances n.e.s. (celestite among them)', 'Sr', NULL, 0, NULL, NULL,
	 'too mixed to convert: most of its trade carries no strontium (no central value)'),
	('strontium', '283692', '{H4,H5,H6}', 'intermediate compounds', 'Strontium carbonate', 'Sr', 'SrCO3', @extschema@.stoichiometric_content('SrCO3', 'Sr'), @extschema@.stoichiometric_content('SrCO3', 'Sr'), @extschema@.stoichiometric_content('SrCO3', 'Sr'),
	 'stoichiometry of SrCO3 (atomic_weights)'),
	('scandium', '284690', '{H4,H5,H6}', 'intermediate compounds', 'Compounds of rare-earth metals, of yttrium or of scandium, other than cerium', 'Sc2O3', NULL, 0, NULL, NULL,
	 'too mixed to convert: scandium is a small share of a rare-earth code (no central value)'),
	('scandium', '280530', '{H4,H5,H6}', 'unwrought metal', 'Rare-earth metals, scandium and yttrium', 'Sc2O3', NULL, 0, NULL, NULL,
	 'too mixed to convert: scandium is a small share of a rare-earth code (no central value)'),
	('yttrium', '284690', '{H4,H5,H6}', 'intermediate compounds', 'Compounds of rare-earth metals, of yttrium or of scandium, other than cerium', 'Y2O3', NULL, 0, NULL, NULL,
	 'too mixed to convert: yttrium is a share of a rare-earth code (no central value)'),
	('yttrium', '280530', '{H4,H5,H6}', 'unwrought metal', 'Rare-earth metals, scandium and yttrium', 'Y2O3', NULL, 0, NULL, NULL,
	 'too mixed to convert: yttrium is a share of a rare-earth code (no central value)'),
	('silicon', '280461', '{H4,H5,H6}', 'unwrought metal', 'Silicon containing by weight not less than 99.99 % of silicon', 'Si', NULL, 0.9999, 1, 1,
	 'the subheading''s own purity (99.99 %, low); central 1'),
	('silicon', '280469', '{H4,H5,H6}', 'unwrought metal', 'Silicon, other (below 99.99 %: metallurgical grades)', 'Si', NULL, NULL, NULL, 0.9999,
	 'too mixed to convert: grades from about 96 % to 99.99 % (no central value)'),
	('copper', '260300', '{H4,H5,H6}', 'ores and concentrates', 'Copper ores and concentrates', 'Cu', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (no central value)'),
	('copper', '740311', '{H4,H5,H6}', 'unwrought metal', 'Refined copper: cathodes and sections of cathodes', 'Cu', NULL, 1, 1, 1,
	 'unwrought metal counted as content 1 (commercial grades 99 %% or purer)'),
	('copper', '740400', '{H4,H5,H6}', 'waste and scrap', 'Copper waste and scrap', 'Cu', NULL, NULL, NULL, NULL,
	 'too mixed to convert: grades vary (no central value)'),
	('phosphorus', '280470', '{H4,H5,H6}', 'unwrought metal', 'Phosphorus', 'P', NULL, 1, 1, 1,
	 'unwrought metal counted as content 1 (commercial grades 99 %% or purer)'),
	('helium', '280429', '{H4,H5,H6}', 'intermediate compounds', 'Rare gases other than argon', 'He', NULL, 0, NULL, NULL,
	 'too mixed to convert: helium, neon, krypton and xenon share the code (and trade is by volume) (no central value)'),
	('coking coal', '270112', '{H4,H5,H6}', 'ores and concentrates', 'Bituminous coal, not agglomerated', 'gross weight', NULL, 0, NULL, 1,
	 'too mixed to convert: coking and steam coal share the code (national lines split them) (no central value)');
-- rare earths: the rows of hs_catalogue, in REO, stages renamed
INSERT INTO @extschema@.trade_catalogue (commodity, code, editions, stage, description, basis, formula,
	content_low, content_central, content_high, content_source)
SELECT 'rare earths', h.code, '{H0,H1,H2,H3,H4,H5,H6}',
       CASE h.stage WHEN 'mining' THEN 'ores and concentrates' WHEN 'separation' THEN 'intermediate compounds'
                    WHEN 'metal' THEN 'unwrought metal' ELSE 'first products' END,
       h.description, 'REO', NULL, h.reo_low, h.reo_central, h.reo_high, h.reo_source
FROM @extschema@.hs_catalogue h;

-- Concordance: identity between the revisions in which each code exists
-- with its scope; the HS2022 splits of codes of the catalogue map back
-- whole onto their HS2017 code (every HS2022 8112.31, 8106.10, 8109.21 ...
-- shipment was in 8112.92, 8106.00, 8109.20 ... before), while the forward
-- direction has no shipped weights (how an HS2017 8112.92 divides between
-- hafnium and the rest is not known): hs_convert says so rather than guess.
-- A code some commodity leaves between two revisions (8112.92: hafnium
-- left it in HS2022) keeps its identity only towards the wider scope
-- (HS2022 8112.92 -> HS2017 8112.92 whole), never from the wider one.
INSERT INTO @extschema@.hs_concordance
SELECT DISTINCT f.e, c.code, t.e, c.code, 1.0::float8, 'identity (code and scope unchanged between these revisions)'
FROM @extschema@.trade_catalogue c, pg_catalog.unnest(c.editions) f(e), pg_catalog.unnest(c.editions) t(e)
WHERE f.e OPERATOR(pg_catalog.<>) t.e AND @extschema@.hs_level(c.code) OPERATOR(pg_catalog.<=) 6
  AND NOT EXISTS (SELECT 1 FROM @extschema@.trade_catalogue o
                  WHERE o.code OPERATOR(@extschema@.=) c.code AND f.e OPERATOR(pg_catalog.=) ANY (o.editions)
                    AND t.e OPERATOR(pg_catalog.<>) ALL (o.editions))
ON CONFLICT DO NOTHING;
INSERT INTO @extschema@.hs_concordance VALUES
	('H6', '811231', 'H5', '811292', 1.0, 'HS2022 split: hafnium (unwrought; waste and scrap; powders) was in 8112.92 in HS2017'),
	('H6', '810610', 'H5', '810600', 1.0, 'HS2022 split: bismuth above 99.99 % was in 8106.00 in HS2017'),
	('H6', '810690', 'H5', '810600', 1.0, 'HS2022 split: other bismuth was in 8106.00 in HS2017'),
	('H6', '810921', 'H5', '810920', 1.0, 'HS2022 split: unwrought zirconium with less than 1 part Hf in 500 was in 8109.20 in HS2017'),
	('H6', '810929', 'H5', '810920', 1.0, 'HS2022 split: other unwrought zirconium was in 8109.20 in HS2017');
-- HS2022 narrowed heading 71.12 to waste "other than goods of heading
-- 85.49" (the new heading of electrical and electronic waste, WCO HS2022
-- nomenclature): HS2022 7112.92 maps back whole onto the HS2017 and HS2012
-- code, but no shipped weight says how much of an HS2017 7112.92 is e-waste
DELETE FROM @extschema@.hs_concordance
WHERE from_code OPERATOR(@extschema@.=) '711292' AND to_revision OPERATOR(pg_catalog.=) 'H6'
  AND from_revision OPERATOR(pg_catalog.<>) 'H6';
-- the same back to HS2012, where the HS2017 code had the same scope
INSERT INTO @extschema@.hs_concordance
SELECT DISTINCT h.from_revision, h.from_code, e.e, h.to_code, h.weight,
	pg_catalog.replace(h.note, 'in HS2017', 'in HS2012 and HS2017')
FROM @extschema@.hs_concordance h JOIN @extschema@.trade_catalogue c ON c.code OPERATOR(@extschema@.=) h.to_code,
	pg_catalog.unnest(c.editions) e(e)
WHERE h.from_revision OPERATOR(pg_catalog.=) 'H6' AND h.to_revision OPERATOR(pg_catalog.=) 'H5'
  AND h.from_code OPERATOR(@extschema@.<>) h.to_code AND e.e OPERATOR(pg_catalog.<>) ALL (ARRAY['H5', 'H6'])
ON CONFLICT DO NOTHING;

-- longest-prefix match within a commodity; with commodity NULL the code
-- must belong to one commodity only (8112.92 belongs to five: say which)
CREATE FUNCTION @extschema@.trade_catalogue_row(code @extschema@.hscode, commodity text)
	RETURNS @extschema@.trade_catalogue
	LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE r @extschema@.trade_catalogue; n int;
BEGIN
	IF code IS NULL THEN
		RAISE EXCEPTION USING ERRCODE = 'null_value_not_allowed', MESSAGE = 'HS code must not be NULL';
	END IF;
	IF commodity IS NULL THEN
		SELECT pg_catalog.count(DISTINCT c.commodity) INTO n FROM @extschema@.trade_catalogue c
		WHERE c.code OPERATOR(@extschema@.@>) trade_catalogue_row.code;
		IF n OPERATOR(pg_catalog.>) 1 THEN
			RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
				MESSAGE = pg_catalog.format('HS code "%s" carries %s commodities', code, n),
				HINT = 'Name the commodity: to_content(code, quantity_kg, commodity).';
		END IF;
	END IF;
	SELECT c.* INTO r FROM @extschema@.trade_catalogue c
	WHERE c.code OPERATOR(@extschema@.@>) trade_catalogue_row.code
	  AND (trade_catalogue_row.commodity IS NULL OR c.commodity OPERATOR(pg_catalog.=) trade_catalogue_row.commodity)
	ORDER BY @extschema@.hs_level(c.code) DESC LIMIT 1;
	RETURN r;
END $$;
COMMENT ON FUNCTION @extschema@.trade_catalogue_row(@extschema@.hscode, text) IS
	'the trade_catalogue row of the longest catalogue code containing the code, for the commodity (NULL: the code''s only commodity; an error when it has several); all fields NULL when none';

CREATE FUNCTION @extschema@.trade_content(code @extschema@.hscode, commodity text DEFAULT NULL, bound text DEFAULT 'central')
	RETURNS float8
	LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
	AS $$
DECLARE r @extschema@.trade_catalogue;
BEGIN
	IF bound IS NULL OR bound OPERATOR(pg_catalog.<>) ALL (ARRAY['low', 'central', 'high']) THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = pg_catalog.format('unrecognized content bound "%s"', bound),
			HINT = 'Use ''low'', ''central'' or ''high''.';
	END IF;
	r := @extschema@.trade_catalogue_row(code, commodity);
	RETURN CASE bound WHEN 'low' THEN r.content_low WHEN 'high' THEN r.content_high ELSE r.content_central END;
END $$;
COMMENT ON FUNCTION @extschema@.trade_content(@extschema@.hscode, text, text) IS
	't of the commodity''s basis per t of product (bound ''low'', ''central'' or ''high'') of the longest trade_catalogue code containing the code; NULL when none or too mixed; NULL commodity: the code''s only commodity';

-- to_content(code, quantity_kg, commodity): the content in kg (the same
-- unit as the quantity) = quantity x central content; to_reo generalized
-- (to_content(code, kg, 'rare earths') = to_reo(kg, code)).
CREATE FUNCTION @extschema@.to_content(code @extschema@.hscode, quantity_kg float8, commodity text DEFAULT NULL,
	bound text DEFAULT 'central') RETURNS float8
	LANGUAGE plpgsql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
	AS $$
BEGIN
	IF quantity_kg IS NULL THEN
		RETURN NULL;
	END IF;
	IF quantity_kg OPERATOR(pg_catalog.<) 0 OR quantity_kg OPERATOR(pg_catalog.=) 'NaN'::float8
	   OR quantity_kg OPERATOR(pg_catalog.=) 'Infinity'::float8 THEN
		RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
			MESSAGE = pg_catalog.format('quantity "%s" is negative or not finite', quantity_kg),
			HINT = 'Quantities must be finite and zero or positive.';
	END IF;
	RETURN quantity_kg OPERATOR(pg_catalog.*) @extschema@.trade_content(code, commodity, bound);
END $$;
COMMENT ON FUNCTION @extschema@.to_content(@extschema@.hscode, float8, text, text) IS
	'content of a traded quantity in the same unit (kg in, kg of the commodity''s basis out): quantity x trade_content(code, commodity, bound); NULL for a NULL quantity or when the content is unknown or too mixed; negative or non-finite quantity 22023; NULL code 22004; a code of several commodities without one named 22023';

CREATE FUNCTION @extschema@.trade_stage(code @extschema@.hscode, commodity text DEFAULT NULL) RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
	RETURN (@extschema@.trade_catalogue_row(code, commodity)).stage;
COMMENT ON FUNCTION @extschema@.trade_stage(@extschema@.hscode, text) IS 'supply stage (trade_catalogue) of the longest catalogue code containing the code, for the commodity; NULL when none';

GRANT SELECT ON @extschema@.trade_catalogue, @extschema@.atomic_weights TO PUBLIC;
