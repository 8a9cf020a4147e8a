-- rare-earth elements: the enum, the element table, oxide factors against
-- the published 4-decimal values and a plain-SQL stoichiometric formula,
-- metal/oxide conversions and their errors.
\set VERBOSITY terse

SELECT enum_range(NULL::ree) AS elements, array_length(enum_range(NULL::ree), 1) AS n;
SELECT element, name, atomic_number, atomic_weight, oxide_formula, element_group, round(oxide_factor::numeric, 4) AS factor4
FROM rare_earth_elements ORDER BY element;
-- the table agrees with the C core
SELECT bool_and(r.oxide_factor = oxide_factor(r.element)) AS table_matches_function,
       bool_and(r.oxide_factor = x.oxide_factor) AS table_matches_core
FROM rare_earth_elements r JOIN ree_reference() x ON x.symbol = r.element::text;
-- The CIAAW standard atomic weights as dated in the
-- table's comment: Gd 157.249 and Lu 174.96669 (2024 revision, from 157.25
-- and 174.9668), Yb 173.045 (the 2021 table, from 173.054); the comment
-- says "the customary REO formulas", not that USGS lists them
SELECT element, atomic_weight,
       atomic_weight = CASE element WHEN 'Gd' THEN 157.249 WHEN 'Lu' THEN 174.96669 WHEN 'Yb' THEN 173.045 END AS as_dated
FROM rare_earth_elements WHERE element IN ('Gd', 'Lu', 'Yb') ORDER BY element;
SELECT obj_description('rare_earth_elements'::regclass, 'pg_class') LIKE '%Gd 157.249 and Lu 174.96669 as revised in 2024, Yb 173.045 as in the 2021 table%' AS weights_dated,
       obj_description('rare_earth_elements'::regclass, 'pg_class') LIKE '%the customary REO formulas%' AS customary_formulas,
       obj_description('rare_earth_elements'::regclass, 'pg_class') NOT LIKE '%USGS%' AS no_usgs_claim;
-- the 4-decimal factors commonly published
SELECT bool_and(round(oxide_factor(e)::numeric, 4) = f) AS published_factors_ok, count(*) AS checked
FROM (VALUES ('Nd'::ree, 1.1664), ('Ce', 1.2284), ('Pr', 1.2082), ('Dy', 1.1477), ('Tb', 1.1762),
             ('Y', 1.2699), ('La', 1.1728)) v(e, f);
-- each factor against the stoichiometry of its oxide formula, parsed here in
-- plain SQL: MmOn -> (m A + n 15.999) / (m A)
SELECT bool_and(abs(oxide_factor(element) - (m * atomic_weight + n * 15.999) / (m * atomic_weight)) < 1e-12) AS formula_ok
FROM (SELECT element, atomic_weight,
             coalesce(nullif((regexp_match(oxide_formula, '^[A-Z][a-z]?(\d*)O'))[1], ''), '1')::int AS m,
             coalesce(nullif((regexp_match(oxide_formula, 'O(\d*)$'))[1], ''), '1')::int AS n
      FROM rare_earth_elements) s;
-- groups: light La-Sm, heavy Eu-Lu and Y, scandium apart
SELECT element_group, array_agg(element ORDER BY atomic_number) FROM rare_earth_elements GROUP BY 1 ORDER BY 1;
SELECT bool_and(element_group = CASE WHEN element = 'Sc' THEN 'scandium'
                                     WHEN element = 'Y' OR atomic_number >= 63 THEN 'heavy'
                                     ELSE 'light' END) AS groups_ok
FROM rare_earth_elements;

-- conversions: 1000 t Nd metal is 1166.4 t Nd2O3 (to 4 digits); round trips
SELECT round(metal_to_oxide(1000, 'Nd')::numeric, 1) AS nd2o3_t,
       abs(metal_to_oxide(1000, 'Nd') - 1000 * (2 * 144.242 + 3 * 15.999) / (2 * 144.242)) < 1e-9 AS nd_ok,
       abs(oxide_to_metal(1000, 'Pr') - 1000 * (6 * 140.90766) / (6 * 140.90766 + 11 * 15.999)) < 1e-9 AS pr_ok,
       bool_and(abs(oxide_to_metal(metal_to_oxide(123.456, e), e) - 123.456) < 1e-12) AS round_trip_ok,
       metal_to_oxide(0, 'Ce') AS zero
FROM unnest(enum_range(NULL::ree)) e;

-- errors
SELECT metal_to_oxide(-1, 'Nd');
SELECT metal_to_oxide('NaN', 'Nd');
SELECT oxide_to_metal('Infinity', 'Nd');
SELECT oxide_factor('Xx');
SELECT metal_to_oxide(NULL, 'Nd') IS NULL AS null_in_null_out;
