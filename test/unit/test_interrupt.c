/*
 * test_interrupt.c — unit tests of the interrupt hook and of re_sort
 * (src/core/status.c): the long loops of the core call the hook, a hook
 * that does not return (the server's ereport longjmps) leaves nothing
 * behind that the allocator does not own, and the sort that replaced qsort
 * sorts, stably.  Also the n log n GeoPolRisk region and the CSV reader's
 * bound on a record.
 */
#include <stdio.h>
#include <string.h>

#include "unit.h"

static uint64_t calls;
static uint64_t jump_after;		/* 0: the hook returns */
static jmp_buf jump;

static void
counting_hook(void)
{
	calls++;
	if (jump_after > 0 && calls >= jump_after)
		longjmp(jump, 1);
}

static int
setup(void **state)
{
	(void) state;
	calls = 0;
	jump_after = 0;
	re_set_interrupt_hook(counting_hook);
	return 0;
}

static int
unhook_teardown(void **state)
{
	(void) state;
	re_set_interrupt_hook(NULL);
	unit_pool_free(&pool);
	return 0;
}

typedef struct item
{
	uint32_t	key;
	uint32_t	seq;			/* the input order, to see stability */
	double		pad;
} item;

static int
cmp_item(const void *a, const void *b)
{
	const item *x = a,
			   *y = b;

	return (x->key > y->key) - (x->key < y->key);
}

/* re_sort against the definition: ordered, stable, a permutation */
static void
test_sort(void **state)
{
	static const uint32_t sizes[] = {0, 1, 2, 15, 16, 17, 31, 33, 100, 1000, 4097, 100000};

	(void) state;
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++)
	{
		uint32_t	n = sizes[s];
		item	   *a = unit_alloc(&pool, sizeof(item) * (n ? n : 1));
		uint64_t	sum = 0;

		for (uint32_t i = 0; i < n; i++)
		{
			a[i].key = next_rand(n / 3 + 1);	/* many ties */
			a[i].seq = i;
			a[i].pad = 0;
			sum += a[i].key;
		}
		assert_int_equal(re_sort(a, n, sizeof(item), cmp_item, unit_allocator(&pool)), RE_OK);
		for (uint32_t i = 0; i < n; i++)
		{
			sum -= a[i].key;
			if (i > 0)
			{
				assert_true(a[i - 1].key <= a[i].key);
				if (a[i - 1].key == a[i].key)
					assert_true(a[i - 1].seq < a[i].seq);
			}
		}
		assert_true(sum == 0);
	}
	/* a sort of 100,000 calls the hook, sorted already or not */
	assert_true(calls > 0);
	{
		uint32_t	n = 100000;
		item	   *a = unit_alloc(&pool, sizeof(item) * n);

		for (uint32_t i = 0; i < n; i++)
		{
			a[i].key = i;
			a[i].seq = i;
			a[i].pad = 0;
		}
		calls = 0;
		assert_int_equal(re_sort(a, n, sizeof(item), cmp_item, unit_allocator(&pool)), RE_OK);
		assert_true(calls >= n / RE_INTERRUPT_EVERY);
		for (uint32_t i = 0; i < n; i++)
			assert_int_equal(a[i].key, i);
	}
	/* sizes it cannot copy are refused */
	assert_int_equal(re_sort(NULL, 2, 12, cmp_item, unit_allocator(&pool)), RE_OUT_OF_RANGE);
	assert_int_equal(re_sort(NULL, 2, 72, cmp_item, unit_allocator(&pool)), RE_OUT_OF_RANGE);
}

/* n keys "k0000000".. as a summary, each of quantity 1 */
static re_mix
big_mix(uint32_t n, uint32_t step)
{
	const char **keys = unit_alloc(&pool, sizeof(char *) * n);
	uint32_t   *lens = unit_alloc(&pool, sizeof(uint32_t) * n);
	double	   *qty = unit_alloc(&pool, sizeof(double) * n);
	re_mix		m;

	for (uint32_t i = 0; i < n; i++)
	{
		char	   *k = unit_alloc(&pool, 16);

		/* in reverse, so the sort has work to do */
		lens[i] = (uint32_t) snprintf(k, 16, "k%07u", (n - 1 - i) * step);
		keys[i] = k;
		qty[i] = 1;
	}
	assert_int_equal(re_mix_from_pairs(&m, unit_allocator(&pool), n, keys, lens, qty), RE_OK);
	return m;
}

/* every long loop of a summary's life calls the hook */
static void
test_mix_loops_call_hook(void **state)
{
	uint32_t	n = 200000;
	re_mix		m;
	re_mix		back;
	re_mix_state st;
	uint8_t    *buf;
	size_t		size;
	double		h;
	uint64_t	before;

	(void) state;
	m = big_mix(n, 1);
	assert_true(calls >= n / RE_INTERRUPT_EVERY);	/* the sort and the copy */

	before = calls;
	size = re_mix_encoded_size(&m);
	buf = unit_alloc(&pool, size);
	re_mix_encode(&m, buf);
	assert_int_equal(re_mix_decode(&back, unit_allocator(&pool), buf, size), RE_OK);
	assert_true(re_mix_hhi(&back, &h));
	assert_true(calls - before >= 4 * (n / RE_INTERRUPT_EVERY));

	/* an aggregate's state: additions, then the final sort */
	assert_int_equal(re_mix_state_init(&st, unit_allocator(&pool), RE_KEY_INT), RE_OK);
	for (uint32_t i = 0; i < n; i++)
		assert_int_equal(re_mix_add_int(&st, (int64_t) (n - i) * 7919, 1.0), RE_OK);
	before = calls;
	assert_int_equal(re_mix_from_state(&back, unit_allocator(&pool), &st, NULL), RE_OK);
	assert_int_equal(back.n, n);
	assert_true(calls - before >= n / RE_INTERRUPT_EVERY);
}

/*
 * A hook that does not return, as the server's does on a cancel: the core
 * is left mid-loop, and everything it allocated is the allocator's (the
 * pool; LeakSanitizer checks under MODE=sanitize).
 */
static void
test_hook_that_jumps(void **state)
{
	uint32_t	n = 100000;
	re_mix		m;
	re_mix_state st;
	volatile bool jumped = false;

	(void) state;
	jump_after = 1;
	if (setjmp(jump) == 0)
		m = big_mix(n, 1);
	else
		jumped = true;
	assert_true(jumped);
	(void) m;

	jump_after = 0;
	assert_int_equal(re_mix_state_init(&st, unit_allocator(&pool), RE_KEY_TEXT), RE_OK);
	for (uint32_t i = 0; i < n; i++)
	{
		char		k[16];
		uint32_t	len = (uint32_t) snprintf(k, sizeof k, "s%u", i * 31u);

		assert_int_equal(re_mix_add_text(&st, k, len, 2.0), RE_OK);
	}
	calls = 0;
	jump_after = 3;
	jumped = false;
	if (setjmp(jump) == 0)
		(void) re_mix_from_state(&m, unit_allocator(&pool), &st, NULL);
	else
		jumped = true;
	assert_true(jumped);
}

/* a region of 300,000 members: sorted once, not scanned per partner */
static void
test_geopolrisk_big_region(void **state)
{
	uint32_t	n = 300000;
	re_mix		prod,
				imp;
	const char **unit = unit_alloc(&pool, sizeof(char *) * (2 * n + 1));
	uint32_t   *ulen = unit_alloc(&pool, sizeof(uint32_t) * (2 * n + 1));
	double	   *g;
	bool	   *has;
	re_geopolrisk_result r;
	int64_t		bad;

	(void) state;
	prod = big_mix(n, 2);		/* k0000000, k0000002, ... */
	imp = big_mix(n, 1);		/* k0000000, k0000001, ... */
	g = unit_alloc(&pool, sizeof(double) * n);
	has = unit_alloc(&pool, sizeof(bool) * n);
	for (uint32_t i = 0; i < n; i++)
	{
		g[i] = 1;
		has[i] = true;
	}
	/* the even keys, each twice: every other partner is in the unit */
	for (uint32_t i = 0; i < n; i++)
	{
		unit[2 * i] = unit[2 * i + 1] = prod.keys[i];
		ulen[2 * i] = ulen[2 * i + 1] = prod.lens[i];
	}
	calls = 0;
	assert_int_equal(re_geopolrisk(&prod, &imp, unit, ulen, 2 * n, g, has, NULL, NULL, &r, &bad,
								   unit_allocator(&pool)), RE_OK);
	assert_true(calls >= 2 * n / RE_INTERRUPT_EVERY);
	/* WTA = (n/2 partners outside, g 1) / (n imported + n produced, each member once) */
	assert_close(r.import_risk, (n / 2.0) / (2.0 * n), 1e-12);
	assert_close(r.hhi, 1.0 / n, 1e-15);
}

/* a record past max_record is refused where it passes the bound */
static void
test_csv_bound_and_hook(void **state)
{
	size_t		len = 1000000;
	char	   *text = unit_alloc(&pool, len + 1);
	char	   *field = unit_alloc(&pool, len + 1);
	re_csv		c;
	size_t		n;
	bool		last;

	(void) state;
	memcpy(text, "a,b\n", 4);
	memset(text + 4, 'x', len - 4);
	text[len] = '\0';
	re_csv_init(&c, text, len);
	c.max_record = 100;
	assert_int_equal(re_csv_field(&c, field, &n, &last), RE_OK);
	assert_int_equal(re_csv_field(&c, field, &n, &last), RE_OK);
	assert_true(last);
	assert_int_equal(c.line, 2);
	assert_int_equal(re_csv_field(&c, field, &n, &last), RE_TOO_LARGE);
	assert_int_equal(c.pos, 4 + 100);
	/* exactly max_record bytes, CRLF included, pass; one more does not */
	re_csv_init(&c, "ab\r\ncd\r\n", 8);
	c.max_record = 4;
	assert_int_equal(re_csv_field(&c, field, &n, &last), RE_OK);
	assert_int_equal(c.line, 2);
	re_csv_init(&c, "abc\r\n", 5);
	c.max_record = 4;
	assert_int_equal(re_csv_field(&c, field, &n, &last), RE_TOO_LARGE);

	/* unbounded, the long field is read whole, calling the hook */
	calls = 0;
	re_csv_init(&c, text, len);
	assert_int_equal(re_csv_field(&c, field, &n, &last), RE_OK);
	assert_int_equal(re_csv_field(&c, field, &n, &last), RE_OK);
	assert_int_equal(re_csv_field(&c, field, &n, &last), RE_OK);
	assert_int_equal(n, len - 4);
	assert_true(calls >= len / RE_INTERRUPT_EVERY - 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_sort, setup, unhook_teardown),
		cmocka_unit_test_setup_teardown(test_mix_loops_call_hook, setup, unhook_teardown),
		cmocka_unit_test_setup_teardown(test_hook_that_jumps, setup, unhook_teardown),
		cmocka_unit_test_setup_teardown(test_geopolrisk_big_region, setup, unhook_teardown),
		cmocka_unit_test_setup_teardown(test_csv_bound_and_hook, setup, unhook_teardown),
	};

	return cmocka_run_group_tests_name("interrupt", tests, NULL, NULL);
}
