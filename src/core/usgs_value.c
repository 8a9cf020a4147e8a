/*
 * usgs_value.c — one value cell of a USGS Mineral Commodity Summaries table
 * or data-release CSV, as printed, into a number and a qualifier.
 *
 * The tokens and their meanings are the MCS legend ("— Zero", "W Withheld
 * to avoid disclosing company proprietary data", "NA Not available", "E Net
 * exporter", "XX Not applicable", "e Estimated", and "s", which the 2026
 * data release explains in the row's notes as "Less than ½ unit."); the
 * byte-level traps (cp1252 em dash, no-break spaces, thousands separators,
 * ranges and words in Value) are documented in data/usgs/usgs_mcs_format.md.
 */
#include <stdlib.h>
#include <string.h>

#include "rareearth_core.h"

/* Digits kept for strtod: enough for any printed USGS figure. */
#define MAX_NUMBER_CHARS 40

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_ascii_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_ascii_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Length of the no-break space at p (0xA0 in cp1252, C2 A0 in UTF-8), or 0. */
static size_t
nbsp_at(const unsigned char *p, size_t left)
{
	if (left >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
		return 2;
	if (left >= 1 && p[0] == 0xA0)
		return 1;
	return 0;
}

static bool
equals(const unsigned char *p, size_t len, const char *token)
{
	return len == strlen(token) && memcmp(p, token, len) == 0;
}

/* The em dash printed for zero: cp1252 0x97, UTF-8 U+2014, or U+0097 (cp1252 read as Latin-1). */
static bool
is_em_dash(const unsigned char *p, size_t len)
{
	return (len == 1 && p[0] == 0x97) ||
		(len == 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x94) ||
		(len == 2 && p[0] == 0xC2 && p[1] == 0x97);
}

/* A range separator at p: '-', the en dash (cp1252 0x96, UTF-8 U+2013) or "to". */
static bool
range_separator_at(const unsigned char *p, size_t left)
{
	return (left >= 1 && (p[0] == '-' || p[0] == 0x96)) ||
		(left >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x93) ||
		(left >= 2 && p[0] == 't' && p[1] == 'o');
}

static re_status
refuse(re_usgs_value *out, const char *reason)
{
	out->reason = reason;
	return RE_UNRECOGNIZED;
}

static re_status
code_only(re_usgs_value *out, const char *code)
{
	out->has_value = false;
	strcpy(out->qualifier, code);
	return RE_OK;
}

/* codes printed instead of a number (MCS legend) */
static const char *const codes[] = {"W", "NA", "E", "XX"};

re_status
re_usgs_value_parse(const char *text, size_t len, re_usgs_value *out)
{
	const unsigned char *p = (const unsigned char *) text;
	const unsigned char *end;
	char		digits[MAX_NUMBER_CHARS + 1];
	size_t		ndigits = 0;
	bool		negative = false;

	memset(out, 0, sizeof(*out));

	/* trim spaces and no-break spaces at both ends */
	for (;;)
	{
		size_t		nb;

		if (len > 0 && is_ascii_space(p[0]))
		{
			p++;
			len--;
		}
		else if ((nb = nbsp_at(p, len)) > 0)
		{
			p += nb;
			len -= nb;
		}
		else
			break;
	}
	while (len > 0)
	{
		unsigned char last = p[len - 1];

		if (is_ascii_space(last))
			len--;
		else if (last == 0xA0 && len >= 2 && p[len - 2] == 0xC2)
			len -= 2;
		/* a lone 0xA0 after ASCII is cp1252's no-break space, not part of a UTF-8 character */
		else if (last == 0xA0 && (len == 1 || p[len - 2] < 0x80))
			len--;
		else
			break;
	}

	if (len == 0)
		return refuse(out, "The cell is empty.");
	if (is_em_dash(p, len))
	{
		out->has_value = true;
		out->value = 0;
		return RE_OK;
	}
	for (int i = 0; i < (int) (sizeof(codes) / sizeof(codes[0])); i++)
		if (equals(p, len, codes[i]))
			return code_only(out, codes[i]);
	if (equals(p, len, "s"))
	{
		/* "Less than ½ unit": an upper bound of 0.5 in the row's unit */
		out->has_value = true;
		out->value = 0.5;
		strcpy(out->qualifier, "<");
		return RE_OK;
	}

	end = p + len;
	if (*p == '>' || *p == '<')
	{
		out->qualifier[0] = (char) *p;
		p++;
		while (p < end && is_ascii_space(*p))
			p++;
	}
	else if (*p == '-' && p + 1 < end && is_digit(p[1]))
	{
		negative = true;
		p++;
	}

	if (p == end)
		return refuse(out, "A bound sign is not followed by a number.");
	if (!is_digit(*p))
	{
		if (is_ascii_letter(*p))
			return refuse(out, "The cell holds a word, not a number.");
		return refuse(out, "The cell starts with a character that is not part of a number.");
	}

	/* integer part: plain digits, or groups of three after a first group of one to three */
	{
		const unsigned char *start = p;
		bool		grouped = false;

		while (p < end && is_digit(*p))
			p++;
		if (p < end && *p == ',')
		{
			if (p - start > 3)
				return refuse(out, "A thousands separator is misplaced.");
			grouped = true;
		}
		for (const unsigned char *q = start; q < p; q++)
		{
			if (ndigits == MAX_NUMBER_CHARS)
				return refuse(out, "The number has too many digits.");
			digits[ndigits++] = (char) *q;
		}
		while (grouped && p < end && *p == ',')
		{
			p++;
			for (int i = 0; i < 3; i++, p++)
			{
				if (p == end || !is_digit(*p))
					return refuse(out, "A thousands separator is misplaced.");
				if (ndigits == MAX_NUMBER_CHARS)
					return refuse(out, "The number has too many digits.");
				digits[ndigits++] = (char) *p;
			}
			if (p < end && is_digit(*p))
				return refuse(out, "A thousands separator is misplaced.");
		}
	}
	if (p < end && *p == '.')
	{
		p++;
		if (p == end || !is_digit(*p))
			return refuse(out, "A decimal point is not followed by a digit.");
		if (ndigits == MAX_NUMBER_CHARS)
			return refuse(out, "The number has too many digits.");
		digits[ndigits++] = '.';
		while (p < end && is_digit(*p))
		{
			if (ndigits == MAX_NUMBER_CHARS)
				return refuse(out, "The number has too many digits.");
			digits[ndigits++] = (char) *p++;
		}
	}
	if (p < end && *p == 'e' && p + 1 == end)
	{
		out->estimated = true;
		p++;
	}
	if (p < end)
	{
		const unsigned char *q = p;

		while (q < end && is_ascii_space(*q))
			q++;
		if (range_separator_at(q, (size_t) (end - q)))
			return refuse(out, "The cell holds a range, not a single value.");
		return refuse(out, "Unexpected text follows the number.");
	}

	digits[ndigits] = '\0';
	out->value = strtod(digits, NULL);	/* at most 40 digits: always finite */
	if (negative && out->value != 0)
		out->value = -out->value;
	out->has_value = true;
	return RE_OK;
}
