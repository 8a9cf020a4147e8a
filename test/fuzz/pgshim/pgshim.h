/*
 * pgshim.h — what test/fuzz/fuzz_json_numbers.c asks of the backend shim
 * (pgshim.c): the database encoding to pretend, the error a PG_CATCH block
 * caught, and the reset of the one memory context.
 *
 * The shim replaces no server header: the glue files, the harness and
 * pgshim.c are all compiled as backend code against
 * `pg_config --includedir-server`, so every declaration they see is the
 * server's own; pgshim.c only supplies definitions for the few backend
 * functions the linker asks for (see the comment at its top).
 */
#ifndef PGSHIM_H
#define PGSHIM_H

#include "postgres.h"

#include "pg_compat.h"

/* The error the last ereport(ERROR) raised, as errfinish recorded it. */
typedef struct pgshim_error
{
	int			sqlerrcode;		/* ERRCODE_*, as MAKE_SQLSTATE packs it */
	char		sqlstate[6];	/* the same, as the five characters */
	char		message[1024];
	char		detail[1024];
	char		hint[1024];
	const char *filename;		/* where ereport was called */
	int			lineno;
	const char *funcname;
} pgshim_error;

/* GetDatabaseEncoding() returns this (a PG_* encoding id; PG_UTF8 at start). */
void		pgshim_set_database_encoding(int encoding);

/* The error caught in the current PG_CATCH block. */
const pgshim_error *pgshim_caught(void);

/* Forget the caught error, as FlushErrorState() does after a PG_CATCH. */
void		pgshim_flush_error(void);

/*
 * Free every chunk palloc'd since the last reset, as the server resets a
 * statement's memory context whether it ended in an ERROR or not.
 */
void		pgshim_reset_memory(void);

#endif
