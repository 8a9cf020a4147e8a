/* fuzz.h — a malloc allocator whose blocks are freed after each input. */
#ifndef RAREEARTH_FUZZ_H
#define RAREEARTH_FUZZ_H

#include <stdlib.h>
#include <string.h>

#include "rareearth_core.h"

static void *fz_ptrs[1 << 16];
static size_t fz_n;

static void *
fz_alloc(void *ctx, size_t size)
{
	void	   *p;

	(void) ctx;
	if (fz_n == sizeof(fz_ptrs) / sizeof(fz_ptrs[0]) || size > ((size_t) 1 << 28))
		return NULL;
	p = malloc(size ? size : 1);
	if (p)
		fz_ptrs[fz_n++] = p;
	return p;
}

static void
fz_release(void)
{
	while (fz_n > 0)
		free(fz_ptrs[--fz_n]);
}

static const re_allocator fz_allocator = {fz_alloc, NULL, NULL};

#endif
