/*
 * trajectory.h — what the trajectory glue files share: moving trajectory
 * values between varlena datums and the core.
 */
#ifndef RAREEARTH_TRAJECTORY_H
#define RAREEARTH_TRAJECTORY_H

#include "glue.h"

/* Decode a trajectory datum (hostile input: errors on anything malformed). */
void		re_traj_from_datum(Datum d, re_traj *t);
bytea	   *re_traj_to_varlena(const re_traj *t);

/* An error naming a year outside RE_TRAJ_YEAR_MIN..MAX. */
pg_noreturn void re_traj_report_year(int64 year);

#endif
