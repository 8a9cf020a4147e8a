/*
 * glue.h — what every glue file shares: the core's allocator backed by a
 * PostgreSQL memory context, and the supply_mix varlena helpers.
 */
#ifndef RAREEARTH_GLUE_H
#define RAREEARTH_GLUE_H

#include "postgres.h"
#include "fmgr.h"

#include "rareearth_core.h"

/* An allocator that pallocs in cxt (huge allocations allowed). */
re_allocator re_pg_allocator(MemoryContext cxt);

/*
 * Raise an error for a core status that is not RE_OK.  what names the thing
 * being decoded or computed ("supply_mix", "supply_mix aggregate state").
 */
void		re_report_decode_error(re_status st, const char *what, int sqlstate) pg_attribute_noreturn();

/*
 * The aggregate memory context of an aggregate support function; an error
 * when fname is called outside an aggregate.
 */
MemoryContext re_agg_context(FunctionCallInfo fcinfo, const char *fname);

/*
 * A send function for types whose stored bytes are already their versioned
 * binary form: argument 0's bytes, unchanged.
 */
Datum		re_send_varlena_bytes(FunctionCallInfo fcinfo);

/*
 * Text input of the summary types written as a flat JSON object of
 * key: number.  The reader rejects anything else (arrays, nested objects,
 * non-numbers) with messages in the type's own words, and numbers beyond
 * double precision or nonzero numbers that would round to 0 with 22003
 * (re_parse_number); then it calls on_key (optional) as each key starts
 * and on_number for each finite value, -0 given as +0.
 */
typedef struct re_json_numbers
{
	const char *type_name;		/* "supply_mix" */
	const char *value_word;		/* "quantity", "value" */
	const char *key_word;		/* "supplier", "kind", "year" */
	const char *nested_detail;	/* errdetail for a nested object */
	const char *hint;			/* errhint: how the type is written */
	void		(*on_key) (void *ctx, const char *key);
	void		(*on_number) (void *ctx, const char *key, const char *token, double value);
	void	   *ctx;
} re_json_numbers;

void		re_parse_json_numbers(const char *input, const re_json_numbers *spec);

/*
 * supply_mix values.  re_mix_from_datum also checks that the total is
 * finite (22003 otherwise), as every accessor needs; the text and jsonb
 * output read any well-formed value, so a value stored before totals were
 * checked can still be dumped and repaired.
 */
void		re_mix_from_datum(Datum d, re_mix *mix);
void		re_mix_from_datum_for_output(Datum d, re_mix *mix);
bytea	   *re_mix_to_varlena(const re_mix *mix);

/* The 22003 error of a supply_mix whose total overflows; detail may be NULL. */
void		re_report_mix_total(const char *detail) pg_attribute_noreturn();

/* The error for a status of re_mix_add_*: a bad quantity, an overflow, memory. */
void		re_report_mix_quantity(re_status st, const char *supplier, double qty) pg_attribute_noreturn();

#endif
