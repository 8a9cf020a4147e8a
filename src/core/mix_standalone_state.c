/*
 * mix_standalone_state.c — a supply-mix state with its own key
 * dictionary (re_mix_state), for callers that keep one state: the unit
 * tests and the fuzzers.
 */
#include "mix_internal.h"

re_status
re_mix_state_init(re_mix_state *st, re_allocator alloc, re_mix_keykind kind)
{
	re_status	err;

	memset(st, 0, sizeof(*st));
	st->alloc = alloc;
	st->kind = kind;
	if ((err = re_keydict_create(&st->dict, alloc, kind)) != RE_OK)
		return err;
	return re_mix_acc_create(&st->acc, alloc, st->dict);
}

/* add under the id a dictionary look-up gave (err its status) */
static re_status
state_add(re_mix_state *st, re_status err, uint32_t id, re_ksum qty)
{
	if (err == RE_OK)
		err = re_mix_acc_add(&st->acc, st->alloc, id, qty);
	st->nentries = st->acc->n;
	return err;
}

re_status
re_mix_add_ksum_text(re_mix_state *st, const char *key, uint32_t len, re_ksum qty)
{
	uint32_t	id = 0;
	re_status	err = re_keydict_text(st->dict, key, len, &id);

	return state_add(st, err, id, qty);
}

re_status
re_mix_add_ksum_int(re_mix_state *st, int64_t key, re_ksum qty)
{
	uint32_t	id = 0;
	re_status	err = re_keydict_int(st->dict, key, &id);

	return state_add(st, err, id, qty);
}

re_status
re_mix_add_text(re_mix_state *st, const char *key, uint32_t len, double qty)
{
	re_status	err = re_mix_check_quantity(qty);
	re_ksum		q = {qty, 0};

	if (err != RE_OK)
		return err;
	return re_mix_add_ksum_text(st, key, len, q);
}

re_status
re_mix_add_int(re_mix_state *st, int64_t key, double qty)
{
	re_status	err = re_mix_check_quantity(qty);
	re_ksum		q = {qty, 0};

	if (err != RE_OK)
		return err;
	return re_mix_add_ksum_int(st, key, q);
}

re_status
re_mix_state_merge(re_mix_state *dst, const re_mix_state *src)
{
	re_status	err;

	if (dst->kind != src->kind)
		return RE_BAD_KIND;
	err = re_mix_acc_merge(&dst->acc, dst->alloc, src->acc);
	dst->nentries = dst->acc->n;
	return err;
}

size_t
re_mix_state_encoded_size(const re_mix_state *st)
{
	return re_mix_acc_encoded_size(st->acc);
}

void
re_mix_state_encode(const re_mix_state *st, uint8_t *out)
{
	re_mix_acc_encode(st->acc, out);
}

re_status
re_mix_state_decode(re_mix_state *st, re_allocator alloc,
					const uint8_t *buf, size_t len)
{
	re_status	err;

	memset(st, 0, sizeof(*st));
	if ((err = re_mix_state_kind(buf, len, &st->kind)) != RE_OK)
		return err;
	st->alloc = alloc;
	if ((err = re_keydict_create(&st->dict, alloc, st->kind)) != RE_OK)
		return err;
	err = re_mix_acc_decode(&st->acc, alloc, st->dict, buf, len);
	st->nentries = st->acc ? st->acc->n : 0;
	return err;
}
