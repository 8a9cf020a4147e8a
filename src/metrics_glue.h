/*
 * metrics_glue.h — what the metric glue files (metrics.c, supply_risk.c,
 * material_balance.c) share: turning a core status about one argument into
 * an error that names the function, the argument and its value.
 */
#ifndef RAREEARTH_METRICS_GLUE_H
#define RAREEARTH_METRICS_GLUE_H

#include "glue.h"

/*
 * Raise the error for status st (not RE_OK) about argument argnames[bad]
 * with value args[bad] of SQL function fname: 22023 for a bad argument,
 * with range_hint (may be NULL) as hint for RE_OUT_OF_RANGE; 22003 for
 * RE_OVERFLOW, a result beyond double.
 */
pg_noreturn void re_report_metric_error(re_status st, const char *fname,
										const char *const *argnames, const double *args,
										int bad, const char *range_hint);

/*
 * jsonb objects of supplier: number (governance, trade factors, scores).
 * re_require_jsonb_object raises an error naming argname unless j is an
 * object; re_jsonb_number returns false when key is absent or JSON null and
 * raises an error for a value that is not a number.
 */
#include "utils/jsonb.h"
void		re_require_jsonb_object(Jsonb *j, const char *argname);
bool		re_jsonb_number(Jsonb *obj, const char *key, uint32 keylen, const char *argname, double *out);

#endif
