/* unit.h — what every core unit test includes: cmocka and a malloc allocator. */
#ifndef RAREEARTH_UNIT_H
#define RAREEARTH_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "rareearth_core.h"

/*
 * Tests allocate from a list so that everything is freed at teardown and
 * LeakSanitizer stays quiet without per-call frees.
 */
typedef struct unit_pool
{
	void	  **ptrs;
	size_t		n,
				cap;
} unit_pool;

static inline void *
unit_alloc(void *ctx, size_t size)
{
	unit_pool  *p = ctx;
	void	   *m;

	if (p->n == p->cap)
	{
		size_t		cap = p->cap ? p->cap * 2 : 64;
		void	  **np = realloc(p->ptrs, cap * sizeof(void *));

		if (np == NULL)
			return NULL;
		p->ptrs = np;
		p->cap = cap;
	}
	m = malloc(size ? size : 1);
	if (m)
		p->ptrs[p->n++] = m;
	return m;
}

static inline void
unit_pool_free(unit_pool *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->ptrs[i]);
	free(p->ptrs);
	p->ptrs = NULL;
	p->n = p->cap = 0;
}

static inline re_allocator
unit_allocator(unit_pool *p)
{
	re_allocator a = {unit_alloc, NULL, p, NULL};

	return a;
}

/*
 * Every test file's pool and the teardown that empties it after each test
 * (cmocka_unit_test_teardown(test, teardown)); unused in files whose code
 * allocates nothing.
 */
static unit_pool pool __attribute__((unused));

static int	__attribute__((unused))
teardown(void **state)
{
	(void) state;
	unit_pool_free(&pool);
	return 0;
}

/* a deterministic shuffle (xorshift), one sequence per test file */
static uint64_t unit_rng = 88172645463325252ULL;

static inline uint32_t
next_rand(uint32_t n)
{
	unit_rng ^= unit_rng << 13;
	unit_rng ^= unit_rng >> 7;
	unit_rng ^= unit_rng << 17;
	return (uint32_t) (unit_rng % n);
}

#define assert_close(a, b, tol) assert_true(fabs((double) (a) - (double) (b)) <= (tol))

#endif
