/*
 * json_numbers.c — the text input shared by every summary type whose text
 * form is a flat JSON object of key: number (supply_mix, material_balance,
 * trajectory), and trade_network's object of such objects.
 *
 * PostgreSQL's own JSON parser does the lexing; this file rejects every
 * shape but one flat object of finite numbers, with the type's own words in
 * the messages, and hands each key and number to the type's callbacks.
 * Numbers are read by the core (re_parse_number, fuzzed in
 * test/fuzz/fuzz_json_text.c): beyond double or nonzero but rounding to
 * 0 is an error 22003, as in PostgreSQL's float8in; -0 is read as 0.
 * This file and the types' text I/O are fuzzed, with PostgreSQL's JSON
 * parser, by test/fuzz/fuzz_json_numbers.c.
 */
#include "postgres.h"

#include "common/jsonapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/jsonfuncs.h"

#include "glue.h"

typedef struct reader
{
	const char *input;
	const re_json_numbers *spec;
	int			depth;
	char	   *key;			/* the current key */
	void		(*on_object) (void *ctx, const char *key);	/* objects of objects */
	const char *outer_detail;
} reader;

/* the input is not one flat object of numbers (a soft error where asked) */
static void
syntax_error(reader *r, const char *detail)
{
	errsave(r->spec->escontext,
			errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			errmsg("invalid input syntax for type %s: \"%s\"", r->spec->type_name, r->input),
			errdetail("%s", detail),
			errhint("%s", r->spec->hint));
}

static RE_JSON_ACTION
on_object_start(void *state)
{
	reader	   *r = state;

	if (++r->depth > (r->on_object ? 2 : 1))
	{
		syntax_error(r, r->spec->nested_detail);
		RE_JSON_ACTION_FAILED;
	}
	if (r->depth == 2)
		r->on_object(r->spec->ctx, r->key);
	RE_JSON_ACTION_DONE;
}

static RE_JSON_ACTION
on_object_end(void *state)
{
	((reader *) state)->depth--;
	RE_JSON_ACTION_DONE;
}

static RE_JSON_ACTION
on_array_start(void *state)
{
	reader	   *r = state;

	syntax_error(r, psprintf("A %s is a JSON object, not an array.", r->spec->type_name));
	RE_JSON_ACTION_FAILED;
}

static RE_JSON_ACTION
on_field_start(void *state, char *fname, bool isnull)
{
	reader	   *r = state;

	(void) isnull;				/* a null value is rejected in on_scalar */
	CHECK_FOR_INTERRUPTS();		/* PostgreSQL's JSON parser checks for none */
	r->key = fname;
	if (r->spec->on_key && !r->spec->on_key(r->spec->ctx, fname, r->spec->escontext))
		RE_JSON_ACTION_FAILED;
	RE_JSON_ACTION_DONE;
}

static RE_JSON_ACTION
on_scalar(void *state, char *token, JsonTokenType tokentype)
{
	reader	   *r = state;
	const re_json_numbers *spec = r->spec;
	double		v = 0;
	re_status	st;

	if (r->depth == 0)
	{
		syntax_error(r, psprintf("A %s is a JSON object, not a scalar.", spec->type_name));
		RE_JSON_ACTION_FAILED;
	}
	if (r->depth == 1 && r->on_object)
	{
		syntax_error(r, psprintf("The value of \"%s\" is not an object. %s", r->key, r->outer_detail));
		RE_JSON_ACTION_FAILED;
	}
	if (tokentype != JSON_TOKEN_NUMBER)
	{
		errsave(spec->escontext,
				errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("%s \"%s\" for %s \"%s\" is not a number",
					   spec->value_word, token, spec->key_word, r->key),
				errhint("%s", spec->hint));
		RE_JSON_ACTION_FAILED;
	}
	/* a JSON number token always has the syntax; only its magnitude can fail */
	st = re_parse_number(token, &v);
	if (st == RE_OVERFLOW || st == RE_UNDERFLOW)
	{
		errsave(spec->escontext,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("%s \"%s\" for %s \"%s\" is out of range for type double precision",
					   spec->value_word, token, spec->key_word, r->key),
				errdetail(st == RE_OVERFLOW ?
						  "Its magnitude is beyond double precision." :
						  "It is not zero but too small for double precision: it would round to 0."));
		RE_JSON_ACTION_FAILED;
	}
	if (st != RE_OK)			/* not expected: PostgreSQL's lexer checks the syntax */
	{
		syntax_error(r, psprintf("\"%s\" is not a JSON number.", token));
		RE_JSON_ACTION_FAILED;
	}
	if (!spec->on_number(spec->ctx, r->key, token, v, spec->escontext))
		RE_JSON_ACTION_FAILED;
	RE_JSON_ACTION_DONE;
}

static bool
parse(const char *input, const re_json_numbers *spec,
	  void (*on_object) (void *ctx, const char *key), const char *outer_detail)
{
	reader		r = {input, spec, 0, NULL, on_object, outer_detail};
	JsonSemAction sem = {0};
	JsonLexContext *lex;

	sem.semstate = &r;
	sem.object_start = on_object_start;
	sem.object_end = on_object_end;
	sem.array_start = on_array_start;
	sem.object_field_start = on_field_start;
	sem.scalar = on_scalar;
	lex = re_make_json_lex(unconstify(char *, input), strlen(input), GetDatabaseEncoding(), true);
	return re_parse_json_or_errsave(lex, &sem, spec->escontext);
}

bool
re_parse_json_numbers(const char *input, const re_json_numbers *spec)
{
	return parse(input, spec, NULL, NULL);
}

bool
re_parse_json_objects(const char *input, const re_json_numbers *spec,
					  void (*on_object) (void *ctx, const char *key), const char *outer_detail)
{
	return parse(input, spec, on_object, outer_detail);
}
