/*
 * hscode.c — Harmonized System codes: parsing, formatting, hierarchy and the
 * binary form.  Encoding (see rareearth_core.h): padded digits * 8 + level,
 * level = ndigits / 2 - 1 (0..4), so integer order is the hierarchy's
 * depth-first order.
 */
#include "rareearth_core.h"

static const int64_t pow10_table[11] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
	1000000000, INT64_C(10000000000)
};

static int64_t
make(int64_t digits, int ndigits)
{
	return digits * pow10_table[RE_HS_MAX_DIGITS - ndigits] * 8 + (ndigits / 2 - 1);
}

int
re_hs_ndigits(int64_t v)
{
	return (int) (v % 8) * 2 + 2;
}

/* the code's own digits as an integer, e.g. 284690 */
static int64_t
own_digits(int64_t v)
{
	return (v / 8) / pow10_table[RE_HS_MAX_DIGITS - re_hs_ndigits(v)];
}

bool
re_hs_valid(int64_t v)
{
	int64_t		padded;
	int			n;

	if (v < 0 || v % 8 > 4)
		return false;
	padded = v / 8;
	n = re_hs_ndigits(v);
	if (padded >= pow10_table[RE_HS_MAX_DIGITS])
		return false;
	/* digits beyond the code's length are zero; chapter 00 does not exist */
	if (padded % pow10_table[RE_HS_MAX_DIGITS - n] != 0)
		return false;
	return padded >= pow10_table[RE_HS_MAX_DIGITS - 2];
}

/*
 * Digits with optional dots after the 4th, 6th or 8th digit ('2846.90',
 * '2846.90.20', China's '2530.9020'); 2, 4, 6, 8 or 10 digits in all.
 */
re_status
re_hs_parse(const char *s, size_t len, int64_t *out)
{
	int64_t		digits = 0;
	int			n = 0;
	bool		last_dot = false;

	while (len > 0 && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	for (size_t i = 0; i < len; i++)
	{
		char		c = s[i];

		if (c >= '0' && c <= '9')
		{
			if (n == RE_HS_MAX_DIGITS)
				return RE_UNRECOGNIZED;
			digits = digits * 10 + (c - '0');
			n++;
			last_dot = false;
		}
		else if (c == '.' && !last_dot && (n == 4 || n == 6 || n == 8))
			last_dot = true;
		else
			return RE_UNRECOGNIZED;
	}
	if (last_dot || n == 0 || n % 2 != 0)
		return RE_UNRECOGNIZED;
	if (digits < pow10_table[n - 2])
		return RE_UNRECOGNIZED;	/* chapter 00 */
	*out = make(digits, n);
	return RE_OK;
}

uint32_t
re_hs_format(int64_t v, char *buf11)
{
	int			n = re_hs_ndigits(v);
	int64_t		d = own_digits(v);

	for (int i = n - 1; i >= 0; i--)
	{
		buf11[i] = (char) ('0' + d % 10);
		d /= 10;
	}
	buf11[n] = '\0';
	return (uint32_t) n;
}

bool
re_hs_truncate(int64_t v, int ndigits, int64_t *out)
{
	int			n = re_hs_ndigits(v);

	if (ndigits > n || ndigits < 2 || ndigits % 2 != 0)
		return false;
	*out = make(own_digits(v) / pow10_table[n - ndigits], ndigits);
	return true;
}

void
re_hs_range(int64_t v, int64_t *lo, int64_t *hi)
{
	int			n = re_hs_ndigits(v);
	int64_t		span = pow10_table[RE_HS_MAX_DIGITS - n];

	*lo = v;
	/* the last 10-digit code under v */
	*hi = ((v / 8) + span - 1) * 8 + (RE_HS_MAX_DIGITS / 2 - 1);
}

bool
re_hs_contains(int64_t outer, int64_t inner)
{
	int64_t		lo,
				hi;

	re_hs_range(outer, &lo, &hi);
	return inner >= lo && inner <= hi;
}

void
re_hs_encode(int64_t v, uint8_t *out)
{
	out = re_put_u8(out, RE_HS_VERSION);
	out = re_put_u8(out, (uint8_t) re_hs_ndigits(v));
	re_put_i64(out, own_digits(v));
}

re_status
re_hs_decode(const uint8_t *buf, size_t len, int64_t *out)
{
	re_reader	r = {buf, len, true};
	uint8_t		version = re_get_u8(&r);
	uint8_t		n = re_get_u8(&r);
	int64_t		digits = re_get_i64(&r);

	if (!r.ok)
		return RE_TRUNCATED;
	if (version != RE_HS_VERSION)
		return RE_BAD_VERSION;
	if (r.left != 0)
		return RE_TRAILING;
	if (n < 2 || n > RE_HS_MAX_DIGITS || n % 2 != 0)
		return RE_OUT_OF_RANGE;
	if (digits < pow10_table[n - 2] || digits >= pow10_table[n])
		return RE_OUT_OF_RANGE;
	*out = make(digits, n);
	return RE_OK;
}
