/*
 * csv.c — records of a CSV file (RFC 4180, https://www.rfc-editor.org/rfc/rfc4180),
 * read field by field into a caller's buffer.
 *
 * What the files of the USGS MCS data releases need (data/usgs/usgs_mcs_format.md):
 * fields separated by commas; a field in double quotes may hold commas,
 * line breaks and doubled quotes (""); records end with CRLF, LF or a lone CR.
 * Like Python's csv module (which test/scripts checks the loads against),
 * text after a closing quote is kept ("ab"c reads abc) and a quote inside an
 * unquoted field is an ordinary character; an empty line is a record of one
 * empty field.  A quoted field still open at the end of the input is
 * RE_TRUNCATED: the record boundaries after it cannot be known.
 */
#include "rareearth_core.h"

void
re_csv_init(re_csv *c, const char *buf, size_t len)
{
	c->buf = buf;
	c->len = len;
	c->pos = 0;
	c->line = 1;
	c->max_record = 0;
	c->record_start = 0;
}

bool
re_csv_done(const re_csv *c)
{
	return c->pos >= c->len;
}

/* after a CR or LF at pos: step over it (CRLF as one) and count the line */
static void
skip_line_end(re_csv *c)
{
	if (c->buf[c->pos] == '\r' && c->pos + 1 < c->len && c->buf[c->pos + 1] == '\n')
		c->pos++;
	c->pos++;
	c->line++;
}

re_status
re_csv_field(re_csv *c, char *out, size_t *out_len, bool *last)
{
	size_t		n = 0;
	bool		quoted = false;

	*out_len = 0;
	*last = true;
	if (c->pos < c->len && c->buf[c->pos] == '"')
	{
		if (c->max_record > 0 && c->pos + 1 - c->record_start > c->max_record)
			return RE_TOO_LARGE;
		quoted = true;
		c->pos++;
	}
	while (c->pos < c->len)
	{
		char		ch = c->buf[c->pos];
		/* the bytes this step reads: 2 for a doubled quote or a CRLF */
		size_t		step = c->pos + 1 < c->len &&
			((quoted && ch == '"' && c->buf[c->pos + 1] == '"') ||
			 (ch == '\r' && c->buf[c->pos + 1] == '\n')) ? 2 : 1;

		re_check_interrupts_step(c->pos, step);
		if (c->max_record > 0 && c->pos + step - c->record_start > c->max_record)
			return RE_TOO_LARGE;

		if (quoted)
		{
			if (ch == '"')
			{
				if (c->pos + 1 < c->len && c->buf[c->pos + 1] == '"')
				{
					out[n++] = '"';
					c->pos += 2;
					continue;
				}
				quoted = false;	/* closing quote; what follows up to the separator is kept */
				c->pos++;
				continue;
			}
			if (ch == '\r' || ch == '\n')
			{
				/* a line break inside the field: kept as printed, counted as a line */
				if (ch == '\r' && c->pos + 1 < c->len && c->buf[c->pos + 1] == '\n')
					out[n++] = c->buf[c->pos++];
				out[n++] = c->buf[c->pos++];
				c->line++;
				continue;
			}
			out[n++] = ch;
			c->pos++;
			continue;
		}
		if (ch == ',')
		{
			c->pos++;
			*last = false;
			*out_len = n;
			return RE_OK;
		}
		if (ch == '\r' || ch == '\n')
		{
			skip_line_end(c);
			c->record_start = c->pos;
			*out_len = n;
			return RE_OK;
		}
		out[n++] = ch;
		c->pos++;
	}
	c->record_start = c->pos;
	*out_len = n;
	return quoted ? RE_TRUNCATED : RE_OK;
}
