/*
 * country.c — the country vocabulary: packing of country codes, parsing of
 * codes and names, lookups by M49 / Comtrade / BACI code, EU membership and
 * the binary form.  The table itself is generated (country_table.c).
 */
#include <string.h>

#include "rareearth_core.h"

/* 0-9 -> 0-9, A-Z -> 10-35; -1 otherwise */
static int
code_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	return -1;
}

/* base-36 packing of a 3-character code; false when a character is not 0-9/A-Z */
static bool
pack(const char *s, uint16_t *out)
{
	int			v = 0;

	for (int i = 0; i < 3; i++)
	{
		int			d = code_digit(s[i]);

		if (d < 0)
			return false;
		v = v * 36 + d;
	}
	*out = (uint16_t) v;
	return true;
}

uint16_t
re_country_code(const re_country *c)
{
	uint16_t	code = 0;

	(void) pack(c->alpha3, &code);	/* the generator admits only 0-9/A-Z */
	return code;
}

/* binary search: the table is sorted by alpha-3, i.e. by packed code */
const re_country *
re_country_by_code(uint16_t code)
{
	uint32_t	lo = 0,
				hi = re_country_count;

	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;
		uint16_t	c = re_country_code(&re_countries[mid]);

		if (c == code)
			return &re_countries[mid];
		if (c < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static const re_country *
find_number(const re_country_num *idx, uint32_t n, int64_t number)
{
	uint32_t	lo = 0,
				hi = n;

	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (idx[mid].code == number)
			return &re_countries[idx[mid].entry];
		if (idx[mid].code < number)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const re_country *
re_country_from_number(int64_t number, re_country_scheme scheme)
{
	switch (scheme)
	{
		case RE_SCHEME_M49:
			return find_number(re_country_m49, re_country_m49_count, number);
		case RE_SCHEME_COMTRADE:
			return find_number(re_country_comtrade, re_country_comtrade_count, number);
		case RE_SCHEME_BACI:
			return find_number(re_country_baci, re_country_baci_count, number);
	}
	return NULL;
}

/* a short list (a few historical territories): a scan is enough */
const char *
re_country_refusal_reason(int64_t number, re_country_scheme scheme)
{
	for (uint32_t i = 0; i < re_country_refusal_count; i++)
		if (re_country_refusals[i].scheme == scheme && re_country_refusals[i].code == number)
			return re_country_refusals[i].reason;
	return NULL;
}

/* compare a stored (folded) key with input folded on the fly */
static int
key_cmp(const char *key, const char *s, size_t len)
{
	size_t		i;

	for (i = 0; i < len; i++)
	{
		unsigned char a = (unsigned char) key[i];
		unsigned char b = (unsigned char) s[i];

		if (b >= 'A' && b <= 'Z')
			b = (unsigned char) (b - 'A' + 'a');
		if (a == '\0')
			return -1;
		if (a != b)
			return a < b ? -1 : 1;
	}
	return key[i] == '\0' ? 0 : 1;
}

static bool
all_digits(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

re_status
re_country_parse(const char *s, size_t len, uint16_t *code)
{
	uint32_t	lo = 0,
				hi = re_country_key_count;

	while (len > 0 && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0)
		return RE_UNRECOGNIZED;

	/* a number: M49, then Comtrade, then BACI (the generator checked they agree) */
	if (len <= 4 && all_digits(s, len))
	{
		int64_t		v = 0;
		const re_country *c;

		for (size_t i = 0; i < len; i++)
			v = v * 10 + (s[i] - '0');
		if ((c = re_country_from_number(v, RE_SCHEME_M49)) == NULL &&
			(c = re_country_from_number(v, RE_SCHEME_COMTRADE)) == NULL)
			c = re_country_from_number(v, RE_SCHEME_BACI);
		if (c == NULL)
			return RE_UNRECOGNIZED;
		*code = re_country_code(c);
		return RE_OK;
	}

	/* a code or a name */
	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;
		int			c = key_cmp(re_country_keys[mid].key, s, len);

		if (c == 0)
		{
			*code = re_country_code(&re_countries[re_country_keys[mid].entry]);
			return RE_OK;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return RE_UNRECOGNIZED;
}

bool
re_country_eu_member(const re_country *c, int32_t year)
{
	if (c->eu_from == 0 || year < c->eu_from)
		return false;
	return c->eu_until == 0 || year <= c->eu_until;
}

void
re_country_encode(uint16_t code, uint8_t *out)
{
	const re_country *c = re_country_by_code(code);

	out[0] = RE_COUNTRY_VERSION;
	memcpy(out + 1, c ? c->alpha3 : "???", 3);
}

re_status
re_country_decode(const uint8_t *buf, size_t len, uint16_t *code)
{
	re_reader	r = {buf, len, true};
	uint8_t		version = re_get_u8(&r);
	const uint8_t *letters = re_get_bytes(&r, 3);
	uint16_t	packed;

	if (!r.ok)
		return RE_TRUNCATED;
	if (version != RE_COUNTRY_VERSION)
		return RE_BAD_VERSION;
	if (r.left != 0)
		return RE_TRAILING;
	/* upper case only: the binary form is canonical */
	for (int i = 0; i < 3; i++)
		if (!((letters[i] >= '0' && letters[i] <= '9') || (letters[i] >= 'A' && letters[i] <= 'Z')))
			return RE_UNRECOGNIZED;
	if (!pack((const char *) letters, &packed) || re_country_by_code(packed) == NULL)
		return RE_UNRECOGNIZED;
	*code = packed;
	return RE_OK;
}
