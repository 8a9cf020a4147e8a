/*
 * balance.c — the material balance: total production, trade and stock change
 * of one commodity for one economy, from which apparent consumption and net
 * import reliance follow (USGS Mineral Commodity Summaries definitions, see
 * metrics.c).
 *
 * Flow kinds follow UN Comtrade (IMTS 2010, general trade system): 'import'
 * (M) and 'export' (X) are totals; 're-import' (RM) and 're-export' (RX) are
 * the parts of them that Comtrade also reports separately.  So re-exports
 * already count as exports and re-imports as imports, and goods in transit
 * through a trade hub (in M and again in X) cancel out of apparent
 * consumption; the re- flows are kept for inspection and never added twice.
 *
 * The state is six compensated sums; the finished summary six doubles.
 */
#include <math.h>
#include <string.h>

#include "rareearth_core.h"

#define STATE_VERSION 1

/* canonical names, in re_flow order (also the text form's keys) */
static const char *const flow_names[RE_FLOW_COUNT] = {
	"production", "import", "export", "re-import", "re-export", "stock_change"
};

/* UN Comtrade flow codes (API v1 flowCode) accepted as aliases */
static const struct
{
	const char *code;
	re_flow		flow;
}			flow_aliases[] = {
	{"M", RE_FLOW_IMPORT}, {"X", RE_FLOW_EXPORT},
	{"RM", RE_FLOW_REIMPORT}, {"RX", RE_FLOW_REEXPORT}
};

static bool
equal_ascii_ci(const char *s, size_t len, const char *name)
{
	size_t		n = strlen(name);

	if (len != n)
		return false;
	for (size_t i = 0; i < n; i++)
	{
		unsigned char a = (unsigned char) s[i],
					b = (unsigned char) name[i];

		if (a >= 'A' && a <= 'Z')
			a = (unsigned char) (a - 'A' + 'a');
		if (b >= 'A' && b <= 'Z')
			b = (unsigned char) (b - 'A' + 'a');
		if (a != b)
			return false;
	}
	return true;
}

re_status
re_flow_parse(const char *s, size_t len, re_flow *out)
{
	for (int f = 0; f < RE_FLOW_COUNT; f++)
		if (equal_ascii_ci(s, len, flow_names[f]))
		{
			*out = (re_flow) f;
			return RE_OK;
		}
	for (size_t i = 0; i < sizeof(flow_aliases) / sizeof(flow_aliases[0]); i++)
		if (equal_ascii_ci(s, len, flow_aliases[i].code))
		{
			*out = flow_aliases[i].flow;
			return RE_OK;
		}
	return RE_UNRECOGNIZED;
}

const char *
re_flow_name(re_flow f)
{
	return (unsigned) f < RE_FLOW_COUNT ? flow_names[f] : "unknown";
}

static re_status
check_flow_quantity(re_flow f, double qty)
{
	if (!isfinite(qty))
		return RE_NONFINITE;
	if (qty < 0 && f != RE_FLOW_STOCK_CHANGE)
		return RE_NEGATIVE;
	return RE_OK;
}

void
re_balance_state_init(re_balance_state *st)
{
	memset(st, 0, sizeof(*st));
}

re_status
re_balance_add(re_balance_state *st, re_flow f, double qty)
{
	re_ksum		q = {qty, 0};
	re_status	err;

	if ((unsigned) f >= RE_FLOW_COUNT)
		return RE_UNRECOGNIZED;
	if ((err = check_flow_quantity(f, qty)) != RE_OK)
		return err;
	return re_ksum_add_checked(&st->q[f], q);
}

re_status
re_balance_merge(re_balance_state *dst, const re_balance_state *src)
{
	for (int f = 0; f < RE_FLOW_COUNT; f++)
	{
		re_status	err = re_ksum_add_checked(&dst->q[f], src->q[f]);

		if (err != RE_OK)
			return err;
	}
	return RE_OK;
}

re_status
re_balance_finish(const re_balance_state *st, re_balance *out)
{
	re_flow		bad;

	for (int f = 0; f < RE_FLOW_COUNT; f++)
	{
		double		v = re_ksum_value(&st->q[f]);

		out->q[f] = re_plus_zero(v);
	}
	return re_balance_check(out, &bad);
}

re_status
re_balance_check(const re_balance *b, re_flow *bad)
{
	for (int f = 0; f < RE_FLOW_COUNT; f++)
	{
		re_status	err = check_flow_quantity((re_flow) f, b->q[f]);

		if (err != RE_OK)
		{
			*bad = (re_flow) f;
			return err;
		}
	}
	return RE_OK;
}

void
re_balance_state_encode(const re_balance_state *st, uint8_t *out)
{
	out = re_put_u8(out, STATE_VERSION);
	for (int f = 0; f < RE_FLOW_COUNT; f++)
	{
		out = re_put_f64(out, st->q[f].sum);
		out = re_put_f64(out, st->q[f].comp);
	}
}

re_status
re_balance_state_decode(re_balance_state *st, const uint8_t *buf, size_t len)
{
	re_reader	r = {buf, len, true};
	uint8_t		version = re_get_u8(&r);

	if (!r.ok)
		return RE_TRUNCATED;
	if (version != STATE_VERSION)
		return RE_BAD_VERSION;
	for (int f = 0; f < RE_FLOW_COUNT; f++)
	{
		st->q[f].sum = re_get_f64(&r);
		st->q[f].comp = re_get_f64(&r);
		if (!r.ok)
			return RE_TRUNCATED;
		if (!re_ksum_finite(&st->q[f]))
			return RE_NONFINITE;
		if (f != RE_FLOW_STOCK_CHANGE && re_ksum_value(&st->q[f]) < 0)
			return RE_NEGATIVE;
	}
	if (r.left != 0)
		return RE_TRAILING;
	return RE_OK;
}

void
re_balance_encode(const re_balance *b, uint8_t *out)
{
	out = re_put_u8(out, RE_BALANCE_VERSION);
	for (int f = 0; f < RE_FLOW_COUNT; f++)
		out = re_put_f64(out, b->q[f]);
}

re_status
re_balance_decode(re_balance *b, const uint8_t *buf, size_t len)
{
	re_reader	r = {buf, len, true};
	uint8_t		version = re_get_u8(&r);
	re_flow		bad;

	if (!r.ok)
		return RE_TRUNCATED;
	if (version != RE_BALANCE_VERSION)
		return RE_BAD_VERSION;
	for (int f = 0; f < RE_FLOW_COUNT; f++)
	{
		double		v = re_get_f64(&r);

		b->q[f] = re_plus_zero(v);	/* -0 from a client becomes 0 */
	}
	if (!r.ok)
		return RE_TRUNCATED;
	if (r.left != 0)
		return RE_TRAILING;
	return re_balance_check(b, &bad);
}

/*
 * The accessors use the scalar definitions with imports = M (re-imports
 * included) and exports = X (re-exports included).  A decoded balance is
 * already checked, so the scalar functions cannot fail on it except by
 * overflow of the sum (RE_OVERFLOW).
 */
re_status
re_balance_apparent_consumption(const re_balance *b, double *out)
{
	int			bad;

	return re_apparent_consumption(b->q[RE_FLOW_PRODUCTION], b->q[RE_FLOW_IMPORT],
								   b->q[RE_FLOW_EXPORT], b->q[RE_FLOW_STOCK_CHANGE],
								   out, &bad);
}

re_status
re_balance_net_import_reliance(const re_balance *b, bool *defined, double *out)
{
	int			bad;

	return re_net_import_reliance(b->q[RE_FLOW_PRODUCTION], b->q[RE_FLOW_IMPORT],
								  b->q[RE_FLOW_EXPORT], b->q[RE_FLOW_STOCK_CHANGE],
								  defined, out, &bad);
}

re_status
re_balance_self_sufficiency(const re_balance *b, bool *defined, double *out)
{
	double		consumption;
	int			bad;
	re_status	err;

	*defined = false;
	if ((err = re_balance_apparent_consumption(b, &consumption)) != RE_OK)
		return err;
	return re_self_sufficiency(b->q[RE_FLOW_PRODUCTION], consumption, defined, out, &bad);
}
