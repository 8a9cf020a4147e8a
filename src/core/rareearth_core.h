/*
 * rareearth_core.h — the pure-C core of rareearth.
 *
 * Nothing here includes a PostgreSQL header.  The core does the math, keeps
 * the summary states, encodes and decodes their binary forms and parses text;
 * the glue files under src/ register SQL functions and turn the status codes
 * returned here into ereport() calls.  So the same code runs inside the
 * server, under the unit tests (test/unit) and under the fuzzers (test/fuzz).
 *
 * Conventions:
 *  - functions return re_status; RE_OK is 0;
 *  - memory comes from a caller-supplied re_allocator (palloc in an aggregate
 *    memory context in the server, malloc in tests), never from malloc here;
 *  - binary forms start with a version byte, then fixed-width little-endian
 *    fields; decoders check every length before reading and reject trailing
 *    bytes;
 *  - undefined results (zero denominators, empty input) are reported as
 *    "not defined" (a false return or RE_UNDEFINED), never as NaN/Infinity.
 */
#ifndef RAREEARTH_CORE_H
#define RAREEARTH_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---------------------------------------------------------------------- */
/* Status codes and allocation                                             */
/* ---------------------------------------------------------------------- */

typedef enum re_status
{
	RE_OK = 0,
	RE_ENOMEM,				/* the allocator returned NULL */
	RE_NEGATIVE,			/* a quantity below zero */
	RE_NONFINITE,			/* NaN or +/-Infinity */
	RE_BAD_VERSION,			/* binary form with an unknown version byte */
	RE_TRUNCATED,			/* binary form shorter than its contents say */
	RE_TRAILING,			/* bytes left over after a complete binary form */
	RE_DUPLICATE_KEY,		/* the same supplier twice in one encoded summary */
	RE_UNSORTED,			/* encoded entries not in canonical order */
	RE_TOO_LARGE,			/* a count or length beyond what the input can hold */
	RE_BAD_KIND,			/* merging summaries whose keys are of different kinds */
	RE_OUT_OF_RANGE			/* an argument outside its documented range */
} re_status;

/* A short English description of a status, for error messages. */
const char *re_status_message(re_status st);

/*
 * Memory for the core.  alloc may return NULL (tests); the server's version
 * never does (palloc raises an error instead).  free may be a no-op.
 */
typedef struct re_allocator
{
	void	   *(*alloc) (void *ctx, size_t size);
	void		(*free) (void *ctx, void *ptr);
	void	   *ctx;
} re_allocator;

/* ---------------------------------------------------------------------- */
/* Compensated summation (Neumaier's variant of Kahan summation)          */
/* ---------------------------------------------------------------------- */

/*
 * A running sum with its compensation term.  The value is sum + comp.  The
 * same pair is carried through aggregate serialization, so partial sums
 * from parallel workers lose nothing when they are combined.
 */
typedef struct re_ksum
{
	double		sum;
	double		comp;
} re_ksum;

static inline void
re_ksum_add(re_ksum *k, double x)
{
	double		t = k->sum + x;

	/* Neumaier: keep the low-order bits of whichever operand was smaller. */
	if ((k->sum >= 0 ? k->sum : -k->sum) >= (x >= 0 ? x : -x))
		k->comp += (k->sum - t) + x;
	else
		k->comp += (x - t) + k->sum;
	k->sum = t;
}

static inline double
re_ksum_value(const re_ksum *k)
{
	return k->sum + k->comp;
}

/* ---------------------------------------------------------------------- */
/* Supply mix: total quantity per supplier (mix.c)                         */
/* ---------------------------------------------------------------------- */

/*
 * How the accumulating state keys its suppliers.  Integer keys (bigint
 * supplier codes, country codes) hash faster than strings; they are turned
 * into text only when the state becomes a summary.
 */
typedef enum re_mix_keykind
{
	RE_KEY_TEXT = 0,
	RE_KEY_INT = 1
} re_mix_keykind;

/*
 * The accumulating state of the supply_mix aggregate: an open-addressing
 * hash table from supplier to compensated sum.  It grows with the number of
 * distinct suppliers, never with the number of rows.
 */
typedef struct re_mix_entry
{
	uint64_t	hash;			/* 0 marks an empty slot */
	int64_t		ikey;			/* RE_KEY_INT */
	const char *skey;			/* RE_KEY_TEXT, not NUL-terminated */
	uint32_t	slen;
	re_ksum		qty;
} re_mix_entry;

typedef struct re_mix_state
{
	re_allocator alloc;
	re_mix_keykind kind;
	uint32_t	nentries;
	uint32_t	capacity;		/* a power of two */
	re_mix_entry *slots;
	/* string keys are copied into blocks from the allocator */
	char	   *arena;
	size_t		arena_left;
} re_mix_state;

re_status	re_mix_state_init(re_mix_state *st, re_allocator alloc, re_mix_keykind kind);

/* Add a quantity (must be finite and >= 0) for a supplier. */
re_status	re_mix_add_text(re_mix_state *st, const char *key, uint32_t len, double qty);
re_status	re_mix_add_int(re_mix_state *st, int64_t key, double qty);

/* Add a compensated partial sum (combine). */
re_status	re_mix_add_ksum_text(re_mix_state *st, const char *key, uint32_t len, re_ksum qty);
re_status	re_mix_add_ksum_int(re_mix_state *st, int64_t key, re_ksum qty);

/* Merge src into dst; both must have the same key kind. */
re_status	re_mix_state_merge(re_mix_state *dst, const re_mix_state *src);

/*
 * The state's binary form (aggregate SERIALFUNC/DESERIALFUNC), keeping the
 * compensation terms:
 *   u8 version (1) | u8 kind | u32 n | n x { key | f64 sum | f64 comp }
 * where key is i64 (RE_KEY_INT) or u32 length + bytes (RE_KEY_TEXT).
 */
size_t		re_mix_state_encoded_size(const re_mix_state *st);
void		re_mix_state_encode(const re_mix_state *st, uint8_t *out);
re_status	re_mix_state_decode(re_mix_state *st, re_allocator alloc,
								const uint8_t *buf, size_t len);

/*
 * A finished summary: suppliers sorted by key (bytewise, shorter first on a
 * common prefix), one quantity each.  This is the value of the SQL type
 * supply_mix.  Keys point into the buffer the summary was decoded from or
 * into memory from the allocator.
 */
typedef struct re_mix
{
	uint32_t	n;
	const char **keys;
	uint32_t   *lens;
	double	   *qty;
} re_mix;

/* Renders an integer key as text; returns the length written (< 64). */
typedef uint32_t (*re_key_render) (int64_t key, char *buf64);
uint32_t	re_render_decimal(int64_t key, char *buf64);

/* Build the sorted summary of a state.  render is used for RE_KEY_INT. */
re_status	re_mix_from_state(re_mix *mix, re_allocator alloc,
							  const re_mix_state *st, re_key_render render);

/*
 * Build a summary from unsorted (key, quantity) pairs.  On RE_DUPLICATE_KEY,
 * mix->keys[0] and mix->lens[0] name the duplicated key.
 */
re_status	re_mix_from_pairs(re_mix *mix, re_allocator alloc, uint32_t n,
							  const char **keys, const uint32_t *lens,
							  const double *qty);

/*
 * The summary's binary form (on-disk value, send/receive):
 *   u8 version (1) | u32 n | n x { u32 len | bytes | f64 quantity }
 * in canonical order.  The decoder checks the version, every length, that
 * quantities are finite and >= 0, and that keys are strictly ascending
 * (RE_DUPLICATE_KEY for an equal neighbour).  Decoded keys point into buf.
 */
#define RE_MIX_VERSION 1
size_t		re_mix_encoded_size(const re_mix *mix);
void		re_mix_encode(const re_mix *mix, uint8_t *out);
re_status	re_mix_decode(re_mix *mix, re_allocator alloc, const uint8_t *buf, size_t len);

/* Compare keys in canonical order. */
int			re_key_cmp(const char *a, uint32_t alen, const char *b, uint32_t blen);

/* Index of a supplier in the mix, or -1. */
int64_t		re_mix_find(const re_mix *mix, const char *key, uint32_t len);

/*
 * Accessors.  Each returns false where the result is undefined (the caller
 * returns NULL): an empty mix or a zero total has no shares.
 */
double		re_mix_total(const re_mix *mix);
uint32_t	re_mix_supplier_count(const re_mix *mix);	/* quantity > 0 */
bool		re_mix_share(const re_mix *mix, const char *key, uint32_t len, double *out);
bool		re_mix_hhi(const re_mix *mix, double *out);	/* 0..10000 */
bool		re_mix_hhi_normalized(const re_mix *mix, double *out);
bool		re_mix_equivalent_suppliers(const re_mix *mix, double *out);
bool		re_mix_entropy(const re_mix *mix, double *out);
bool		re_mix_cr(const re_mix *mix, uint32_t n, uint32_t *scratch, double *out);
/* -1 when the mix has no supplier with quantity > 0 */
int64_t		re_mix_dominant(const re_mix *mix);

/*
 * Indexes of the suppliers, largest quantity first, ties by key: order[]
 * must hold mix->n entries.  CR-n uses order[] as scratch.
 */
void		re_mix_rank(const re_mix *mix, uint32_t *order);

/* Coverage against a reported total (e.g. the World row). */
re_status	re_mix_coverage(const re_mix *mix, double reported_total,
							bool *defined, double *out);
re_status	re_mix_hhi_bounds(const re_mix *mix, double reported_total,
							  bool *defined, double *lower, double *upper);

/*
 * Concentration bands of the US Horizontal Merger Guidelines ('1992',
 * '2010', '2023').  *label is NULL for an unknown edition; hhi must be
 * finite and within 0..10000 (RE_NONFINITE / RE_OUT_OF_RANGE otherwise).
 */
re_status	re_concentration_class(double hhi, const char *guidelines,
								   const char **label);

/* ---------------------------------------------------------------------- */
/* Trade vocabulary: country, hscode, rare-earth elements                  */
/* ---------------------------------------------------------------------- */



/* ---------------------------------------------------------------------- */
/* Dependency and supply-risk metrics, material balance                    */
/* ---------------------------------------------------------------------- */



/* ---------------------------------------------------------------------- */
/* Growth trajectories                                                     */
/* ---------------------------------------------------------------------- */

/*
 * A trajectory is a series of (year, value): values of the same year are
 * summed, so a world series is the rollup of country series.  Values may be
 * negative (trade balances); growth measures that need positive values are
 * "not defined" on them.  Years are limited to RE_TRAJ_YEAR_MIN..MAX.
 */
#define RE_TRAJ_YEAR_MIN (-10000)
#define RE_TRAJ_YEAR_MAX 10000
#define RE_TRAJ_VERSION 1

bool		re_traj_year_in_range(int64_t year);

/*
 * Parse a JSON object key as a year: an optional '-' and 1..12 decimal
 * digits, nothing else.  False on any other text; the result may still be
 * outside the year range (check with re_traj_year_in_range).
 */
bool		re_traj_parse_year(const char *s, size_t len, int64_t *year);

/* The aggregate state: points sorted by year, one compensated sum each. */
typedef struct re_traj_point
{
	int32_t		year;
	re_ksum		value;
} re_traj_point;

typedef struct re_traj_state
{
	re_allocator alloc;
	uint32_t	n;
	uint32_t	capacity;
	uint32_t	hint;			/* index of the last year touched */
	re_traj_point *pts;
} re_traj_state;

re_status	re_traj_state_init(re_traj_state *st, re_allocator alloc);

/*
 * Add a value for a year.  RE_OUT_OF_RANGE for a year outside the range
 * (check it first to tell it from an overflowing sum, which is also
 * RE_OUT_OF_RANGE), RE_NONFINITE for NaN/Infinity.
 */
re_status	re_traj_add(re_traj_state *st, int32_t year, double value);
re_status	re_traj_add_ksum(re_traj_state *st, int32_t year, re_ksum value);
re_status	re_traj_state_merge(re_traj_state *dst, const re_traj_state *src);

/*
 * The state's binary form (SERIALFUNC/DESERIALFUNC), keeping compensation:
 *   u8 version (1) | u32 n | n x { i32 year | f64 sum | f64 comp }
 * years strictly ascending.
 */
size_t		re_traj_state_encoded_size(const re_traj_state *st);
void		re_traj_state_encode(const re_traj_state *st, uint8_t *out);
re_status	re_traj_state_decode(re_traj_state *st, re_allocator alloc,
								 const uint8_t *buf, size_t len);

/* A finished series (the SQL type trajectory): years strictly ascending. */
typedef struct re_traj
{
	uint32_t	n;
	int32_t    *years;
	double	   *values;
} re_traj;

re_status	re_traj_from_state(re_traj *t, re_allocator alloc, const re_traj_state *st);

/*
 * Build a series from unsorted (year, value) pairs, e.g. parsed text.  Years
 * must be in range and distinct (RE_DUPLICATE_KEY; *bad_year names it, as it
 * does the year of RE_OUT_OF_RANGE or RE_NONFINITE).
 */
re_status	re_traj_from_pairs(re_traj *t, re_allocator alloc, uint32_t n,
							   const int64_t *years, const double *values,
							   int64_t *bad_year);

/*
 * The value's binary form (on disk, send/receive):
 *   u8 version (1) | u32 n | n x { i32 year | f64 value }
 * The decoder checks the version, lengths, that years are in range and
 * strictly ascending (RE_DUPLICATE_KEY / RE_UNSORTED) and values finite.
 */
size_t		re_traj_encoded_size(const re_traj *t);
void		re_traj_encode(const re_traj *t, uint8_t *out);
re_status	re_traj_decode(re_traj *t, re_allocator alloc, const uint8_t *buf, size_t len);

/* Index of a year, or -1. */
int64_t		re_traj_find(const re_traj *t, int64_t year);

/*
 * Growth measures.  Each returns false where the result is undefined (the
 * glue returns NULL); true results are always finite.
 */
/* (end/start)^(1/years) - 1; undefined when start or end <= 0 or years == 0 */
bool		re_cagr(double start, double end, double years, double *out);
/* cagr between two years of the series */
bool		re_traj_cagr(const re_traj *t, int64_t from_year, int64_t to_year, double *out);
/* V(year)/V(year-1) - 1; needs V(year-1) > 0 and V(year) >= 0 */
bool		re_traj_yoy(const re_traj *t, int64_t year, double *out);
/* V(last)/V(first); needs V(first) > 0 and V(last) >= 0 */
bool		re_traj_fold_change(const re_traj *t, double *out);

/* OLS of ln V on year over the points with V > 0 (World Bank least squares). */
typedef struct re_traj_trend
{
	uint32_t	n;				/* positive points used */
	double		slope;			/* b in ln V = a + b * year */
	double		mean_year;		/* the fit passes through (mean_year, mean_log) */
	double		mean_log;
	double		r2;
	bool		r2_defined;		/* false when ln V is constant */
} re_traj_trend;

/* False with fewer than 2 positive points. */
bool		re_traj_fit(const re_traj *t, re_traj_trend *fit);
bool		re_traj_trend_rate(const re_traj *t, double *out);
bool		re_traj_trend_r2(const re_traj *t, double *out);
bool		re_traj_project(const re_traj *t, int64_t year, double *out);
bool		re_traj_doubling_time(const re_traj *t, double *out);
/* ln 2 / ln(1 + rate); undefined for rate <= 0 */
bool		re_doubling_time(double rate, double *out);
bool		re_traj_required_cagr(const re_traj *t, double target, int64_t target_year,
								  double *out);
bool		re_traj_years_to_target(const re_traj *t, double target, double *out);
bool		re_traj_on_track(const re_traj *t, double target, int64_t target_year,
							 bool *out);

/*
 * The constant-growth path value in year y between (y0, v0) and (y1, v1):
 * v0 * (v1/v0)^((y - y0)/(y1 - y0)), exactly v0 and v1 at the ends.
 * Undefined when v0 or v1 <= 0 or y1 <= y0.
 */
bool		re_path_value(int64_t y0, double v0, int64_t y1, double v1, int64_t y,
						  double *out);

/*
 * A bar per year from the first to the last year (U+2581..U+2588, three
 * UTF-8 bytes each, scaled from the minimum to the maximum value; a constant
 * series is all U+2584), a space for a missing year, then NUL.  Size with
 * re_traj_sparkline_size (0 for the empty series: undefined).
 */
size_t		re_traj_sparkline_size(const re_traj *t);
void		re_traj_sparkline(const re_traj *t, char *out);



/* ---------------------------------------------------------------------- */
/* Little-endian helpers shared by every binary form (bytes.c)             */
/* ---------------------------------------------------------------------- */

/*
 * A bounded reader: every get checks the remaining length first and sets
 * ok = false instead of reading past the end.
 */
typedef struct re_reader
{
	const uint8_t *p;
	size_t		left;
	bool		ok;
} re_reader;

uint8_t		re_get_u8(re_reader *r);
uint32_t	re_get_u32(re_reader *r);
int64_t		re_get_i64(re_reader *r);
double		re_get_f64(re_reader *r);
const uint8_t *re_get_bytes(re_reader *r, size_t n);

uint8_t    *re_put_u8(uint8_t *p, uint8_t v);
uint8_t    *re_put_u32(uint8_t *p, uint32_t v);
uint8_t    *re_put_i64(uint8_t *p, int64_t v);
uint8_t    *re_put_f64(uint8_t *p, double v);
uint8_t    *re_put_bytes(uint8_t *p, const void *src, size_t n);

#endif							/* RAREEARTH_CORE_H */
