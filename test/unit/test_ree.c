/*
 * test_ree.c — unit tests of src/core/ree.c: the element table and the
 * oxide factors, against the 4-decimal values commonly published and the
 * stoichiometric formula written out by hand.
 */
#include <math.h>
#include <string.h>

#include "unit.h"

static int
find(const char *symbol)
{
	for (int i = 0; i < RE_REE_COUNT; i++)
		if (strcmp(re_rees[i].symbol, symbol) == 0)
			return i;
	fail_msg("no element %s", symbol);
	return -1;
}

static void
test_published_factors(void **state)
{
	struct
	{
		const char *symbol;
		double		factor;
	}			published[] = {
		{"Nd", 1.1664}, {"Ce", 1.2284}, {"Pr", 1.2082}, {"Dy", 1.1477},
		{"Tb", 1.1762}, {"Y", 1.2699}, {"La", 1.1728}
	};

	(void) state;
	for (size_t i = 0; i < sizeof(published) / sizeof(published[0]); i++)
		assert_close(re_ree_oxide_factor(find(published[i].symbol)), published[i].factor, 0.00005);
}

static void
test_stoichiometry(void **state)
{
	(void) state;
	/* Nd2O3: (2 x 144.242 + 3 x 15.999) / (2 x 144.242) */
	assert_close(re_ree_oxide_factor(find("Nd")), (2 * 144.242 + 3 * 15.999) / (2 * 144.242), 1e-15);
	/* Pr6O11 */
	assert_close(re_ree_oxide_factor(find("Pr")), (6 * 140.90766 + 11 * 15.999) / (6 * 140.90766), 1e-15);
	/* CeO2 */
	assert_close(re_ree_oxide_factor(find("Ce")), (140.116 + 2 * 15.999) / 140.116, 1e-15);
	/* Tb4O7 */
	assert_close(re_ree_oxide_factor(find("Tb")), (4 * 158.925354 + 7 * 15.999) / (4 * 158.925354), 1e-15);
}

static void
test_table(void **state)
{
	(void) state;
	assert_string_equal(re_rees[0].symbol, "Sc");
	assert_string_equal(re_rees[1].symbol, "Y");
	for (int i = 2; i < RE_REE_COUNT; i++)
	{
		/* lanthanides in atomic-number order, La (57) to Lu (71) */
		assert_int_equal(re_rees[i].atomic_number, 55 + i);
		assert_int_equal(re_rees[i].group, re_rees[i].atomic_number <= 62 ? RE_REE_LIGHT : RE_REE_HEAVY);
	}
	assert_int_equal(re_rees[1].group, RE_REE_HEAVY);
	assert_int_equal(re_rees[0].group, RE_REE_SCANDIUM);
	for (int i = 0; i < RE_REE_COUNT; i++)
	{
		double		f = re_ree_oxide_factor(i);

		assert_true(isfinite(f) && f > 1.1 && f < 1.6);
	}
	assert_string_equal(re_ree_group_name(RE_REE_LIGHT), "light");
	assert_string_equal(re_ree_group_name(RE_REE_HEAVY), "heavy");
	assert_string_equal(re_ree_group_name(RE_REE_SCANDIUM), "scandium");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_published_factors),
		cmocka_unit_test(test_stoichiometry),
		cmocka_unit_test(test_table),
	};

	return cmocka_run_group_tests_name("ree", tests, NULL, teardown);
}
