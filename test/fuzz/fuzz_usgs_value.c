/*
 * fuzz_usgs_value.c — the USGS MCS value-cell parser (loaders feed it every
 * Value cell of a downloaded file).  Properties: it never reads past len;
 * an accepted cell has a finite value or a code and a known qualifier; a
 * refused cell has a reason.
 */
#include <assert.h>
#include <math.h>

#include "fuzz.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* a private copy of exactly size bytes, so ASan catches any overread */
	char	   *copy = malloc(size ? size : 1);
	re_usgs_value v;

	if (copy == NULL)
		return 0;
	memcpy(copy, data, size);
	if (re_usgs_value_parse(copy, size, &v) == RE_OK)
	{
		const char *q = v.qualifier;

		if (v.has_value)
			assert(isfinite(v.value) && !(v.value == 0 && signbit(v.value)) &&
				   (strcmp(q, "") == 0 || strcmp(q, ">") == 0 || strcmp(q, "<") == 0));
		else
			assert(strcmp(q, "W") == 0 || strcmp(q, "NA") == 0 || strcmp(q, "E") == 0 ||
				   strcmp(q, "XX") == 0);
	}
	else
		assert(v.reason != NULL && v.reason[0] != '\0');
	free(copy);
	return 0;
}
