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
 *    "not defined" (a false return or RE_UNDEFINED), never as NaN/Infinity;
 *  - a sum that overflows double is RE_OVERFLOW where it happens (adding,
 *    merging, decoding, reading text), never a stored Infinity or NaN, and
 *    a nonzero number in text that rounds to 0 is RE_UNDERFLOW;
 *  - zeros are stored as +0.0: decoders and text readers turn -0.0 into
 *    +0.0, so equal values have equal bytes and survive the text form.
 */
#ifndef RAREEARTH_CORE_H
#define RAREEARTH_CORE_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

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
	RE_OUT_OF_RANGE,		/* an argument outside its documented range */
	RE_UNRECOGNIZED,		/* text, a code or a name (country, flow kind, supplier) that names nothing known */
	RE_OVERFLOW,			/* a sum, result or number beyond the range of double */
	RE_UNDERFLOW,			/* a nonzero number in text that rounds to 0 in double */
	RE_NOT_CONVERGED		/* an iterative solve needed more sweeps than its budget */
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
	/*
	 * Optional: free told the size that was allocated, used before free
	 * where the caller knows it (aggregate states), so an allocator may
	 * serve fixed sizes without a header per chunk.
	 */
	void		(*free_sized) (void *ctx, void *ptr, size_t size);
} re_allocator;

/*
 * Interrupts (status.c).  Every core loop whose length a caller controls
 * (keys, entries, bytes of text, sort passes) calls the hook once every
 * RE_INTERRUPT_EVERY iterations, so a query can be cancelled.  The glue
 * installs a hook doing CHECK_FOR_INTERRUPTS(), which does not return when
 * a cancel is pending (it longjmps out through ereport); that is safe
 * because the core keeps all its memory in the caller's allocator (memory
 * contexts, released with the query) and holds no other resource.  Tests
 * install a counting hook; without one (NULL, the fuzzers) nothing is
 * called.  One hook for the process, not one per call like the allocator:
 * functions without an allocator loop too, and a backend is one thread.
 */
typedef void (*re_interrupt_hook) (void);

extern re_interrupt_hook re_interrupt;
extern uint32_t re_interrupt_ticks;

void		re_set_interrupt_hook(re_interrupt_hook hook);

#define RE_INTERRUPT_EVERY 16384	/* a power of two: the test is a mask */

/* in a loop over index i: the hook on every RE_INTERRUPT_EVERY-th */
static inline void
re_check_interrupts(uint64_t i)
{
	if ((i & (RE_INTERRUPT_EVERY - 1)) == RE_INTERRUPT_EVERY - 1 && re_interrupt != NULL)
		re_interrupt();
}

/* after a step of k items from item i: the hook if the step passed a multiple */
static inline void
re_check_interrupts_step(uint64_t i, uint64_t k)
{
	if ((i / RE_INTERRUPT_EVERY) != ((i + k) / RE_INTERRUPT_EVERY) && re_interrupt != NULL)
		re_interrupt();
}

/* where no index is at hand (comparisons, nested scans): a shared counter */
static inline void
re_interrupt_tick(void)
{
	re_check_interrupts(re_interrupt_ticks++);
}

/*
 * A stable merge sort of n elements of size bytes (8 to 64, a multiple of
 * 8; 8-byte aligned), its buffer from alloc; checks for interrupts (qsort
 * cannot: glibc's mallocs a buffer that a longjmp out of the comparison
 * would leak).  RE_ENOMEM when alloc fails (runs of 16 sorted only then),
 * RE_OUT_OF_RANGE for another size.
 */
re_status	re_sort(void *base, size_t n, size_t size,
					int (*cmp) (const void *a, const void *b), re_allocator alloc);

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

/* +0 for either zero, so equal values have equal bytes */
static inline double
re_plus_zero(double v)
{
	return v == 0 ? 0.0 : v;
}

/*
 * Whether a running sum is still within double: sum + comp is finite only
 * when both parts are (Infinity plus anything finite is Infinity, plus
 * -Infinity NaN).
 */
static inline bool
re_ksum_finite(const re_ksum *k)
{
	return isfinite(k->sum + k->comp);
}

/*
 * Add a compensated partial sum (sum, then compensation) and check the
 * result: RE_OVERFLOW when the running sum left the range of double.
 * Inline: every aggregate's transition runs it once per row.
 */
static inline re_status
re_ksum_add_checked(re_ksum *k, re_ksum x)
{
	re_ksum_add(k, x.sum);
	if (x.comp != 0)			/* adding 0 changes nothing: skip it for single values */
		re_ksum_add(k, x.comp);
	return re_ksum_finite(k) ? RE_OK : RE_OVERFLOW;
}

/*
 * The compensated sum of n finite terms of either sign into *out; false
 * when the exact sum is beyond the range of double.  An intermediate
 * overflow that later terms would cancel (1e308 + 1e308 - 1e308) is not an
 * overflow: the terms are then summed halved and the result doubled.
 */
bool		re_sum_finite(const double *terms, size_t n, double *out);

/* ---------------------------------------------------------------------- */
/* Numbers in text (number.c)                                              */
/* ---------------------------------------------------------------------- */

/*
 * Read a NUL-terminated JSON number (RFC 8259, section 6:
 * -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, nothing else) as the
 * nearest double, under the C locale's decimal point.  RE_UNRECOGNIZED for
 * any other text; RE_OVERFLOW when its magnitude is beyond double;
 * RE_UNDERFLOW when it is not zero but rounds to 0.  Subnormal results are
 * kept, as PostgreSQL's float8in keeps them; "-0" reads as +0.
 */
re_status	re_parse_number(const char *s, double *out);

/* ---------------------------------------------------------------------- */
/* Supply mix: total quantity per supplier (mix_*.c)                       */
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
 * A key dictionary: each distinct supplier key (text or integer) gets a
 * small integer id, 0, 1, 2, ... in order of first appearance.  One
 * dictionary serves every group of a query (the aggregate keeps it in
 * fn_extra), so a group's state holds 4-byte ids instead of key copies, and
 * a text key is hashed and compared once per row against a small table that
 * stays in cache.  It grows with the distinct keys of the query, never with
 * rows or groups.
 */
typedef struct re_keydict re_keydict;

re_status	re_keydict_create(re_keydict **dict, re_allocator alloc, re_mix_keykind kind);
re_mix_keykind re_keydict_kind(const re_keydict *dict);
uint32_t	re_keydict_size(const re_keydict *dict);
/* the id of a key, adding it when new (RE_TOO_LARGE beyond 2^31 keys) */
re_status	re_keydict_text(re_keydict *dict, const char *key, uint32_t len, uint32_t *id);
re_status	re_keydict_int(re_keydict *dict, int64_t key, uint32_t *id);
/* the key of an id (id < size; the kind must match) */
const char *re_keydict_text_key(const re_keydict *dict, uint32_t id, uint32_t *len);
int64_t		re_keydict_int_key(const re_keydict *dict, uint32_t id);

/*
 * The accumulating state of the supply_mix aggregate for one group: from
 * supplier id (of its dictionary) to a compensated sum.  One allocation:
 * up to 5 and 11 suppliers in 120 and 240 bytes (ids and sums in two
 * arrays, searched linearly), then an open-addressing table of (id, sum)
 * slots at most 3/4 full, or an array of sums indexed by id when the group
 * holds much of a small dictionary.  Adding may move the state: the
 * functions that add take its address.
 */
typedef struct re_mix_acc re_mix_acc;

re_status	re_mix_acc_create(re_mix_acc **acc, re_allocator alloc, re_keydict *dict);
re_keydict *re_mix_acc_dict(const re_mix_acc *acc);
/* Start fetching the state's first cache lines (a hint; does nothing else). */
void		re_mix_acc_prefetch(const re_mix_acc *acc);
uint32_t	re_mix_acc_count(const re_mix_acc *acc);	/* distinct suppliers */
/*
 * The entries as they lie, unsorted: ids[i] and its sum qty[i] (a sum
 * that is not > 0 read as 0, as in a summary) for i < re_mix_acc_count.
 * For callers that order entries by something other than the key text.
 */
void		re_mix_acc_entries(const re_mix_acc *acc, uint32_t *ids, double *qty);
/* bytes the state takes (what a planner should expect per group) */
size_t		re_mix_acc_size(const re_mix_acc *acc);

/*
 * Add a compensated quantity for a supplier id.  RE_OVERFLOW when the
 * supplier's sum or the total of all suppliers leaves the range of double:
 * a summary's total is always finite, so every share is defined.  The
 * quantity must be finite and >= 0 (see re_mix_check_quantity).
 */
re_status	re_mix_acc_add(re_mix_acc **acc, re_allocator alloc, uint32_t id, re_ksum qty);
/*
 * The same for one row's quantity (finite, >= 0), which for a large state
 * may wait in the dictionary's ring of 16, its cache line prefetched, and
 * be made 16 rows later or before any state of the dictionary is read,
 * moved or freed: rows spread over many large groups then do not wait for
 * memory one by one.  Errors are those of re_mix_acc_add, for this row: an
 * addition waits only when it cannot overflow.  The states of a dictionary
 * with waiting additions must stay where they are until a state of it is
 * read or added to at once; a caller that frees states without reading
 * them (a memory context reset) calls re_keydict_forget_waiting.
 */
re_status	re_mix_acc_add_deferred(re_mix_acc **acc, re_allocator alloc, uint32_t id, double qty);
void		re_keydict_forget_waiting(re_keydict *dict);
/*
 * Make room for n suppliers at once (decoding a state of n, merging one),
 * instead of growing through every layout on the way.
 */
re_status	re_mix_acc_reserve(re_mix_acc **acc, re_allocator alloc, uint32_t n);
/* RE_NONFINITE or RE_NEGATIVE for a quantity no mix accepts */
re_status	re_mix_check_quantity(double qty);
/* Merge src into *dst (the dictionaries may differ; kinds must match). */
re_status	re_mix_acc_merge(re_mix_acc **dst, re_allocator alloc, const re_mix_acc *src);

/*
 * The state's binary form (aggregate SERIALFUNC/DESERIALFUNC), keeping the
 * compensation terms and naming suppliers by key, not id:
 *   u8 version (1) | u8 kind | u32 n | n x { key | f64 sum | f64 comp }
 * where key is i64 (RE_KEY_INT) or u32 length + bytes (RE_KEY_TEXT).
 * Decoding adds the keys to dict, whose kind must be the encoded one
 * (RE_BAD_KIND otherwise; re_mix_state_kind reads it first).
 */
size_t		re_mix_acc_encoded_size(const re_mix_acc *acc);
void		re_mix_acc_encode(const re_mix_acc *acc, uint8_t *out);
re_status	re_mix_acc_decode(re_mix_acc **acc, re_allocator alloc, re_keydict *dict,
							  const uint8_t *buf, size_t len);
re_status	re_mix_state_kind(const uint8_t *buf, size_t len, re_mix_keykind *kind);
/*
 * Add a state's binary form to the state *acc (never NULL: RE_BAD_KIND; of
 * its dictionary, whose kind must be the encoded one) in one pass, without building the decoded state first:
 * the combine step of a parallel plan, where each worker's state is read
 * once.  The same checks as decoding, except that a key repeated in the
 * encoding is added twice rather than refused.
 */
re_status	re_mix_acc_add_encoded(re_mix_acc **acc, re_allocator alloc,
								   const uint8_t *buf, size_t len);

/*
 * A state with its own dictionary, for callers that keep one state (the
 * unit tests, the fuzzers): the same operations as above.
 */
typedef struct re_mix_state
{
	re_allocator alloc;
	re_mix_keykind kind;
	uint32_t	nentries;		/* distinct suppliers */
	re_keydict *dict;
	re_mix_acc *acc;
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
re_status	re_mix_from_acc(re_mix *mix, re_allocator alloc,
							const re_mix_acc *acc, re_key_render render);

/*
 * The summary of a state straight in its binary form (below), after prefix
 * bytes left for the caller (a varlena header): one allocation of
 * prefix + *len bytes, no intermediate re_mix.  RE_TOO_LARGE when
 * prefix + the encoding would exceed max_size; RE_OVERFLOW as re_mix_from_state.
 */
re_status	re_mix_acc_summary(const re_mix_acc *acc, re_allocator alloc, re_key_render render,
							   size_t prefix, size_t max_size, uint8_t **out, size_t *len);

/*
 * Build a summary from unsorted (key, quantity) pairs.  On RE_DUPLICATE_KEY,
 * mix->keys[0] and mix->lens[0] name the duplicated key; RE_OVERFLOW when
 * the quantities' total is beyond double.  -0 is stored as +0.
 */
re_status	re_mix_from_pairs(re_mix *mix, re_allocator alloc, uint32_t n,
							  const char **keys, const uint32_t *lens,
							  const double *qty);

/*
 * The summary's binary form (on-disk value, send/receive):
 *   u8 version (1) | u32 n | n x { u32 len | bytes | f64 quantity }
 * in canonical order.  The decoder checks the version, every length, that
 * quantities are finite and >= 0, and that keys are strictly ascending
 * (RE_DUPLICATE_KEY for an equal neighbour); it reads -0 as +0.  Decoded
 * keys point into buf.  It leaves the total to re_mix_check_total, so a
 * value stored before totals were checked can still be printed.
 */
#define RE_MIX_VERSION 1
size_t		re_mix_encoded_size(const re_mix *mix);
void		re_mix_encode(const re_mix *mix, uint8_t *out);
re_status	re_mix_decode(re_mix *mix, re_allocator alloc, const uint8_t *buf, size_t len);

/*
 * RE_OVERFLOW when the quantities' total is beyond double.  Summaries made
 * by re_mix_from_state and re_mix_from_pairs always pass; check a decoded
 * one before any accessor that uses the total.
 */
re_status	re_mix_check_total(const re_mix *mix);

/* Compare keys in canonical order. */
int			re_key_cmp(const char *a, uint32_t alen, const char *b, uint32_t blen);

/* Index of a supplier in the mix, or -1. */
int64_t		re_mix_find(const re_mix *mix, const char *key, uint32_t len);

/*
 * Accessors.  Each returns false where the result is undefined (the caller
 * returns NULL): an empty mix or a zero total has no shares.  On a summary
 * whose total is finite (re_mix_check_total) no accessor gives NaN or
 * Infinity.
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
 * Supply left without the largest supplier (the IEA's test of
 * diversification: what remains if the largest source fails): *largest as
 * re_mix_dominant picks it, *left the other suppliers' quantity, *share_left
 * its share of the total.  false (outputs untouched) when the total is 0.
 */
bool		re_mix_without_largest(const re_mix *mix, int64_t *largest, double *left,
								   double *share_left);

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

/*
 * Countries (country.c, table generated into country_table.c by
 * tools/gen_countries.py).  A country value is a uint16 packing its
 * 3-character code (ISO 3166-1 alpha-3, or the documented code of a special
 * entry such as WLD, EUU, S19): each character 0-9 -> 0-9, A-Z -> 10-35,
 * base 36.  The packing is stable across table versions and orders like the
 * alpha-3 text.  Codes absent from a field are -1 (numbers) or "" (text).
 */
typedef struct re_country
{
	const char *alpha3;
	const char *alpha2;
	int16_t		m49;			/* UN M49 numeric code */
	int16_t		comtrade;		/* UN Comtrade reporter/partner code */
	int16_t		baci;			/* CEPII BACI country code */
	const char *name;
	const char *region;			/* UN M49 region */
	const char *subregion;		/* UN M49 sub-region */
	bool		aggregate;		/* World, EU, "nes" and other non-country areas */
	int16_t		eu_from;		/* first year a member on 31 December; 0 never */
	int16_t		eu_until;		/* last such year; 0 still a member */
} re_country;

typedef struct re_country_key
{
	const char *key;			/* ASCII letters lower-cased */
	uint16_t	entry;
} re_country_key;

typedef struct re_country_num
{
	int16_t		code;
	uint16_t	entry;
} re_country_num;

extern const re_country re_countries[];
extern const uint32_t re_country_count;
extern const re_country_key re_country_keys[];
extern const uint32_t re_country_key_count;
extern const re_country_num re_country_m49[];
extern const uint32_t re_country_m49_count;
extern const re_country_num re_country_comtrade[];
extern const uint32_t re_country_comtrade_count;
extern const re_country_num re_country_baci[];
extern const uint32_t re_country_baci_count;

typedef enum re_country_scheme
{
	RE_SCHEME_M49 = 0,
	RE_SCHEME_COMTRADE,
	RE_SCHEME_BACI
} re_country_scheme;

/* a number a scheme publishes that no entry takes, and why */
typedef struct re_country_refusal
{
	re_country_scheme scheme;
	int16_t		code;
	const char *reason;
} re_country_refusal;

extern const re_country_refusal re_country_refusals[];
extern const uint32_t re_country_refusal_count;

/* why a scheme's number is refused (NULL when it is not one of the refused) */
const char *re_country_refusal_reason(int64_t number, re_country_scheme scheme);

/* the packed code of an entry, and the entry of a packed code (NULL if none) */
uint16_t	re_country_code(const re_country *c);
const re_country *re_country_by_code(uint16_t code);

/*
 * Parse text: surrounding spaces ignored; ASCII letters case-insensitive;
 * alpha-3, alpha-2, a listed name, or a number read as M49, then Comtrade,
 * then BACI code.  RE_UNRECOGNIZED when nothing matches.
 */
re_status	re_country_parse(const char *s, size_t len, uint16_t *code);
/* a code in one scheme; NULL when unknown */
const re_country *re_country_from_number(int64_t number, re_country_scheme scheme);
/* membership of the EU (EEC before 1993) on 31 December of year */
bool		re_country_eu_member(const re_country *c, int32_t year);

/* binary form: u8 version (1) | 3 bytes code (ASCII) */
#define RE_COUNTRY_VERSION 1
#define RE_COUNTRY_ENCODED_SIZE 4
void		re_country_encode(uint16_t code, uint8_t *out);
re_status	re_country_decode(const uint8_t *buf, size_t len, uint16_t *code);

/*
 * Harmonized System codes (hscode.c).  A value is an int64:
 * (digits padded with zeros to 10) * 8 + (ndigits / 2 - 1), so integer order
 * puts a code right before its descendants and they stay contiguous:
 * '28' < '2805' < '280530' < '2846' < '284610' < '29'.
 */
#define RE_HS_MAX_DIGITS 10
/* '28', '2846', '2846.90', '284690', '2846.90.20', '8505110000'; RE_UNRECOGNIZED otherwise */
re_status	re_hs_parse(const char *s, size_t len, int64_t *out);
/* digits only, NUL-terminated; returns the length */
uint32_t	re_hs_format(int64_t v, char *buf11);
bool		re_hs_valid(int64_t v);
int			re_hs_ndigits(int64_t v);
/* the ancestor with ndigits digits; false when v is shorter */
bool		re_hs_truncate(int64_t v, int ndigits, int64_t *out);
bool		re_hs_contains(int64_t outer, int64_t inner);	/* outer @> inner, equal included */
/* v and its descendants are exactly the values in [lo, hi] */
void		re_hs_range(int64_t v, int64_t *lo, int64_t *hi);

/* binary form: u8 version (1) | u8 number of digits | i64 digits as an integer */
#define RE_HS_VERSION 1
#define RE_HS_ENCODED_SIZE 10
void		re_hs_encode(int64_t v, uint8_t *out);
re_status	re_hs_decode(const uint8_t *buf, size_t len, int64_t *out);

/*
 * Rare-earth elements (ree.c), in the order of the SQL enum ree: Sc, Y, then
 * La to Lu by atomic number.
 */
typedef enum re_ree_group
{
	RE_REE_LIGHT,				/* La-Sm */
	RE_REE_HEAVY,				/* Eu-Lu and Y */
	RE_REE_SCANDIUM				/* Sc, counted apart */
} re_ree_group;

typedef struct re_ree
{
	const char *symbol;
	const char *name;
	int			atomic_number;
	double		atomic_weight;	/* standard atomic weight; Pm: mass number 145 */
	const char *oxide;
	int			metal_atoms;	/* in the oxide formula, e.g. Pr6O11: 6 and 11 */
	int			oxygen_atoms;
	re_ree_group group;
} re_ree;

#define RE_REE_COUNT 17
#define RE_OXYGEN_WEIGHT 15.999
extern const re_ree re_rees[RE_REE_COUNT];
/* mass of oxide per mass of metal; the index must be < RE_REE_COUNT */
double		re_ree_oxide_factor(int index);
const char *re_ree_group_name(re_ree_group g);


/* ---------------------------------------------------------------------- */
/* Dependency and supply-risk metrics, material balance                    */
/* ---------------------------------------------------------------------- */

/*
 * Scalar metrics (metrics.c).  Each checks its arguments and returns
 * RE_NONFINITE, RE_NEGATIVE or RE_OUT_OF_RANGE with *bad set to the 0-based
 * index of the offending argument, and RE_OVERFLOW when a sum or product of
 * valid arguments is beyond double; an undefined result (a denominator
 * <= 0) is RE_OK with *defined false, never NaN or Infinity.
 *
 * Stock-change convention everywhere: stock_change is the DECREASE in stocks
 * over the period, so a drawdown (positive) adds to apparent consumption and
 * a build-up (negative) subtracts from it (USGS: "apparent consumption =
 * production + imports - exports +/- adjustments for stock changes").
 */
re_status	re_apparent_consumption(double production, double imports, double exports,
									double stock_change, double *out, int *bad);
re_status	re_net_import_reliance(double production, double imports, double exports,
								   double stock_change, bool *defined, double *out, int *bad);
/* USGS label of a net import reliance fraction: "E" or whole percent; buf >= 8 bytes */
re_status	re_nir_label(double nir, char *buf);
re_status	re_self_sufficiency(double production, double consumption,
								bool *defined, double *out, int *bad);
re_status	re_development_rate(double production, double reserves,
								bool *defined, double *out, int *bad);
re_status	re_reserve_life(double reserves, double production,
							bool *defined, double *out, int *bad);
re_status	re_partner_dependency(double partner_imports, double apparent_consumption,
								  bool *defined, double *out, int *bad);
re_status	re_rca(double x_product_country, double x_country, double x_product_world,
				   double x_world, bool *defined, double *out, int *bad);
re_status	re_cif_to_fob(double value, double factor, double *out, int *bad);
re_status	re_fob_to_cif(double value, double factor, double *out, int *bad);
re_status	re_mirror_gap(double reporter_imports_cif, double partner_exports_fob,
						  double factor, bool *defined, double *out, int *bad);
re_status	re_eu_import_reliance(double production, double imports, double exports,
								  bool *defined, double *out, int *bad);
re_status	re_wgi_to_crm_scale(double wgi, double *out);
re_status	re_supply_risk(double hhi_wgi_global, double hhi_wgi_eu, double import_reliance,
						   double eol_rir, double substitution_index, double *out, int *bad);
re_status	re_is_critical(double supply_risk, double economic_importance, bool *out, int *bad);

/*
 * HHI-WGI of a supply mix: sum of s_c^2 * WGI_c * t_c, shares as fractions.
 * wgi[i] and trade[i] belong to mix->keys[i]; has_wgi[i] false means no
 * score was given (an error for a supplier with quantity > 0: *bad = i,
 * RE_UNRECOGNIZED).  WGI on the 0-10 scale, t >= 0 and finite; RE_OVERFLOW
 * when huge trade factors take the sum beyond double.
 */
re_status	re_hhi_wgi(const re_mix *mix, const double *wgi, const bool *has_wgi,
					   const double *trade, bool *defined, double *out, int64_t *bad);

/*
 * Material balance (balance.c): totals per flow kind.  Import and export are
 * totals as UN Comtrade reports them (M, X); re-import and re-export are the
 * "of which" parts already inside them (RM within M, RX within X).
 */
typedef enum re_flow
{
	RE_FLOW_PRODUCTION = 0,
	RE_FLOW_IMPORT,
	RE_FLOW_EXPORT,
	RE_FLOW_REIMPORT,
	RE_FLOW_REEXPORT,
	RE_FLOW_STOCK_CHANGE,
	RE_FLOW_COUNT
} re_flow;

/* Parse a flow kind (case-insensitive; aliases M, X, RM, RX): RE_UNRECOGNIZED otherwise. */
re_status	re_flow_parse(const char *s, size_t len, re_flow *out);
const char *re_flow_name(re_flow f);

typedef struct re_balance_state
{
	re_ksum		q[RE_FLOW_COUNT];
} re_balance_state;

typedef struct re_balance
{
	double		q[RE_FLOW_COUNT];
} re_balance;

void		re_balance_state_init(re_balance_state *st);
/* qty finite; >= 0 except for stock_change */
re_status	re_balance_add(re_balance_state *st, re_flow f, double qty);
re_status	re_balance_merge(re_balance_state *dst, const re_balance_state *src);
re_status	re_balance_finish(const re_balance_state *st, re_balance *out);
/* check a finished balance's values: every quantity finite, >= 0 except stock_change */
re_status	re_balance_check(const re_balance *b, re_flow *bad);

/* state: u8 version (1) | 6 x { f64 sum | f64 comp }, in re_flow order */
#define RE_BALANCE_STATE_SIZE (1 + RE_FLOW_COUNT * 16)
void		re_balance_state_encode(const re_balance_state *st, uint8_t *out);
re_status	re_balance_state_decode(re_balance_state *st, const uint8_t *buf, size_t len);

/* summary: u8 version (1) | 6 x f64, in re_flow order; -0 is read as +0 */
#define RE_BALANCE_VERSION 1
#define RE_BALANCE_SIZE (1 + RE_FLOW_COUNT * 8)
void		re_balance_encode(const re_balance *b, uint8_t *out);
re_status	re_balance_decode(re_balance *b, const uint8_t *buf, size_t len);

/*
 * Accessors, with the definitions of the scalar metrics above: RE_OVERFLOW
 * when apparent consumption is beyond double, *defined false when a ratio
 * is undefined.
 */
re_status	re_balance_apparent_consumption(const re_balance *b, double *out);
re_status	re_balance_net_import_reliance(const re_balance *b, bool *defined, double *out);
re_status	re_balance_self_sufficiency(const re_balance *b, bool *defined, double *out);

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
 * Parse a JSON object key as a year in canonical decimal form: an optional
 * '-' and 1..12 decimal digits without a leading zero ("0" itself, but not
 * "02020" or "-0"), nothing else.  False on any other text; the result may
 * still be outside the year range (check with re_traj_year_in_range).
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
	int32_t		first_year;		/* pts[0].year when n > 0, read without touching pts */
	re_traj_point *pts;
} re_traj_state;

re_status	re_traj_state_init(re_traj_state *st, re_allocator alloc);

/*
 * Add a value for a year.  RE_OUT_OF_RANGE for a year outside the range,
 * RE_NONFINITE for NaN/Infinity, RE_OVERFLOW when the year's sum leaves
 * the range of double.
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
 * strictly ascending (RE_DUPLICATE_KEY / RE_UNSORTED) and values finite;
 * it reads -0 as +0.
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
/* USGS Mineral Commodity Summaries value cells (usgs_value.c)             */
/* ---------------------------------------------------------------------- */

/*
 * One cell of a USGS MCS table or data-release CSV, as printed: a number
 * with thousands separators ("270,000", "0.96"), a bound (">95", "<1,000"),
 * an estimate marker after a number ("2,500e"), a code without a number
 * ("W" withheld, "NA" not available, "E" net exporter, "XX" not
 * applicable), "s" (less than 1/2 unit) or the em dash for zero.  The MCS
 * legend defines these tokens; see data/usgs/usgs_mcs_format.md.
 */
typedef struct re_usgs_value
{
	bool		has_value;		/* false for W, NA, E, XX */
	double		value;			/* finite; the number after a '>' or '<' */
	char		qualifier[3];	/* "", ">", "<", "W", "NA", "E", "XX" */
	bool		estimated;		/* an 'e' printed after the number */
	const char *reason;			/* why a cell was refused (RE_UNRECOGNIZED) */
} re_usgs_value;

/*
 * Parse len bytes (no NUL needed).  The em dash is accepted as the cp1252
 * byte 0x97, as UTF-8 U+2014, and as U+0097 (a cp1252 file read as Latin-1);
 * surrounding spaces, tabs, CR/LF and no-break spaces (0xA0, U+00A0) are
 * ignored.  "s" gives value 0.5 with qualifier '<' (its legend: "less than
 * 1/2 unit").  Ranges ("10,000 - 15,000"), words ("Large"), misplaced
 * thousands separators and numbers beyond double range are RE_UNRECOGNIZED
 * with out->reason set to a short English sentence.
 */
re_status	re_usgs_value_parse(const char *text, size_t len, re_usgs_value *out);

/* ---------------------------------------------------------------------- */
/* CSV records (csv.c)                                                     */
/* ---------------------------------------------------------------------- */

/*
 * A reader of CSV text (RFC 4180): commas between fields, double quotes
 * around a field that holds commas, quotes ("") or line breaks, records
 * ended by CRLF, LF or CR.  line is the 1-based line the next field starts
 * on (a quoted line break counts), so a caller notes it before the first
 * field of a record.  max_record (0 after re_csv_init: no limit) bounds a
 * record's bytes, so that a caller can refuse a huge line before it has
 * copied it whole.
 */
typedef struct re_csv
{
	const char *buf;
	size_t		len;
	size_t		pos;
	size_t		line;
	size_t		max_record;
	size_t		record_start;	/* pos where the current record starts */
} re_csv;

void		re_csv_init(re_csv *c, const char *buf, size_t len);

/* true when no record is left (the input is empty or fully read) */
bool		re_csv_done(const re_csv *c);

/*
 * Read the next field, unquoted, into out, which must hold len - pos bytes
 * (a field is never longer than what is left of the input); *last is true
 * when the field ends its record.  RE_TRUNCATED: a quoted field is still
 * open at the end of the input (out holds what was read); RE_TOO_LARGE:
 * the record, its line end included, is longer than max_record bytes (read
 * up to the byte that would pass the bound).
 */
re_status	re_csv_field(re_csv *c, char *out, size_t *out_len, bool *last);

/* ---------------------------------------------------------------------- */
/* Little-endian helpers shared by every binary form (inline, below)      */
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

/*
 * Defined here, inline: the leader of a parallel plan reads every partial
 * state's fields through them (a call per field showed in its profile).
 * Little-endian on any host; memcpy is one load or store.
 */
#if defined(__BYTE_ORDER__) && defined(__ORDER_BIG_ENDIAN__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define RE_TO_LE64(v) __builtin_bswap64(v)
#define RE_TO_LE32(v) __builtin_bswap32(v)
#else
#define RE_TO_LE64(v) (v)
#define RE_TO_LE32(v) (v)
#endif

/* n more bytes can be read (else the reader is spent) */
static inline bool
re_reader_need(re_reader *r, size_t n)
{
	if (!r->ok || r->left < n)
	{
		r->ok = false;
		return false;
	}
	return true;
}

static inline const uint8_t *
re_get_bytes(re_reader *r, size_t n)
{
	const uint8_t *p;

	if (!re_reader_need(r, n))
		return NULL;
	p = r->p;
	r->p += n;
	r->left -= n;
	return p;
}

static inline uint8_t
re_get_u8(re_reader *r)
{
	const uint8_t *p = re_get_bytes(r, 1);

	return p ? p[0] : 0;
}

static inline uint32_t
re_get_u32(re_reader *r)
{
	const uint8_t *p = re_get_bytes(r, 4);
	uint32_t	v = 0;

	if (p)
		memcpy(&v, p, 4);
	return RE_TO_LE32(v);
}

static inline uint64_t
re_get_u64(re_reader *r)
{
	const uint8_t *p = re_get_bytes(r, 8);
	uint64_t	v = 0;

	if (p)
		memcpy(&v, p, 8);
	return RE_TO_LE64(v);
}

static inline int64_t
re_get_i64(re_reader *r)
{
	uint64_t	u = re_get_u64(r);
	int64_t		v;

	memcpy(&v, &u, sizeof(v));
	return v;
}

static inline double
re_get_f64(re_reader *r)
{
	uint64_t	u = re_get_u64(r);
	double		v;

	memcpy(&v, &u, sizeof(v));
	return v;
}

static inline uint8_t *
re_put_u8(uint8_t *p, uint8_t v)
{
	*p = v;
	return p + 1;
}

static inline uint8_t *
re_put_u32(uint8_t *p, uint32_t v)
{
	v = RE_TO_LE32(v);
	memcpy(p, &v, 4);
	return p + 4;
}

static inline uint8_t *
re_put_u64(uint8_t *p, uint64_t v)
{
	v = RE_TO_LE64(v);
	memcpy(p, &v, 8);
	return p + 8;
}

static inline uint8_t *
re_put_i64(uint8_t *p, int64_t v)
{
	uint64_t	u;

	memcpy(&u, &v, sizeof(u));
	return re_put_u64(p, u);
}

static inline uint8_t *
re_put_f64(uint8_t *p, double v)
{
	uint64_t	u;

	memcpy(&u, &v, sizeof(u));
	return re_put_u64(p, u);
}

static inline uint8_t *
re_put_bytes(uint8_t *p, const void *src, size_t n)
{
	if (n > 0)
		memcpy(p, src, n);
	return p + n;
}

/* ---------------------------------------------------------------------- */
/* Share-weighted scores and GeoPolRisk (geopolrisk.c)                     */
/* ---------------------------------------------------------------------- */

/*
 * Share-weighted score sum_i s_i * x_i over a mix, s_i the shares as
 * fractions, x_i = score[i] where has_score[i], else *missing_score (NULL:
 * none).  A supplier with quantity > 0 and no score is RE_UNRECOGNIZED with
 * *bad its index; a non-finite score RE_NONFINITE (*bad -1 for
 * missing_score).  *defined false for a zero total.
 */
re_status	re_weighted_score(const re_mix *mix, const double *score, const bool *has_score,
							  const double *missing_score, bool *defined, double *out, int64_t *bad);

/* the GeoPolRisk midpoint of copper, kg Cu-eq reference (geopolrisk-py core.py CF_Cu) */
#define RE_GEOPOLRISK_CU_MIDPOINT 0.409412948
/* *bad for an argument that is not a partner */
#define RE_GEOPOLRISK_BAD_PRICE (-2)
#define RE_GEOPOLRISK_BAD_MISSING (-3)

typedef struct re_geopolrisk_result
{
	double		hhi;			/* sum P_i^2 / (sum P_i)^2, 0..1 */
	double		import_risk;	/* sum f_i g_i / (F + P_c) */
	double		score;			/* hhi * import_risk */
	double		midpoint;		/* score * price */
	double		cf;				/* midpoint / RE_GEOPOLRISK_CU_MIDPOINT */
	bool		hhi_defined;	/* false for a zero world production */
	bool		score_defined;
	bool		midpoint_defined;	/* a price was given */
} re_geopolrisk_result;

/*
 * GeoPolRisk of the economic unit whose members are unit_keys (the importer,
 * plus the other members of a region): production is world production by
 * country, imports the unit's imports by partner, g[i]/has_g[i] the
 * stability score (0..1) of imports' partner i.  Partners inside the unit
 * score 0 and need no score; others with quantity > 0 need one, or
 * *missing_score (NULL: none).  price NULL: no midpoint.  Errors: a price
 * negative (RE_NEGATIVE) or not finite, *bad RE_GEOPOLRISK_BAD_PRICE;
 * missing_score outside 0..1, *bad RE_GEOPOLRISK_BAD_MISSING; a partner's
 * score outside 0..1 (RE_OUT_OF_RANGE), not finite, or absent
 * (RE_UNRECOGNIZED), *bad the partner's index in imports.  alloc gives a
 * sorted copy of the unit (RE_ENOMEM, *bad -1, when it fails): membership
 * is a merge with imports' sorted keys, n log n in the unit's size.
 */
re_status	re_geopolrisk(const re_mix *production, const re_mix *imports,
						  const char *const *unit_keys, const uint32_t *unit_lens, uint32_t n_unit,
						  const double *g, const bool *has_g, const double *missing_score,
						  const double *price, re_geopolrisk_result *r, int64_t *bad,
						  re_allocator alloc);

/* ---------------------------------------------------------------------- */
/* Trade networks and origin tracing (origin.c)                            */
/* ---------------------------------------------------------------------- */

/*
 * A trade network of one commodity, stage and year in one content unit:
 * countries (keys in canonical order, as supply_mix's), production p and
 * flows Z[from, to] (from != to).  This is the value of the SQL type
 * trade_network.  Keys point into the buffer it was decoded from or into
 * memory from the allocator.
 */
typedef struct re_tn
{
	uint32_t	n;
	const char **keys;
	uint32_t   *lens;
	double	   *production;		/* n, finite, >= 0 */
	uint32_t	m;
	uint32_t   *from;			/* m country indexes; (from, to) strictly ascending */
	uint32_t   *to;
	double	   *qty;			/* m, finite, >= 0 */
} re_tn;

/*
 * Build a network from unsorted (exporter, importer, quantity) triples: a
 * triple whose exporter is its importer is that country's production.
 * Quantities must be finite and >= 0 (RE_NONFINITE, RE_NEGATIVE); a pair
 * given twice is RE_DUPLICATE_KEY (text input: the caller adds first);
 * *bad is the offending triple's index.  -0 is stored as +0.
 */
re_status	re_tn_from_triples(re_tn *tn, re_allocator alloc, uint32_t k,
							   const char *const *ex, const uint32_t *exlen,
							   const char *const *im, const uint32_t *imlen,
							   const double *qty, uint32_t *bad);

/*
 * The binary form (on-disk value, send/receive):
 *   u8 version (1) | u32 n | n x { u32 len | bytes | f64 production }
 *   | u32 m | m x { u32 from | u32 to | f64 quantity }
 * Keys strictly ascending in canonical order, flows strictly ascending by
 * (from, to) with from != to and both < n, numbers finite and >= 0 (-0
 * read as +0).  Decoded keys point into buf.
 */
#define RE_TN_VERSION 1
size_t		re_tn_encoded_size(const re_tn *tn);
void		re_tn_encode(const re_tn *tn, uint8_t *out);
re_status	re_tn_decode(re_tn *tn, re_allocator alloc, const uint8_t *buf, size_t len);
int64_t		re_tn_find(const re_tn *tn, const char *key, uint32_t len);

/*
 * The network solved for origin tracing (Kastner et al. 2011, Ecological
 * Economics 70(6) 1032, doi:10.1016/j.ecolecon.2011.01.012):
 * x = p + imports, d = x - exports, O = diag(p) (diag(x) - Z)^-1 diag(d).
 *
 * Imbalance rule: a country whose reported exports exceed its reported
 * supply (production + imports) exports all of its supply, split as its
 * reported flows are (FABIO's rule, Bruckner et al. 2019, Environ. Sci.
 * Technol. 53(19) 11302: exports scaled to supply).  Its partners then
 * receive less, so with export shares a[k,j] = Z[k,j] / max(supply_k,
 * exports_k) held fixed the network is solved as x = p + a' x: every
 * adjusted flow a[k,j] x_k is at most the reported one and no use is
 * negative.  Balanced data needs no solve: x and d are the reported sums.
 * adjustment[k] = reported - adjusted exports of k (over-exporters and
 * those downstream whose supply shrank).
 */
typedef struct re_tn_solution
{
	uint32_t	n;
	uint32_t	m;				/* flows kept: from != to, quantity > 0 */
	const double *production;
	double	   *supply;			/* x */
	double	   *use;			/* d, >= 0 */
	double	   *reported_exports;
	double	   *exports;		/* adjusted */
	double	   *share_base;		/* max(reported supply, reported exports) */
	double	   *scale;			/* adjusted flow = reported flow * scale[from] */
	bool		adjusted;		/* some flow was scaled down */
	/* flows by importer: in_start[j] .. in_start[j + 1] - 1 */
	uint32_t   *in_start;
	uint32_t   *in_from;
	double	   *in_qty;			/* reported */
	double	   *in_adj;			/* adjusted: in_qty * scale[in_from] */
	uint8_t    *role;			/* bit 1: imports, bit 2: exports */
} re_tn_solution;

/*
 * Solve a network given as n countries, production p and m flows (any
 * order; a flow from a country to itself changes nothing in the formula
 * and is ignored; equal pairs add).  RE_OVERFLOW when a supply is beyond
 * double; RE_NOT_CONVERGED when the iteration for an unbalanced network
 * exceeds its budget (a loop re-exporting nearly all it receives).
 */
re_status	re_tn_solve(re_tn_solution *s, re_allocator alloc, uint32_t n, const double *p,
						uint32_t m, const uint32_t *from, const uint32_t *to, const double *qty);

/*
 * Rows of O for count origins at once: out[r * n + j] = the quantity
 * produced in origins[r] that ends up used in j (each row sums to
 * p[origins[r]]).  One set of Gauss-Seidel sweeps serves every row: the
 * cost is that of one solve with count right-hand sides, memory 2 count n
 * doubles (callers block origins by re_tn_rows_block).
 */
re_status	re_tn_origin_rows(const re_tn_solution *s, re_allocator alloc, uint32_t count,
							  const uint32_t *origins, double *out);

/* Origins per re_tn_origin_rows call for n countries: RE_TN_ROWS_CELLS / n, at least 1. */
#define RE_TN_ROWS_CELLS (UINT32_C(1) << 20)
uint32_t	re_tn_rows_block(uint32_t n);

/* Row origin of O: out[j] = O[origin, j] (n entries; they sum to p[origin]). */
re_status	re_tn_origin_row(const re_tn_solution *s, re_allocator alloc, uint32_t origin, double *out);

/*
 * Column j of O: out[i] = the quantity of j's use produced in i (n
 * entries; they sum to d[j]): the rows of every producing country, in
 * blocks of re_tn_rows_block(n).
 */
re_status	re_tn_origin_column(const re_tn_solution *s, re_allocator alloc, uint32_t j, double *out);

/*
 * j's use by direct source under proportional pooling: out[j] its own
 * production, out[k] its adjusted imports from k, all scaled by d_j / x_j
 * so that they sum to d[j].
 */
void		re_tn_direct_column(const re_tn_solution *s, uint32_t j, double *out);

/*
 * Disruption what-if: supplier cuts its exports by the fraction cut (0..1,
 * else RE_OUT_OF_RANGE), every export share held fixed, the network
 * re-solved (the supplier keeps what it no longer exports).  use_after[j]
 * is every country's use afterwards (they sum to total production);
 * direct_shortfall[j] = cut x adjusted imports of j from supplier, and
 * -cut x supplier's exports for the supplier itself.
 */
re_status	re_tn_disruption(const re_tn_solution *s, re_allocator alloc, uint32_t supplier,
							 double cut, double *use_after, double *direct_shortfall);

/*
 * The network solved again with production p_new (n entries, finite, >= 0)
 * and, for supplier < n, the supplier's exports cut by the fraction cut
 * (supplier = n: no cut), every export share held fixed: use_after[j] for
 * every country.  Countries neither changed nor downstream of a change
 * keep their use bit for bit.  re_tn_disruption is the case p_new = p.
 */
re_status	re_tn_resolve(const re_tn_solution *s, re_allocator alloc, const double *p_new,
						  uint32_t supplier, double cut, double *use_after);

/*
 * Stages chained (mine -> separation -> metal -> magnet): k networks of
 * consecutive stages of one commodity, earliest first, each solved.  The
 * origin mix of country q's use at stage s - 1 flows into what q produces
 * at stage s (countries matched by key):
 *   mine_origin[m, j] = sum_q (O_{s-1}[m, q] / d_{s-1}[q]) O_s[q, j],
 * applied stage after stage.  Production of a country that used nothing
 * at the stage before (or is absent from it) has no earlier stage in the
 * data: it is its own origin.  quantity[o * n + j] is the use of country j
 * of the last stage (n countries) that originates in keys[o]; origins are
 * every stage's producers in canonical key order.  Cost: one solve per
 * stage with a right-hand side per origin.
 */
typedef struct re_tn_chain
{
	uint32_t	norigins;
	const char **keys;
	uint32_t   *lens;
	uint32_t	n;
	double	   *quantity;
} re_tn_chain;

re_status	re_tn_chain_trace(re_tn_chain *c, re_allocator alloc, uint32_t k,
							  const re_tn *tn, const re_tn_solution *s);

/*
 * A cut across stages: the supplier (by key) cuts its exports of the first
 * stage by the fraction cut; each later stage's producers produce in
 * proportion to their use of the stage before (fixed input per output,
 * never more than before: capacity), every export share held fixed.
 * use_after gets the last stage's use per country.
 */
re_status	re_tn_chain_disruption(re_allocator alloc, uint32_t k, const re_tn *tn,
								   const re_tn_solution *s, const char *supplier,
								   uint32_t supplier_len, double cut, double *use_after);

#endif							/* RAREEARTH_CORE_H */
