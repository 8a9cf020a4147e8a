/*
 * bytes.c — little-endian fixed-width fields for every binary form.
 *
 * Little-endian on any host, and the reader refuses to step past the end of
 * hostile input.  Fields are moved with memcpy (one load or store; swapped
 * on a big-endian host): the leader of a parallel plan reads every partial
 * state's sums through here, and a byte-by-byte loop showed up in its
 * profile (8% of its time).
 */
#include <string.h>

#include "rareearth_core.h"

#if defined(__BYTE_ORDER__) && defined(__ORDER_BIG_ENDIAN__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define TO_LE64(v) __builtin_bswap64(v)
#define TO_LE32(v) __builtin_bswap32(v)
#else
#define TO_LE64(v) (v)
#define TO_LE32(v) (v)
#endif

static bool
need(re_reader *r, size_t n)
{
	if (!r->ok || r->left < n)
	{
		r->ok = false;
		return false;
	}
	return true;
}

uint8_t
re_get_u8(re_reader *r)
{
	uint8_t		v;

	if (!need(r, 1))
		return 0;
	v = r->p[0];
	r->p += 1;
	r->left -= 1;
	return v;
}

uint32_t
re_get_u32(re_reader *r)
{
	uint32_t	v;

	if (!need(r, 4))
		return 0;
	memcpy(&v, r->p, 4);
	r->p += 4;
	r->left -= 4;
	return TO_LE32(v);
}

static uint64_t
get_u64(re_reader *r)
{
	uint64_t	v;

	if (!need(r, 8))
		return 0;
	memcpy(&v, r->p, 8);
	r->p += 8;
	r->left -= 8;
	return TO_LE64(v);
}

int64_t
re_get_i64(re_reader *r)
{
	uint64_t	u = get_u64(r);
	int64_t		v;

	memcpy(&v, &u, sizeof(v));
	return v;
}

double
re_get_f64(re_reader *r)
{
	uint64_t	u = get_u64(r);
	double		v;

	memcpy(&v, &u, sizeof(v));
	return v;
}

const uint8_t *
re_get_bytes(re_reader *r, size_t n)
{
	const uint8_t *p;

	if (!need(r, n))
		return NULL;
	p = r->p;
	r->p += n;
	r->left -= n;
	return p;
}

uint8_t *
re_put_u8(uint8_t *p, uint8_t v)
{
	*p = v;
	return p + 1;
}

uint8_t *
re_put_u32(uint8_t *p, uint32_t v)
{
	v = TO_LE32(v);
	memcpy(p, &v, 4);
	return p + 4;
}

static uint8_t *
put_u64(uint8_t *p, uint64_t v)
{
	v = TO_LE64(v);
	memcpy(p, &v, 8);
	return p + 8;
}

uint8_t *
re_put_i64(uint8_t *p, int64_t v)
{
	uint64_t	u;

	memcpy(&u, &v, sizeof(u));
	return put_u64(p, u);
}

uint8_t *
re_put_f64(uint8_t *p, double v)
{
	uint64_t	u;

	memcpy(&u, &v, sizeof(u));
	return put_u64(p, u);
}

uint8_t *
re_put_bytes(uint8_t *p, const void *src, size_t n)
{
	if (n > 0)
		memcpy(p, src, n);
	return p + n;
}
