# Sourced by test/fresh-check and test/chroot-check: a Debian chroot built
# with `debootstrap --variant=minbase` from Debian's archive, and what it
# needs mounted to run PostgreSQL and the tests.  Root only.
#
#   chroot_bootstrap SUITE ROOT MIRROR   debootstrap SUITE into ROOT (git, make, gcc), the
#                                        suite itself as its only source
#   chroot_mount ROOT / chroot_umount ROOT
#   chroot_clean ROOT                    unmount, then remove ROOT unless something stays mounted

chroot_bootstrap() {
	local suite=$1 root=$2 mirror=$3
	command -v debootstrap >/dev/null || apt-get install -y -q debootstrap >/dev/null
	mkdir -p "$root"
	chmod 755 "$root"	# the chroot's "/": every user (postgres) must be able to enter it
	debootstrap --variant=minbase --include=git,make,gcc,ca-certificates "$suite" "$root" "$mirror" \
		>"$root.log" 2>&1 || { tail -20 "$root.log"; return 1; }
	rm -f "$root.log"
	# the archive only: the suite itself, no -updates, no -security
	echo "deb $mirror $suite main" >"$root/etc/apt/sources.list"
	# a suite whose Release file is past its Valid-Until (a mirror or
	# snapshot that lags the clock) is still the archive's
	echo 'Acquire::Check-Valid-Until "false";' >"$root/etc/apt/apt.conf.d/99rareearth-archive"
	# Debian's postgresql-common would create and start a default cluster;
	# the tests start their own throwaway ones
	mkdir -p "$root/etc/postgresql-common/createcluster.d"
	echo "create_main_cluster = false" >"$root/etc/postgresql-common/createcluster.d/rareearth-no-main.conf"
}

chroot_mount() {
	local root=$1
	# the caller holds the chroot's lock, so whatever is mounted there now was
	# left by a run that was killed before its trap: unmount it, never stack
	chroot_umount "$root"
	mount -t proc proc "$root/proc"
	mount -t sysfs sys "$root/sys"
	mount --bind /dev "$root/dev"
	mount --bind /dev/pts "$root/dev/pts"
	mount -t tmpfs tmpfs "$root/dev/shm"
}

chroot_umount() {
	local root=$1 m pass
	# a killed run can leave a mount stacked twice: repeat until none is left
	for pass in 1 2 3 4; do
		grep -q " $root/" /proc/mounts || return 0
		for m in dev/shm dev/pts dev proc sys; do umount -l "$root/$m" 2>/dev/null || true; done
	done
}

chroot_clean() {
	local root=$1
	chroot_umount "$root"
	# never remove the tree while anything is still mounted inside it: rm -rf
	# through a bind mount of /dev would delete the host's device nodes
	if grep -q " $root/" /proc/mounts; then
		echo "chroot: $root still has mounts; left in place"
	else
		rm -rf "$root"
	fi
}
