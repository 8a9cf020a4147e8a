/*
 * country.c — glue for the country type: a 2-byte pass-by-value code (the
 * packed 3-character code of src/core/country.c), text and binary I/O,
 * btree and hash support, and the lookup functions.
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "fmgr.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "glue.h"

#define PG_GETARG_COUNTRY(n) DatumGetUInt16(PG_GETARG_DATUM(n))
#define PG_RETURN_COUNTRY(c) return UInt16GetDatum(c)

/* the entry of a stored value; a value not in the table is corrupt data */
static const re_country *
entry_of(uint16 code)
{
	const re_country *c = re_country_by_code(code);

	if (c == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid country value %u", (unsigned) code)));
	return c;
}

static text *
text_or_null(const char *s)
{
	return s[0] ? cstring_to_text(s) : NULL;
}

PG_FUNCTION_INFO_V1(country_in);
Datum
country_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	uint16_t	code;

	/* a soft error (16+): pg_input_is_valid() and COPY ON_ERROR get it unraised */
	if (re_country_parse(str, strlen(str), &code) != RE_OK)
		ereturn(fcinfo->context, (Datum) 0,
				errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("invalid input syntax for type country: \"%s\"", str),
				errhint("Use an ISO 3166-1 alpha-3 or alpha-2 code, a UN M49, UN Comtrade or CEPII BACI number, "
						"or an English name such as 'Russian Federation'; country_reference() lists every entry."));
	PG_RETURN_COUNTRY(code);
}

PG_FUNCTION_INFO_V1(country_out);
Datum
country_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(pstrdup(entry_of(PG_GETARG_COUNTRY(0))->alpha3));
}

PG_FUNCTION_INFO_V1(country_recv);
Datum
country_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	uint16_t	code;
	re_status	st;

	st = re_country_decode((const uint8_t *) buf->data + buf->cursor,
						   buf->len - buf->cursor, &code);
	if (st != RE_OK)
		re_report_decode_error(st, "country", ERRCODE_INVALID_BINARY_REPRESENTATION);
	buf->cursor = buf->len;
	PG_RETURN_COUNTRY(code);
}

PG_FUNCTION_INFO_V1(country_send);
Datum
country_send(PG_FUNCTION_ARGS)
{
	uint16		code = PG_GETARG_COUNTRY(0);
	uint8_t		out[RE_COUNTRY_ENCODED_SIZE];
	StringInfoData buf;

	entry_of(code);
	re_country_encode(code, out);
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (const char *) out, sizeof(out));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ordering: by code, which is the order of the 3-character codes */
#define COUNTRY_CMP_FN(name, op) \
PG_FUNCTION_INFO_V1(name); \
Datum name(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL(PG_GETARG_COUNTRY(0) op PG_GETARG_COUNTRY(1)); }

COUNTRY_CMP_FN(country_eq, ==)
COUNTRY_CMP_FN(country_ne, !=)
COUNTRY_CMP_FN(country_lt, <)
COUNTRY_CMP_FN(country_le, <=)
COUNTRY_CMP_FN(country_gt, >)
COUNTRY_CMP_FN(country_ge, >=)

PG_FUNCTION_INFO_V1(country_cmp);
Datum
country_cmp(PG_FUNCTION_ARGS)
{
	uint16		a = PG_GETARG_COUNTRY(0);
	uint16		b = PG_GETARG_COUNTRY(1);

	PG_RETURN_INT32((a > b) - (a < b));
}

PG_FUNCTION_INFO_V1(country_hash);
Datum
country_hash(PG_FUNCTION_ARGS)
{
	return hash_uint32((uint32) PG_GETARG_COUNTRY(0));
}

PG_FUNCTION_INFO_V1(country_hash_extended);
Datum
country_hash_extended(PG_FUNCTION_ARGS)
{
	return hash_uint32_extended((uint32) PG_GETARG_COUNTRY(0), PG_GETARG_INT64(1));
}

/* accessors ---------------------------------------------------------------- */

PG_FUNCTION_INFO_V1(country_iso2);
Datum
country_iso2(PG_FUNCTION_ARGS)
{
	text	   *t = text_or_null(entry_of(PG_GETARG_COUNTRY(0))->alpha2);

	if (t == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(t);
}

PG_FUNCTION_INFO_V1(country_iso3);
Datum
country_iso3(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(entry_of(PG_GETARG_COUNTRY(0))->alpha3));
}

static Datum
int_or_null(FunctionCallInfo fcinfo, int code)
{
	if (code < 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(code);
}

PG_FUNCTION_INFO_V1(country_m49);
Datum
country_m49(PG_FUNCTION_ARGS)
{
	return int_or_null(fcinfo, entry_of(PG_GETARG_COUNTRY(0))->m49);
}

PG_FUNCTION_INFO_V1(country_comtrade_code);
Datum
country_comtrade_code(PG_FUNCTION_ARGS)
{
	return int_or_null(fcinfo, entry_of(PG_GETARG_COUNTRY(0))->comtrade);
}

PG_FUNCTION_INFO_V1(country_baci_code);
Datum
country_baci_code(PG_FUNCTION_ARGS)
{
	return int_or_null(fcinfo, entry_of(PG_GETARG_COUNTRY(0))->baci);
}

PG_FUNCTION_INFO_V1(country_name);
Datum
country_name(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(entry_of(PG_GETARG_COUNTRY(0))->name));
}

PG_FUNCTION_INFO_V1(country_is_aggregate);
Datum
country_is_aggregate(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(entry_of(PG_GETARG_COUNTRY(0))->aggregate);
}

PG_FUNCTION_INFO_V1(country_region);
Datum
country_region(PG_FUNCTION_ARGS)
{
	text	   *t = text_or_null(entry_of(PG_GETARG_COUNTRY(0))->region);

	if (t == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(t);
}

PG_FUNCTION_INFO_V1(country_subregion);
Datum
country_subregion(PG_FUNCTION_ARGS)
{
	text	   *t = text_or_null(entry_of(PG_GETARG_COUNTRY(0))->subregion);

	if (t == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(t);
}

PG_FUNCTION_INFO_V1(country_eu_member);
Datum
country_eu_member(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(re_country_eu_member(entry_of(PG_GETARG_COUNTRY(0)), PG_GETARG_INT32(1)));
}

PG_FUNCTION_INFO_V1(country_from_code);
Datum
country_from_code(PG_FUNCTION_ARGS)
{
	int32		number = PG_GETARG_INT32(0);
	char	   *scheme = text_to_cstring(PG_GETARG_TEXT_PP(1));
	re_country_scheme s;
	const re_country *c;

	if (pg_strcasecmp(scheme, "m49") == 0)
		s = RE_SCHEME_M49;
	else if (pg_strcasecmp(scheme, "comtrade") == 0)
		s = RE_SCHEME_COMTRADE;
	else if (pg_strcasecmp(scheme, "baci") == 0)
		s = RE_SCHEME_BACI;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unrecognized country code scheme \"%s\"", scheme),
				 errhint("Use 'm49', 'comtrade' or 'baci'.")));
	c = re_country_from_number(number, s);
	if (c == NULL)
	{
		const char *why = re_country_refusal_reason(number, s);

		if (why != NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("%s country code \"%d\" names no country", scheme, number),
					 errdetail("It is %s.", why)));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("unrecognized %s country code \"%d\"", scheme, number),
				 errhint("country_codes() lists every known code.")));
	}
	PG_RETURN_COUNTRY(re_country_code(c));
}

/*
 * every number of every scheme with its entry: an entry's own code
 * (is_own) and the legacy or historical numbers read as it, then the
 * numbers refused with why; the loaders join on it
 */
PG_FUNCTION_INFO_V1(country_codes);
Datum
country_codes(PG_FUNCTION_ARGS)
{
	static const struct
	{
		const char *name;
		re_country_scheme scheme;
		const re_country_num *idx;
		const uint32_t *count;
	}			schemes[] = {
		{"m49", RE_SCHEME_M49, re_country_m49, &re_country_m49_count},
		{"comtrade", RE_SCHEME_COMTRADE, re_country_comtrade, &re_country_comtrade_count},
		{"baci", RE_SCHEME_BACI, re_country_baci, &re_country_baci_count},
	};
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (size_t s = 0; s < lengthof(schemes); s++)
	{
		for (uint32 i = 0; i < *schemes[s].count; i++)
		{
			const re_country *c = &re_countries[schemes[s].idx[i].entry];
			int			own = schemes[s].scheme == RE_SCHEME_M49 ? c->m49 :
				schemes[s].scheme == RE_SCHEME_COMTRADE ? c->comtrade : c->baci;
			Datum		values[5];
			bool		nulls[5] = {0};

			CHECK_FOR_INTERRUPTS();
			values[0] = PointerGetDatum(cstring_to_text(schemes[s].name));
			values[1] = Int32GetDatum(schemes[s].idx[i].code);
			values[2] = UInt16GetDatum(re_country_code(c));
			values[3] = BoolGetDatum(own == schemes[s].idx[i].code);
			nulls[4] = true;
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
	for (uint32 i = 0; i < re_country_refusal_count; i++)
	{
		const re_country_refusal *r = &re_country_refusals[i];
		Datum		values[5];
		bool		nulls[5] = {0};

		values[0] = PointerGetDatum(cstring_to_text(schemes[r->scheme].name));
		values[1] = Int32GetDatum(r->code);
		nulls[2] = true;
		values[3] = BoolGetDatum(false);
		values[4] = PointerGetDatum(cstring_to_text(r->reason));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* PostgreSQL 15 has no soft input errors (pg_input_is_valid is PG 16) */
PG_FUNCTION_INFO_V1(is_valid_country);
Datum
is_valid_country(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	uint16_t	code;

	PG_RETURN_BOOL(re_country_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &code) == RE_OK);
}

/* every entry with all its codes, for joins in BI tools */
PG_FUNCTION_INFO_V1(country_reference);
Datum
country_reference(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (uint32 i = 0; i < re_country_count; i++)
	{
		const re_country *c = &re_countries[i];
		Datum		values[12];
		bool		nulls[12] = {0};
		text	   *t;

		values[0] = UInt16GetDatum(re_country_code(c));
		values[1] = PointerGetDatum(cstring_to_text(c->alpha3));
		if ((t = text_or_null(c->alpha2)) != NULL)
			values[2] = PointerGetDatum(t);
		else
			nulls[2] = true;
		values[3] = Int32GetDatum(c->m49);
		nulls[3] = c->m49 < 0;
		values[4] = Int32GetDatum(c->comtrade);
		nulls[4] = c->comtrade < 0;
		values[5] = Int32GetDatum(c->baci);
		nulls[5] = c->baci < 0;
		values[6] = PointerGetDatum(cstring_to_text(c->name));
		if ((t = text_or_null(c->region)) != NULL)
			values[7] = PointerGetDatum(t);
		else
			nulls[7] = true;
		if ((t = text_or_null(c->subregion)) != NULL)
			values[8] = PointerGetDatum(t);
		else
			nulls[8] = true;
		values[9] = BoolGetDatum(c->aggregate);
		values[10] = Int32GetDatum(c->eu_from);
		nulls[10] = c->eu_from == 0;
		values[11] = Int32GetDatum(c->eu_until);
		nulls[11] = c->eu_until == 0;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
