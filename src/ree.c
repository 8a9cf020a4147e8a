/*
 * ree.c — glue for the rare-earth elements: the enum ree is mapped to the
 * core's element table by its label (the symbol), and the oxide factors of
 * src/core/ree.c are exposed with the metal/oxide conversions.
 */
#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/tuplestore.h"

#include "glue.h"

/* the core's index of an enum ree value (its label is the element symbol) */
static int
element_index(Datum ree)
{
	char	   *label = DatumGetCString(DirectFunctionCall1(enum_out, ree));

	for (int i = 0; i < RE_REE_COUNT; i++)
		if (strcmp(re_rees[i].symbol, label) == 0)
			return i;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unrecognized rare-earth element \"%s\"", label)));
	pg_unreachable();
}

static double
checked_mass(double mass)
{
	if (isnan(mass) || isinf(mass))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("mass \"%g\" is not finite", mass)));
	if (mass < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("mass %g is negative", mass),
				 errhint("Masses must be zero or positive.")));
	return mass;
}

PG_FUNCTION_INFO_V1(ree_oxide_factor);
Datum
ree_oxide_factor(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(re_ree_oxide_factor(element_index(PG_GETARG_DATUM(0))));
}

PG_FUNCTION_INFO_V1(ree_metal_to_oxide);
Datum
ree_metal_to_oxide(PG_FUNCTION_ARGS)
{
	double		mass = checked_mass(PG_GETARG_FLOAT8(0));

	PG_RETURN_FLOAT8(mass * re_ree_oxide_factor(element_index(PG_GETARG_DATUM(1))));
}

PG_FUNCTION_INFO_V1(ree_oxide_to_metal);
Datum
ree_oxide_to_metal(PG_FUNCTION_ARGS)
{
	double		mass = checked_mass(PG_GETARG_FLOAT8(0));

	PG_RETURN_FLOAT8(mass / re_ree_oxide_factor(element_index(PG_GETARG_DATUM(1))));
}

/* the element table of the core, to fill the rare_earth_elements table */
PG_FUNCTION_INFO_V1(ree_reference);
Datum
ree_reference(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < RE_REE_COUNT; i++)
	{
		const re_ree *e = &re_rees[i];
		Datum		values[7];
		bool		nulls[7] = {0};

		values[0] = PointerGetDatum(cstring_to_text(e->symbol));
		values[1] = PointerGetDatum(cstring_to_text(e->name));
		values[2] = Int32GetDatum(e->atomic_number);
		values[3] = Float8GetDatum(e->atomic_weight);
		values[4] = PointerGetDatum(cstring_to_text(e->oxide));
		values[5] = PointerGetDatum(cstring_to_text(re_ree_group_name(e->group)));
		values[6] = Float8GetDatum(re_ree_oxide_factor(i));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
