/*
 * test_country.c — unit tests of src/core/country.c and the generated
 * table: parsing of every accepted form, lookups by scheme, EU membership,
 * the binary form, and the table's invariants (sorted, no code collisions).
 */
#include <string.h>

#include "unit.h"

static const char *
parse(const char *s)
{
	uint16_t	code;

	if (re_country_parse(s, strlen(s), &code) != RE_OK)
		return NULL;
	return re_country_by_code(code)->alpha3;
}

static void
test_parse_forms(void **state)
{
	(void) state;
	/* alpha-3, alpha-2, case-insensitive, surrounding spaces */
	assert_string_equal(parse("RUS"), "RUS");
	assert_string_equal(parse("rus"), "RUS");
	assert_string_equal(parse(" ru "), "RUS");
	/* names: ISO, UN M49 and Comtrade spellings, accents optional */
	assert_string_equal(parse("Russian Federation"), "RUS");
	assert_string_equal(parse("russia"), "RUS");
	assert_string_equal(parse("United States of America"), "USA");
	assert_string_equal(parse("USA"), "USA");
	assert_string_equal(parse("China, Hong Kong SAR"), "HKG");
	assert_string_equal(parse("Türkiye"), "TUR");
	assert_string_equal(parse("Turkiye"), "TUR");
	assert_string_equal(parse("Turkey"), "TUR");
	assert_string_equal(parse("Rep. of Korea"), "KOR");
	assert_string_equal(parse("Viet Nam"), "VNM");
	assert_string_equal(parse("Burma"), "MMR");
	assert_string_equal(parse("Cote d'Ivoire"), "CIV");
	/* numbers: M49 first, then Comtrade and BACI codes */
	assert_string_equal(parse("840"), "USA");
	assert_string_equal(parse("842"), "USA");
	assert_string_equal(parse("251"), "FRA");
	assert_string_equal(parse("381"), "ITA");
	assert_string_equal(parse("579"), "NOR");
	assert_string_equal(parse("757"), "CHE");
	assert_string_equal(parse("699"), "IND");
	assert_string_equal(parse("356"), "IND");
	assert_string_equal(parse("004"), "AFG");
	assert_string_equal(parse("4"), "AFG");
	/* special and historical entries */
	assert_string_equal(parse("0"), "WLD");
	assert_string_equal(parse("W00"), "WLD");
	assert_string_equal(parse("97"), "EUU");
	assert_string_equal(parse("899"), "XAN");
	assert_string_equal(parse("490"), "S19");
	assert_string_equal(parse("810"), "SUN");
	assert_string_equal(parse("890"), "YUG");
	assert_string_equal(parse("200"), "CSK");
	assert_string_equal(parse("278"), "DDR");
	assert_string_equal(parse("891"), "SCG");
	assert_string_equal(parse("530"), "ANT");
	assert_string_equal(parse("58"), "BLX");
	/* rejected */
	assert_null(parse(""));
	assert_null(parse("   "));
	assert_null(parse("Atlantis"));
	assert_null(parse("XX"));
	assert_null(parse("99999"));
	assert_null(parse("1"));
	assert_null(parse("-840"));
	assert_null(parse("RUSS"));
}

static void
test_not_nul_terminated(void **state)
{
	uint16_t	code;
	const char	buf[] = {'F', 'R', 'A', 'N', 'C', 'E'};

	(void) state;
	assert_int_equal(re_country_parse(buf, 3, &code), RE_OK);
	assert_string_equal(re_country_by_code(code)->alpha3, "FRA");
	assert_int_equal(re_country_parse(buf, 2, &code), RE_OK);
	assert_string_equal(re_country_by_code(code)->alpha3, "FRA");
	assert_int_equal(re_country_parse(buf, 5, &code), RE_UNRECOGNIZED);
}

static void
test_table_invariants(void **state)
{
	(void) state;
	assert_true(re_country_count > 250);
	for (uint32_t i = 0; i < re_country_count; i++)
	{
		const re_country *c = &re_countries[i];

		/* sorted, and every entry's code finds it */
		if (i > 0)
			assert_true(strcmp(re_countries[i - 1].alpha3, c->alpha3) < 0);
		assert_ptr_equal(re_country_by_code(re_country_code(c)), c);
		/* no Comtrade or BACI code names another entry's M49 code */
		if (c->comtrade >= 0)
		{
			const re_country *o = re_country_from_number(c->comtrade, RE_SCHEME_M49);

			assert_true(o == NULL || o == c);
			assert_ptr_equal(re_country_from_number(c->comtrade, RE_SCHEME_COMTRADE), c);
		}
		if (c->baci >= 0)
		{
			const re_country *o = re_country_from_number(c->baci, RE_SCHEME_M49);

			assert_true(o == NULL || o == c);
		}
		if (c->m49 >= 0)
			assert_ptr_equal(re_country_from_number(c->m49, RE_SCHEME_M49), c);
		/* every name key parses back to its entry */
	}
	for (uint32_t i = 0; i < re_country_key_count; i++)
	{
		const re_country_key *k = &re_country_keys[i];
		uint16_t	code;

		if (i > 0)
			assert_true(strcmp(re_country_keys[i - 1].key, k->key) < 0);
		assert_int_equal(re_country_parse(k->key, strlen(k->key), &code), RE_OK);
		assert_int_equal(code, re_country_code(&re_countries[k->entry]));
	}
}

static void
test_codes_and_eu(void **state)
{
	const re_country *usa = re_country_from_number(840, RE_SCHEME_M49);
	const re_country *gbr = re_country_from_number(826, RE_SCHEME_M49);
	const re_country *hrv = re_country_from_number(191, RE_SCHEME_M49);
	const re_country *deu = re_country_from_number(276, RE_SCHEME_M49);
	const re_country *twn = re_country_from_number(158, RE_SCHEME_M49);
	const re_country *grl = re_country_from_number(304, RE_SCHEME_M49);
	const re_country *myt = re_country_from_number(175, RE_SCHEME_M49);
	const re_country *reu = re_country_from_number(638, RE_SCHEME_M49);

	(void) state;
	assert_int_equal(usa->comtrade, 842);
	/* Comtrade's partner list also names the USA by its M49 code 840 */
	assert_ptr_equal(re_country_from_number(840, RE_SCHEME_COMTRADE), usa);
	assert_ptr_equal(re_country_from_number(381, RE_SCHEME_BACI), re_country_from_number(380, RE_SCHEME_M49));
	assert_int_equal(twn->comtrade, -1);
	assert_false(re_country_eu_member(usa, 2000));
	assert_false(re_country_eu_member(gbr, 1972));
	assert_true(re_country_eu_member(gbr, 1973));
	assert_true(re_country_eu_member(gbr, 2019));
	assert_false(re_country_eu_member(gbr, 2020));
	assert_false(re_country_eu_member(hrv, 2012));
	assert_true(re_country_eu_member(hrv, 2013));
	assert_false(re_country_eu_member(deu, 1957));
	assert_true(re_country_eu_member(deu, 1958));
	assert_true(re_country_eu_member(deu, 2024));
	/* Greenland: EEC from 1973, left on 1 February 1985 (Greenland Treaty) */
	assert_false(re_country_eu_member(grl, 1972));
	assert_true(re_country_eu_member(grl, 1973));
	assert_true(re_country_eu_member(grl, 1984));
	assert_false(re_country_eu_member(grl, 1985));
	/* outermost regions: Reunion with France, Mayotte from 1 January 2014 */
	assert_true(re_country_eu_member(reu, 1958));
	assert_true(re_country_eu_member(reu, 2024));
	assert_false(re_country_eu_member(myt, 2013));
	assert_true(re_country_eu_member(myt, 2014));
}

/* Kosovo, the numbers Comtrade and BACI publish beside an entry's own
 * (legacy comtrade.un.org, historical entities), and the refused ones */
static void
test_extra_codes(void **state)
{
	const re_country *ita = re_country_from_number(380, RE_SCHEME_M49);
	const re_country *xkx = re_country_from_number(412, RE_SCHEME_COMTRADE);

	(void) state;
	/* Kosovo: ISO user-assigned XKX/XK, Comtrade partner 412, no M49 or BACI code */
	assert_non_null(xkx);
	assert_string_equal(xkx->alpha3, "XKX");
	assert_string_equal(parse("XK"), "XKX");
	assert_string_equal(parse("Kosovo"), "XKX");
	assert_string_equal(parse("412"), "XKX");
	assert_int_equal(xkx->m49, -1);
	assert_int_equal(xkx->baci, -1);
	assert_false(xkx->aggregate);
	/* Italy: 380 in today's Comtrade API and BACI V202501; 381 on the legacy site and in older BACI */
	assert_int_equal(ita->comtrade, 380);
	assert_int_equal(ita->baci, 380);
	assert_ptr_equal(re_country_from_number(381, RE_SCHEME_COMTRADE), ita);
	assert_ptr_equal(re_country_from_number(381, RE_SCHEME_BACI), ita);
	/* historical numbers read as the entry whose ISO code Comtrade gives them */
	assert_string_equal(re_country_from_number(841, RE_SCHEME_COMTRADE)->alpha3, "USA");
	assert_string_equal(re_country_from_number(280, RE_SCHEME_COMTRADE)->alpha3, "DEU");
	assert_string_equal(re_country_from_number(280, RE_SCHEME_BACI)->alpha3, "DEU");
	assert_string_equal(re_country_from_number(736, RE_SCHEME_BACI)->alpha3, "SDN");
	assert_string_equal(re_country_from_number(532, RE_SCHEME_COMTRADE)->alpha3, "ANT");
	assert_string_equal(parse("841"), "USA");
	/* an entry's own code is unchanged by its extra numbers */
	assert_int_equal(re_country_from_number(841, RE_SCHEME_COMTRADE)->comtrade, 842);
	/* ISO 3166-3 entries and Comtrade's "nes" areas (aggregates) */
	assert_string_equal(re_country_from_number(866, RE_SCHEME_COMTRADE)->alpha3, "VDR");
	assert_string_equal(re_country_from_number(849, RE_SCHEME_BACI)->alpha3, "PUS");
	assert_true(re_country_from_number(568, RE_SCHEME_COMTRADE)->aggregate);
	assert_true(re_country_from_number(697, RE_SCHEME_BACI)->aggregate);
	assert_true(re_country_from_number(837, RE_SCHEME_COMTRADE)->aggregate);
	/* refused numbers: no entry, a reason; other numbers have none */
	assert_null(re_country_from_number(459, RE_SCHEME_COMTRADE));
	assert_non_null(re_country_refusal_reason(459, RE_SCHEME_COMTRADE));
	assert_non_null(strstr(re_country_refusal_reason(459, RE_SCHEME_COMTRADE), "Malaysia"));
	assert_null(re_country_refusal_reason(459, RE_SCHEME_BACI));
	assert_null(re_country_refusal_reason(842, RE_SCHEME_COMTRADE));
	assert_null(re_country_refusal_reason(-1, RE_SCHEME_COMTRADE));
	assert_null(parse("459"));
	/* 492: Monaco in M49, Comtrade's "Europe EU, nes": refused as a Comtrade code only */
	assert_string_equal(parse("492"), "MCO");
	assert_null(re_country_from_number(492, RE_SCHEME_COMTRADE));
	assert_non_null(re_country_refusal_reason(492, RE_SCHEME_COMTRADE));
	assert_int_equal(re_country_from_number(492, RE_SCHEME_M49)->comtrade, -1);
}

static void
test_binary(void **state)
{
	uint8_t		buf[RE_COUNTRY_ENCODED_SIZE + 1];
	uint16_t	code,
				back;

	(void) state;
	for (uint32_t i = 0; i < re_country_count; i++)
	{
		code = re_country_code(&re_countries[i]);
		re_country_encode(code, buf);
		assert_int_equal(buf[0], RE_COUNTRY_VERSION);
		assert_int_equal(re_country_decode(buf, RE_COUNTRY_ENCODED_SIZE, &back), RE_OK);
		assert_int_equal(back, code);
	}
	memcpy(buf, "\001USA!", 5);
	assert_int_equal(re_country_decode(buf, 5, &back), RE_TRAILING);
	assert_int_equal(re_country_decode(buf, 3, &back), RE_TRUNCATED);
	assert_int_equal(re_country_decode(buf, 0, &back), RE_TRUNCATED);
	memcpy(buf, "\002USA", 4);
	assert_int_equal(re_country_decode(buf, 4, &back), RE_BAD_VERSION);
	memcpy(buf, "\001usa", 4);
	assert_int_equal(re_country_decode(buf, 4, &back), RE_UNRECOGNIZED);
	memcpy(buf, "\001QQQ", 4);
	assert_int_equal(re_country_decode(buf, 4, &back), RE_UNRECOGNIZED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_forms),
		cmocka_unit_test(test_not_nul_terminated),
		cmocka_unit_test(test_table_invariants),
		cmocka_unit_test(test_codes_and_eu),
		cmocka_unit_test(test_extra_codes),
		cmocka_unit_test(test_binary),
	};

	return cmocka_run_group_tests_name("country", tests, NULL, teardown);
}
