/*
 * number.c — the numeric ground rules every summary shares: compensated sums
 * that report overflow instead of carrying Infinity or NaN, and the reading
 * of numbers from text with overflow and underflow as errors.
 */
#include <math.h>
#include <stdlib.h>

#include "rareearth_core.h"

static double
scaled_sum(const double *terms, size_t n, double scale)
{
	re_ksum		k = {0, 0};

	for (size_t i = 0; i < n; i++)
		re_ksum_add(&k, terms[i] * scale);
	return re_ksum_value(&k);
}

/*
 * First the plain compensated sum.  When it overflowed, every partial sum
 * is at most n times the largest term, so summing the terms scaled by 2^-s
 * with 2^s >= n cannot overflow; scaling by a power of two is exact except
 * for terms below 2^(s-1022), far under the rounding of a sum that came
 * near DBL_MAX.  Scaling back tells a true overflow from one that later
 * terms cancelled.
 */
bool
re_sum_finite(const double *terms, size_t n, double *out)
{
	double		v = scaled_sum(terms, n, 1.0);

	if (!isfinite(v))
	{
		int			s = 0;

		while (((size_t) 1 << s) < n)
			s++;
		v = ldexp(scaled_sum(terms, n, ldexp(1.0, -s)), s);
		if (!isfinite(v))
			return false;
	}
	*out = re_plus_zero(v);
	return true;
}

/*
 * The JSON number grammar, checked byte by byte; *nonzero says whether a
 * digit of the significand (before any exponent) is not 0.
 */
static bool
json_number_syntax(const char *s, bool *nonzero)
{
	const char *p = s;

	*nonzero = false;
	if (*p == '-')
		p++;
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
	{
		*nonzero = true;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	else
		return false;
	if (*p == '.')
	{
		p++;
		if (!(*p >= '0' && *p <= '9'))
			return false;
		for (; *p >= '0' && *p <= '9'; p++)
			if (*p != '0')
				*nonzero = true;
	}
	if (*p == 'e' || *p == 'E')
	{
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return *p == '\0';
}

re_status
re_parse_number(const char *s, double *out)
{
	bool		nonzero;
	double		v;

	if (!json_number_syntax(s, &nonzero))
		return RE_UNRECOGNIZED;
	/* the syntax is strtod's too, so strtod reads the whole text */
	v = strtod(s, NULL);
	if (!isfinite(v))
		return RE_OVERFLOW;
	if (v == 0 && nonzero)
		return RE_UNDERFLOW;
	*out = re_plus_zero(v);	/* "-0" is +0 */
	return RE_OK;
}
