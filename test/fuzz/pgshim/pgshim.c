/*
 * pgshim.c — the backend functions that src/json_numbers.c and the text I/O
 * of supply_mix, material_balance and trajectory call, so that
 * test/fuzz/fuzz_json_numbers.c can run them outside the server.
 *
 * What runs for real:
 *   - the glue files (src/json_numbers.c, src/module.c, src/supply_mix.c,
 *     src/material_balance.c, src/trajectory.c) and the core, unchanged,
 *     compiled as backend code against the server headers;
 *   - PostgreSQL's JSON lexer and parser (common/jsonapi.c), StringInfo,
 *     psprintf, the shortest-decimal printer (common/d2s.c) and the encoding
 *     functions (common/wchar.c), from the frontend builds of src/common and
 *     src/port that postgresql-server-dev-15 ships as libpgcommon.a and
 *     libpgport.a.  The frontend jsonapi.c is the backend's but for three
 *     #ifdefs: it has no check_stack_depth() (never reached here: the
 *     callbacks raise an ERROR at the first array and at the second level of
 *     object, before the parser recurses further); it has no json_errdetail()
 *     (the shim's JSON errors carry a plainer detail); and it decodes a \u
 *     escape above U+007F only when the encoding is UTF8, returning
 *     JSON_UNICODE_HIGH_ESCAPE (22P05) in other encodings, where the server
 *     would convert the character with pg_unicode_to_server() or fail.  So
 *     under UTF8 the harness sees what the server does; under other
 *     encodings such escapes are refused where the server might accept them.
 *
 * What this file supplies, each mirroring its backend original:
 *   - ereport (utils/error/elog.c): errstart, errcode, errmsg, errdetail,
 *     errhint and errfinish fill one error record (and, since 16,
 *     errsave_start and errsave_finish, errsave without a context).  For ERROR and above,
 *     errfinish longjmps to *PG_exception_stack as the server's
 *     pg_re_throw() does, so a caller catches it with PG_TRY/PG_CATCH
 *     exactly as backend code would; an ERROR with no PG_TRY around it
 *     aborts (in the server it would end the session); pg_re_throw()
 *     passes a caught error on to the next PG_TRY out.  The SQLSTATE
 *     defaults to XX000, as for elog(ERROR).  Messages below ERROR are
 *     dropped (no glue path on the text I/O emits any).  Messages are
 *     formatted with PostgreSQL's own vsnprintf (libpgport) into the record,
 *     so every argument is read, as the server reads it.
 *   - palloc and friends (utils/mmgr/mcxt.c): one memory context.  Every
 *     chunk is malloc'd with a header linking it into a list, and
 *     pgshim_reset_memory() frees them all, as the server resets the
 *     memory context of a statement whether or not it ended in an ERROR;
 *     that is why the glue never frees on its error paths, and why the
 *     harness leaks nothing.  Sizes are checked as the server checks them
 *     (over MaxAllocSize, or MaxAllocHugeSize for MCXT_ALLOC_HUGE and
 *     repalloc_huge, is elog(ERROR) "invalid memory alloc request size",
 *     XX000); malloc failing is ERROR 53200 "out of memory".  pfree and
 *     repalloc of NULL abort, as they crash the server.  The frontend
 *     jsonapi.c and stringinfo.c allocate through these too (the linker
 *     resolves their palloc here, before fe_memutils.o would be needed).
 *   - GetDatabaseEncoding (utils/mb/mbutils.c): the encoding the harness
 *     set with pgshim_set_database_encoding().
 *   - pg_parse_json_or_ereport and json_ereport_error
 *     (utils/adt/jsonfuncs.c; since 16 pg_parse_json_or_errsave, over which
 *     pg_parse_json_or_ereport is a macro): pg_parse_json, then ERROR 22P05 for
 *     JSON_UNICODE_HIGH_ESCAPE and JSON_UNICODE_CODE_POINT_ZERO and 22P02
 *     for every other failure, as in PostgreSQL 15.  The server's detail
 *     (json_errdetail) and CONTEXT line are not reproduced.
 *   - escape_json (utils/adt/json.c): a copy of PostgreSQL 15's, which the
 *     output functions call.
 *   - pg_detoast_datum_packed (utils/fmgr/fmgr.c): returns a plain varlena
 *     unchanged, as the server does; every datum here was palloc'd by the
 *     glue, so a compressed or external one cannot occur and aborts.
 *   - CHECK_FOR_INTERRUPTS (miscadmin.h, tcop/postgres.c): InterruptPending
 *     is never set here (no signals), so ProcessInterrupts is never reached
 *     and aborts, naming itself, if it is.
 *   - functions the glue files reference only on paths the text I/O never
 *     takes (jsonb output, binary I/O, aggregates): DirectFunctionCall1Coll,
 *     jsonb_in, numeric_float8, text_to_cstring, AggCheckCallContext,
 *     pq_begintypsend, pq_endtypsend, pq_sendbytes, pg_verifymbstr.  The
 *     linker needs them because the glue files are linked whole; each
 *     aborts, naming itself, if it is ever called.
 */
#include "postgres.h"

#include <setjmp.h>
#include <stdarg.h>

#include "common/jsonapi.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonfuncs.h"
#include "utils/memutils.h"

#include "pgshim.h"

pg_noreturn static void unreachable(const char *what);

static void
unreachable(const char *what)
{
	fprintf(stderr, "pgshim: %s was called, which the text input and output never do\n", what);
	abort();
}

/* ------------------------------------------------------------------------ */
/* interrupts                                                               */
/* ------------------------------------------------------------------------ */

volatile sig_atomic_t InterruptPending = false;

void
ProcessInterrupts(void)
{
	unreachable("ProcessInterrupts");
}

/* ------------------------------------------------------------------------ */
/* ereport                                                                  */
/* ------------------------------------------------------------------------ */

sigjmp_buf *PG_exception_stack = NULL;
ErrorContextCallback *error_context_stack = NULL;

static pgshim_error current;	/* being built, or caught */
static int	current_elevel;		/* 0: no error being built */
static bool caught;				/* current holds an error thrown and not flushed */

bool
errstart(int elevel, const char *domain)
{
	(void) domain;
	if (elevel < ERROR)
		return false;
	if (current_elevel != 0 || caught)
	{
		/* the server would report "ERRORDATA_STACK_SIZE exceeded" or recurse */
		fprintf(stderr, "pgshim: an ERROR was raised while another was being reported (%s: %s)\n",
				current.sqlstate, current.message);
		abort();
	}
	memset(&current, 0, sizeof(current));
	current_elevel = elevel;
	current.sqlerrcode = ERRCODE_INTERNAL_ERROR;
	return true;
}

bool
errstart_cold(int elevel, const char *domain)
{
	return errstart(elevel, domain);
}

static void
check_building(const char *what)
{
	if (current_elevel == 0)
	{
		fprintf(stderr, "pgshim: %s outside ereport\n", what);
		abort();
	}
}

int
errcode(int sqlerrcode)
{
	check_building("errcode");
	current.sqlerrcode = sqlerrcode;
	return 0;
}

/* errmsg(fmt, ...) and the like: format into one field of the record */
#define FORMAT_INTO_FIELD(name, field) \
int \
name(const char *fmt,...) \
{ \
	va_list		ap; \
\
	check_building(#name); \
	va_start(ap, fmt); \
	vsnprintf(current.field, sizeof(current.field), fmt, ap); \
	va_end(ap); \
	return 0; \
}

FORMAT_INTO_FIELD(errmsg, message)
FORMAT_INTO_FIELD(errmsg_internal, message)
FORMAT_INTO_FIELD(errdetail, detail)
FORMAT_INTO_FIELD(errdetail_internal, detail)
FORMAT_INTO_FIELD(errhint, hint)

void
errfinish(const char *filename, int lineno, const char *funcname)
{
	int			code;

	check_building("errfinish");
	code = current.sqlerrcode;
	for (int i = 0; i < 5; i++, code >>= 6)
		current.sqlstate[i] = PGUNSIXBIT(code);
	current.sqlstate[5] = '\0';
	current.filename = filename;
	current.lineno = lineno;
	current.funcname = funcname;
	current_elevel = 0;
	caught = true;
	if (PG_exception_stack == NULL)
	{
		fprintf(stderr, "pgshim: ERROR %s outside PG_TRY at %s:%d: %s\n",
				current.sqlstate, filename, lineno, current.message);
		abort();
	}
	siglongjmp(*PG_exception_stack, 1);
}

#ifdef RE_HAS_SOFT_ERRORS
/* errsave (16+) with no soft-error context, as the glue is called here: ereport(ERROR) */
bool
errsave_start(struct Node *context, const char *domain)
{
	if (context != NULL)
		unreachable("errsave with a soft-error context");
	return errstart(ERROR, domain);
}

void
errsave_finish(struct Node *context, const char *filename, int lineno, const char *funcname)
{
	(void) context;
	errfinish(filename, lineno, funcname);
}
#endif

/* PG_RE_THROW(), which PG_END_TRY names after a PG_FINALLY */
void
pg_re_throw(void)
{
	if (!caught || PG_exception_stack == NULL)
	{
		fprintf(stderr, "pgshim: PG_RE_THROW with no error or no outer PG_TRY\n");
		abort();
	}
	siglongjmp(*PG_exception_stack, 1);
}

const pgshim_error *
pgshim_caught(void)
{
	if (!caught)
	{
		fprintf(stderr, "pgshim: no error was caught\n");
		abort();
	}
	return &current;
}

void
pgshim_flush_error(void)
{
	caught = false;
}

/* ------------------------------------------------------------------------ */
/* palloc: one memory context, reset by pgshim_reset_memory                  */
/* ------------------------------------------------------------------------ */

typedef struct chunk
{
	struct chunk *prev,
			   *next;
} chunk;

/* palloc'd memory is MAXALIGNed; malloc's alignment (16) covers that */
#define CHUNK_HDRSZ TYPEALIGN(16, sizeof(chunk))
#define CHUNK_OF(p) ((chunk *) ((char *) (p) - CHUNK_HDRSZ))
#define DATA_OF(c) ((void *) ((char *) (c) + CHUNK_HDRSZ))

static chunk chunks = {&chunks, &chunks};	/* the list's sentinel */
static MemoryContextData the_context;
MemoryContext CurrentMemoryContext = &the_context;

static void
link_chunk(chunk *c)
{
	c->prev = &chunks;
	c->next = chunks.next;
	chunks.next->prev = c;
	chunks.next = c;
}

static void
unlink_chunk(chunk *c)
{
	c->prev->next = c->next;
	c->next->prev = c->prev;
}

static void *
alloc_chunk(Size size, int flags)
{
	chunk	   *c;

	if ((flags & MCXT_ALLOC_HUGE) ? !AllocHugeSizeIsValid(size) : !AllocSizeIsValid(size))
		elog(ERROR, "invalid memory alloc request size %zu", size);
	c = malloc(CHUNK_HDRSZ + size);
	if (c == NULL)
	{
		if (flags & MCXT_ALLOC_NO_OOM)
			return NULL;
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory"),
				 errdetail("Failed on request of size %zu.", size)));
	}
	link_chunk(c);
	if (flags & MCXT_ALLOC_ZERO)
		memset(DATA_OF(c), 0, size);
	return DATA_OF(c);
}

static void *
realloc_chunk(void *pointer, Size size, bool huge)
{
	chunk	   *c;
	chunk	   *moved;

	if (pointer == NULL)
		unreachable("repalloc(NULL), which crashes the server,");
	if (huge ? !AllocHugeSizeIsValid(size) : !AllocSizeIsValid(size))
		elog(ERROR, "invalid memory alloc request size %zu", size);
	c = CHUNK_OF(pointer);
	unlink_chunk(c);
	moved = realloc(c, CHUNK_HDRSZ + size);
	if (moved == NULL)
	{
		link_chunk(c);			/* still allocated, freed at the reset */
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory"),
				 errdetail("Failed on request of size %zu.", size)));
	}
	link_chunk(moved);
	return DATA_OF(moved);
}

void
pgshim_reset_memory(void)
{
	while (chunks.next != &chunks)
	{
		chunk	   *c = chunks.next;

		unlink_chunk(c);
		free(c);
	}
}

void *
MemoryContextAllocExtended(MemoryContext context, Size size, int flags)
{
	(void) context;
	return alloc_chunk(size, flags);
}

void *
MemoryContextAllocZero(MemoryContext context, Size size)
{
	(void) context;
	return alloc_chunk(size, MCXT_ALLOC_ZERO);
}

void *
palloc_extended(Size size, int flags)
{
	return alloc_chunk(size, flags);
}

/*
 * The shim's memory is freed only by pgshim_reset_memory, between inputs,
 * and the harness runs no aggregate whose pool would need the callback.
 */
void
MemoryContextRegisterResetCallback(MemoryContext context, MemoryContextCallback *cb)
{
	(void) context;
	(void) cb;
}

void *
MemoryContextAlloc(MemoryContext context, Size size)
{
	(void) context;
	return alloc_chunk(size, 0);
}

void *
palloc(Size size)
{
	return alloc_chunk(size, 0);
}

void *
palloc0(Size size)
{
	return alloc_chunk(size, MCXT_ALLOC_ZERO);
}

void *
repalloc(void *pointer, Size size)
{
	return realloc_chunk(pointer, size, false);
}

void *
repalloc_huge(void *pointer, Size size)
{
	return realloc_chunk(pointer, size, true);
}

void
pfree(void *pointer)
{
	chunk	   *c;

	if (pointer == NULL)
		unreachable("pfree(NULL), which crashes the server,");
	c = CHUNK_OF(pointer);
	unlink_chunk(c);
	free(c);
}

char *
pstrdup(const char *in)
{
	return pnstrdup(in, strlen(in));
}

char *
pnstrdup(const char *in, Size len)
{
	char	   *out;

	len = strnlen(in, len);
	out = palloc(len + 1);
	memcpy(out, in, len);
	out[len] = '\0';
	return out;
}

/* ------------------------------------------------------------------------ */
/* the database encoding                                                    */
/* ------------------------------------------------------------------------ */

static int	database_encoding = PG_UTF8;

void
pgshim_set_database_encoding(int encoding)
{
	database_encoding = encoding;
}

int
GetDatabaseEncoding(void)
{
	return database_encoding;
}

/* ------------------------------------------------------------------------ */
/* JSON: jsonfuncs.c's error reporting, json.c's escape_json                */
/* ------------------------------------------------------------------------ */

static void
json_error(JsonParseErrorType error)
{
	if (error == JSON_UNICODE_HIGH_ESCAPE ||
		error == JSON_UNICODE_CODE_POINT_ZERO)
		ereport(ERROR,
				(errcode(ERRCODE_UNTRANSLATABLE_CHARACTER),
				 errmsg("unsupported Unicode escape sequence"),
				 errdetail("JsonParseErrorType %d.", (int) error)));
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s", "json"),
				 errdetail("JsonParseErrorType %d.", (int) error)));
}

#ifdef RE_HAS_SOFT_ERRORS
/* 16+: pg_parse_json_or_ereport is a macro over this; the glue passes no escontext */
bool
pg_parse_json_or_errsave(JsonLexContext *lex, RE_JSON_SEM_CONST JsonSemAction *sem, Node *escontext)
{
	JsonParseErrorType result = pg_parse_json(lex, sem);

	if (escontext != NULL)
		unreachable("pg_parse_json_or_errsave with an escontext");
	if (result != JSON_SUCCESS)
		json_error(result);
	return true;
}
#else
void
pg_parse_json_or_ereport(JsonLexContext *lex, JsonSemAction *sem)
{
	JsonParseErrorType result = pg_parse_json(lex, sem);

	if (result != JSON_SUCCESS)
		json_error(result);
}

void
json_ereport_error(JsonParseErrorType error, JsonLexContext *lex)
{
	(void) lex;
	json_error(error);
}
#endif

/* PostgreSQL 15's escape_json (src/backend/utils/adt/json.c), unchanged */
void
escape_json(StringInfo buf, const char *str)
{
	const char *p;

	appendStringInfoCharMacro(buf, '"');
	for (p = str; *p; p++)
	{
		switch (*p)
		{
			case '\b':
				appendStringInfoString(buf, "\\b");
				break;
			case '\f':
				appendStringInfoString(buf, "\\f");
				break;
			case '\n':
				appendStringInfoString(buf, "\\n");
				break;
			case '\r':
				appendStringInfoString(buf, "\\r");
				break;
			case '\t':
				appendStringInfoString(buf, "\\t");
				break;
			case '"':
				appendStringInfoString(buf, "\\\"");
				break;
			case '\\':
				appendStringInfoString(buf, "\\\\");
				break;
			default:
				if ((unsigned char) *p < ' ')
					appendStringInfo(buf, "\\u%04x", (int) *p);
				else
					appendStringInfoCharMacro(buf, *p);
				break;
		}
	}
	appendStringInfoCharMacro(buf, '"');
}

/* ------------------------------------------------------------------------ */
/* fmgr                                                                     */
/* ------------------------------------------------------------------------ */

struct varlena *
pg_detoast_datum_packed(struct varlena *datum)
{
	if (VARATT_IS_COMPRESSED(datum) || VARATT_IS_EXTERNAL(datum))
		unreachable("pg_detoast_datum_packed of a compressed or external datum");
	return datum;
}

/* ------------------------------------------------------------------------ */
/* referenced by the glue files, never on the text input and output paths   */
/* ------------------------------------------------------------------------ */

Datum
DirectFunctionCall1Coll(PGFunction func, Oid collation, Datum arg1)
{
	(void) func;
	(void) collation;
	(void) arg1;
	unreachable("DirectFunctionCall1Coll");
}

Datum
jsonb_in(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	unreachable("jsonb_in");
}

Datum
numeric_float8(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	unreachable("numeric_float8");
}

char *
text_to_cstring(const text *t)
{
	(void) t;
	unreachable("text_to_cstring");
}

int
AggCheckCallContext(FunctionCallInfo fcinfo, MemoryContext *aggcontext)
{
	(void) fcinfo;
	(void) aggcontext;
	unreachable("AggCheckCallContext");
}

void
pq_begintypsend(StringInfo buf)
{
	(void) buf;
	unreachable("pq_begintypsend");
}

bytea *
pq_endtypsend(StringInfo buf)
{
	(void) buf;
	unreachable("pq_endtypsend");
}

void
pq_sendbytes(StringInfo buf, re_pq_bytes data, int datalen)
{
	(void) buf;
	(void) data;
	(void) datalen;
	unreachable("pq_sendbytes");
}

bool
pg_verifymbstr(const char *mbstr, int len, bool noError)
{
	(void) mbstr;
	(void) len;
	(void) noError;
	unreachable("pg_verifymbstr");
}
