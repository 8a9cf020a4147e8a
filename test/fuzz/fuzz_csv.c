/*
 * fuzz_csv.c — the CSV record reader (load_usgs_mcs_file feeds it every
 * downloaded file).  Properties: it never reads or writes past its buffers;
 * every call makes progress, so reading ends; a field is never longer than
 * the input; an accepted input's fields, written back in RFC 4180 form
 * (every field quoted, quotes doubled) and read again, give the same fields;
 * with a bound on a record's bytes, a record is refused (RE_TOO_LARGE) where
 * it passes the bound, and every record read is within it.
 */
#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* the records of buf as fields, written back quoted into out; false on RE_TRUNCATED */
static bool
read_all(const char *buf, size_t len, char *out, size_t *out_len, size_t *fields)
{
	re_csv		c;
	char	   *field = malloc(len ? len : 1);
	size_t		o = 0;
	bool		ok = true;

	*fields = 0;
	re_csv_init(&c, buf, len);
	while (ok && !re_csv_done(&c))
	{
		bool		last = false;

		while (!last)
		{
			size_t		before = c.pos,
						n;

			if (re_csv_field(&c, field, &n, &last) != RE_OK)
			{
				ok = false;
				break;
			}
			assert(n <= len && c.pos <= len && (c.pos > before || (last && c.pos == len)));
			(*fields)++;
			out[o++] = '"';
			for (size_t i = 0; i < n; i++)
			{
				if (field[i] == '"')
					out[o++] = '"';
				out[o++] = field[i];
			}
			out[o++] = '"';
			out[o++] = last ? '\n' : ',';
		}
	}
	free(field);
	*out_len = o;
	return ok;
}

/* read buf with max_record = bound: records within it, refused at the bound */
static void
read_bounded(const char *buf, size_t len, size_t bound)
{
	re_csv		c;
	char	   *field = malloc(len ? len : 1);

	if (field == NULL)
		return;
	re_csv_init(&c, buf, len);
	c.max_record = bound;
	while (!re_csv_done(&c))
	{
		size_t		start = c.pos,
					n;
		bool		last = false;
		re_status	st = RE_OK;

		while (!last && (st = re_csv_field(&c, field, &n, &last)) == RE_OK)
			;
		if (st == RE_TOO_LARGE)
		{
			/* stopped before the step (1 or 2 bytes) that would pass the bound */
			assert(c.pos - start <= bound && c.pos - start + 2 > bound);
			break;
		}
		if (st != RE_OK)
			break;
		assert(c.pos - start <= bound);
	}
	free(field);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* private copies of exactly their size, so ASan catches any overread */
	char	   *copy = malloc(size ? size : 1);
	/* written back: each byte at most doubled, plus quotes and a separator per field */
	size_t		cap = 4 * size + 4;
	char	   *first = malloc(cap),
			   *second = malloc(cap);
	size_t		n1,
				n2,
				f1,
				f2;

	if (copy && first && second)
	{
		memcpy(copy, data, size);
		if (read_all(copy, size, first, &n1, &f1))
		{
			char	   *again = malloc(n1 ? n1 : 1);

			if (again)
			{
				memcpy(again, first, n1);
				assert(read_all(again, n1, second, &n2, &f2));
				assert(f1 == f2 && n1 == n2 && memcmp(first, second, n1) == 0);
				free(again);
			}
		}
	}
	if (copy)
		read_bounded(copy, size, 1 + size / 3);
	free(copy);
	free(first);
	free(second);
	return 0;
}
