/*
 * fuzz_csv.c — the CSV record reader (load_usgs_mcs_file feeds it every
 * downloaded file).  Properties: it never reads or writes past its buffers;
 * every call makes progress, so reading ends; a field is never longer than
 * the input; an accepted input's fields, written back in RFC 4180 form
 * (every field quoted, quotes doubled) and read again, give the same fields.
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
	free(copy);
	free(first);
	free(second);
	return 0;
}
