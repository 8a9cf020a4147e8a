/*
 * status.c — English sentences (for errdetail) for the core's status codes (used in error
 * details; the glue picks the SQLSTATE and the primary message).
 */
#include "rareearth_core.h"

const char *
re_status_message(re_status st)
{
	switch (st)
	{
		case RE_OK:
			return "Ok.";
		case RE_ENOMEM:
			return "Out of memory.";
		case RE_NEGATIVE:
			return "Quantity is negative.";
		case RE_NONFINITE:
			return "Quantity is not finite.";
		case RE_BAD_VERSION:
			return "Unsupported format version.";
		case RE_TRUNCATED:
			return "Data is truncated.";
		case RE_TRAILING:
			return "Unexpected bytes after the end of the data.";
		case RE_DUPLICATE_KEY:
			return "Duplicate key.";
		case RE_UNSORTED:
			return "Entries are not in canonical order.";
		case RE_TOO_LARGE:
			return "Count or length exceeds the data.";
		case RE_BAD_KIND:
			return "Summaries have different key kinds.";
		case RE_OUT_OF_RANGE:
			return "Value out of range.";
		case RE_UNRECOGNIZED:
			return "Not a recognized code or name.";
		case RE_OVERFLOW:
			return "A value or sum is beyond the range of double precision.";
		case RE_UNDERFLOW:
			return "A nonzero number is too small for double precision and would round to 0.";
		case RE_NOT_CONVERGED:
			return "The iterative solution did not converge within its budget.";
	}
	return "Unknown status.";
}
