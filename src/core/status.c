/*
 * status.c — English sentences (for errdetail) for the core's status codes (used in error
 * details; the glue picks the SQLSTATE and the primary message).
 */
#include "rareearth_core.h"

const char *
re_status_message(re_status st)
{
	switch (st)
	{
		case RE_OK:
			return "Ok.";
		case RE_ENOMEM:
			return "Out of memory.";
		case RE_NEGATIVE:
			return "Quantity is negative.";
		case RE_NONFINITE:
			return "Quantity is not finite.";
		case RE_BAD_VERSION:
			return "Unsupported format version.";
		case RE_TRUNCATED:
			return "Data is truncated.";
		case RE_TRAILING:
			return "Unexpected bytes after the end of the data.";
		case RE_DUPLICATE_KEY:
			return "Duplicate key.";
		case RE_UNSORTED:
			return "Entries are not in canonical order.";
		case RE_TOO_LARGE:
			return "Count or length exceeds the data.";
		case RE_BAD_KIND:
			return "Summaries have different key kinds.";
		case RE_OUT_OF_RANGE:
			return "Value out of range.";
		case RE_UNRECOGNIZED:
			return "Not a recognized code or name.";
		case RE_OVERFLOW:
			return "A value or sum is beyond the range of double precision.";
		case RE_UNDERFLOW:
			return "A nonzero number is too small for double precision and would round to 0.";
		case RE_NOT_CONVERGED:
			return "The iterative solution did not converge within its budget.";
	}
	return "Unknown status.";
}

/* ---------------------------------------------------------------------- */
/* Interrupts and sorting                                                  */
/* ---------------------------------------------------------------------- */

re_interrupt_hook re_interrupt = NULL;
uint32_t	re_interrupt_ticks = 0;

void
re_set_interrupt_hook(re_interrupt_hook hook)
{
	re_interrupt = hook;
}

/* copy one element of size bytes (a multiple of 8) */
static inline void
copy_elem(uint64_t *dst, const uint64_t *src, size_t words)
{
	for (size_t k = 0; k < words; k++)
		dst[k] = src[k];
}

#define SORT_RUN 16				/* runs this short are sorted by insertion first */

/*
 * The sort for one element size.  Always inlined, so that each call below
 * with a constant size gets copies of known length (qsort's speed; a copy
 * loop of variable length cost 15 % more on 3 M summary entries).
 */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline re_status
sort_words(uint64_t *a, size_t n, size_t words,
		   int (*cmp) (const void *a, const void *b), re_allocator alloc)
{
	uint64_t   *buf;
	uint64_t   *from,
			   *to;
	uint64_t	x[8];			/* insertion's element in hand: up to 64 bytes */
	uint64_t	done = 0;		/* elements placed, for the interrupt check */

	/* insertion sort of each run of SORT_RUN: cheap for the short runs */
	for (size_t lo = 0; lo < n; lo += SORT_RUN)
	{
		size_t		hi = lo + SORT_RUN < n ? lo + SORT_RUN : n;

		for (size_t i = lo + 1; i < hi; i++)
		{
			size_t		j = i;

			copy_elem(x, a + i * words, words);
			while (j > lo && cmp(a + (j - 1) * words, x) > 0)
			{
				copy_elem(a + j * words, a + (j - 1) * words, words);
				j--;
			}
			copy_elem(a + j * words, x, words);
		}
		re_check_interrupts_step(done, SORT_RUN);
		done += SORT_RUN;
	}
	if (n <= SORT_RUN)
		return RE_OK;
	if ((buf = alloc.alloc(alloc.ctx, n * words * 8)) == NULL)
		return RE_ENOMEM;
	from = a;
	to = buf;
	/* bottom-up merge passes, alternating between the array and the buffer */
	for (size_t width = SORT_RUN; width < n; width *= 2)
	{
		uint64_t   *t;

		for (size_t lo = 0; lo < n; lo += 2 * width)
		{
			size_t		mid = lo + width < n ? lo + width : n;
			size_t		hi = lo + 2 * width < n ? lo + 2 * width : n;
			size_t		i = lo,
						j = mid,
						k = lo;

			/* runs already in order (keys that came sorted): one copy */
			if (mid < hi && cmp(from + (mid - 1) * words, from + mid * words) <= 0)
			{
				memcpy(to + lo * words, from + lo * words, (hi - lo) * words * 8);
				re_check_interrupts_step(done, hi - lo);
				done += hi - lo;
				continue;
			}
			while (i < mid && j < hi)
			{
				/* <= 0 takes the left one first: stable */
				if (cmp(from + i * words, from + j * words) <= 0)
					copy_elem(to + k++ * words, from + i++ * words, words);
				else
					copy_elem(to + k++ * words, from + j++ * words, words);
				re_check_interrupts(done++);
			}
			while (i < mid)
			{
				copy_elem(to + k++ * words, from + i++ * words, words);
				re_check_interrupts(done++);
			}
			while (j < hi)
			{
				copy_elem(to + k++ * words, from + j++ * words, words);
				re_check_interrupts(done++);
			}
		}
		t = from;
		from = to;
		to = t;
	}
	if (from != a)
		memcpy(a, from, n * words * 8);
	if (alloc.free)
		alloc.free(alloc.ctx, buf);
	return RE_OK;
}

re_status
re_sort(void *base, size_t n, size_t size,
		int (*cmp) (const void *a, const void *b), re_allocator alloc)
{
	if (size == 0 || size % 8 != 0 || size > 64)
		return RE_OUT_OF_RANGE;
	if (n < 2)
		return RE_OK;
	switch (size / 8)
	{
		case 2:
			return sort_words(base, n, 2, cmp, alloc);
		case 3:
			return sort_words(base, n, 3, cmp, alloc);
		default:
			return sort_words(base, n, size / 8, cmp, alloc);
	}
}
