/*
 * fuzz_json_text.c — the core of the summary types' JSON text input.
 *
 * What src/json_numbers.c does with the text it is given is in the core and
 * fuzzed here on its own, against independent references:
 * re_parse_number for every value, and re_traj_parse_year for trajectory
 * keys.  src/json_numbers.c itself, with PostgreSQL's JSON parser and the
 * types' text input and output, is fuzzed by fuzz_json_numbers.c.
 *
 * Properties, against strtod and printf as independent references:
 *  - an accepted number is finite, never -0, and equal to strtod's reading
 *    of the whole text; it survives its text form bit for bit;
 *  - RE_OVERFLOW is strtod's Infinity, RE_UNDERFLOW strtod's 0 for a text
 *    with a nonzero digit before its exponent; an accepted 0 has none;
 *  - anything not RE_UNRECOGNIZED is made of JSON number characters only,
 *    starts with '-' or a digit and is read whole by strtod;
 *  - an accepted year key is exactly what printf("%lld") writes for it.
 */
#include <assert.h>
#include <math.h>

#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* a digit 1-9 before any exponent */
static bool
nonzero_significand(const char *s)
{
	for (; *s && *s != 'e' && *s != 'E'; s++)
		if (*s >= '1' && *s <= '9')
			return true;
	return false;
}

static void
check_number(const char *s)
{
	double		v = 0;
	re_status	st = re_parse_number(s, &v);
	char	   *end;
	double		ref;

	if (st == RE_UNRECOGNIZED)
		return;
	assert(st == RE_OK || st == RE_OVERFLOW || st == RE_UNDERFLOW);
	assert(s[0] == '-' || (s[0] >= '0' && s[0] <= '9'));
	assert(strspn(s, "0123456789+-.eE") == strlen(s));
	ref = strtod(s, &end);
	assert(*end == '\0');
	if (st == RE_OVERFLOW)
		assert(isinf(ref));
	else if (st == RE_UNDERFLOW)
		assert(ref == 0 && nonzero_significand(s));
	else
	{
		assert(isfinite(v) && v == ref && !(v == 0 && signbit(v)));
		assert(v != 0 || !nonzero_significand(s));
		(void) fz_number_via_text(v);
	}
}

static void
check_year(const char *s, size_t len)
{
	int64_t		year;
	char		buf[32];

	if (!re_traj_parse_year(s, len, &year))
		return;
	assert((size_t) snprintf(buf, sizeof(buf), "%lld", (long long) year) == len);
	assert(memcmp(buf, s, len) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* exactly size + 1 bytes, so ASan catches a read past the NUL */
	char	   *s = malloc(size + 1);

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	check_number(s);
	check_year(s, strlen(s));
	free(s);
	return 0;
}
