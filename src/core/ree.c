/*
 * ree.c — the 17 rare-earth elements and their oxide conversion factors.
 *
 * Atomic weights: standard atomic weights of the IUPAC Commission on
 * Isotopic Abundances and Atomic Weights (CIAAW, ciaaw.org/atomic-weights),
 * the conventional single values of the current table as known to the
 * authors: Gd 157.249 (was 157.25) and Lu 174.96669 (was 174.9668) as
 * revised by CIAAW in 2024 (with Zr; C&EN 102(34), 2024); Yb 173.045 as in
 * the 2021 table ("Standard atomic weights of the elements 2021", Pure Appl.
 * Chem. 94 (2022) 573, which lists it among the changes since 2013: from
 * 173.054, approved in 2015); Sc 44.955907, Y 88.905838, Tb 158.925354,
 * Ho 164.930329 and Tm 168.934219 as updated in that 2021 table; La
 * 138.90547, Ce 140.116, Pr 140.90766, Nd 144.242, Sm 150.36, Eu 151.964,
 * Dy 162.500, Er 167.259.  Promethium has no stable
 * isotope and no standard atomic weight; 145 is the mass number of its
 * longest-lived isotope (145Pm), by convention.  Changes in the last
 * decimals do not move the 4-decimal oxide factors.
 *
 * Oxide formulas: the customary REO formulas, R2O3 except CeO2, Pr6O11 and
 * Tb4O7 (the formulas of the stable oxides usually weighed; USGS reports
 * rare earths as REO without listing per-element formulas in the sources
 * we hold, and quotes terbium oxide prices as TbO2, a price basis).
 *
 * Groups (a convention, stated because sources differ): light = La-Sm,
 * heavy = Eu-Lu plus Y (Y behaves as a heavy rare earth in ores and
 * separation); scandium is counted apart.  Some sources put Eu and Gd in a
 * "medium" group or Sm-Gd with the heavies.
 */
#include "rareearth_core.h"

const re_ree re_rees[RE_REE_COUNT] = {
	{"Sc", "scandium", 21, 44.955907, "Sc2O3", 2, 3, RE_REE_SCANDIUM},
	{"Y", "yttrium", 39, 88.905838, "Y2O3", 2, 3, RE_REE_HEAVY},
	{"La", "lanthanum", 57, 138.90547, "La2O3", 2, 3, RE_REE_LIGHT},
	{"Ce", "cerium", 58, 140.116, "CeO2", 1, 2, RE_REE_LIGHT},
	{"Pr", "praseodymium", 59, 140.90766, "Pr6O11", 6, 11, RE_REE_LIGHT},
	{"Nd", "neodymium", 60, 144.242, "Nd2O3", 2, 3, RE_REE_LIGHT},
	{"Pm", "promethium", 61, 145.0, "Pm2O3", 2, 3, RE_REE_LIGHT},
	{"Sm", "samarium", 62, 150.36, "Sm2O3", 2, 3, RE_REE_LIGHT},
	{"Eu", "europium", 63, 151.964, "Eu2O3", 2, 3, RE_REE_HEAVY},
	{"Gd", "gadolinium", 64, 157.249, "Gd2O3", 2, 3, RE_REE_HEAVY},
	{"Tb", "terbium", 65, 158.925354, "Tb4O7", 4, 7, RE_REE_HEAVY},
	{"Dy", "dysprosium", 66, 162.500, "Dy2O3", 2, 3, RE_REE_HEAVY},
	{"Ho", "holmium", 67, 164.930329, "Ho2O3", 2, 3, RE_REE_HEAVY},
	{"Er", "erbium", 68, 167.259, "Er2O3", 2, 3, RE_REE_HEAVY},
	{"Tm", "thulium", 69, 168.934219, "Tm2O3", 2, 3, RE_REE_HEAVY},
	{"Yb", "ytterbium", 70, 173.045, "Yb2O3", 2, 3, RE_REE_HEAVY},
	{"Lu", "lutetium", 71, 174.96669, "Lu2O3", 2, 3, RE_REE_HEAVY},
};

/*
 * Mass of oxide per mass of metal for the oxide MmOn:
 *   factor = (m * A(metal) + n * A(O)) / (m * A(metal)),  A(O) = 15.999
 * (stoichiometry; e.g. Nd2O3: (2 * 144.242 + 3 * 15.999) / (2 * 144.242) = 1.1664).
 */
double
re_ree_oxide_factor(int index)
{
	const re_ree *e = &re_rees[index];
	double		metal = e->metal_atoms * e->atomic_weight;

	return (metal + e->oxygen_atoms * RE_OXYGEN_WEIGHT) / metal;
}

const char *
re_ree_group_name(re_ree_group g)
{
	switch (g)
	{
		case RE_REE_LIGHT:
			return "light";
		case RE_REE_HEAVY:
			return "heavy";
		case RE_REE_SCANDIUM:
			return "scandium";
	}
	return "unknown";
}
