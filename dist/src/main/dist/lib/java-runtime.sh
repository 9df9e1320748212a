# The Java that bin/sra-array and bin/srm-emulator run on. Sourced by them (not run): sets `java` to its
# bin/java, or prints one line on stderr and exits 1. In order:
#   1. OPENSRA_JAVA_HOME, when set: that JDK or JRE (to compare runtimes, e.g. JDK 17 in bench/array)
#   2. the distribution's own runtime jre/, linked at build time from the newest JDK on the build machine
#      (dist/src/build/link-jre): the daemons' TLS is much faster on JDK 25 than on JDK 17 (bench/array)
#   3. only when the distribution has no jre/ at all (built or copied without it): JAVA_HOME's java,
#      else the one on PATH
# A jre/ that is there but broken is an error, never a reason to fall back to another Java unnoticed.
# Only file tests, no process: the admin CLI's start time counts.
opensra_runtime_check() { # HOME WHAT HINT: exits with one line when HOME does not look like a Java runtime
  [[ -x "$1/bin/java" && -f "$1/lib/modules" && -f "$1/lib/server/libjvm.so" ]] && return 0
  echo "${0##*/}: $2 $1 is not usable (bin/java, lib/modules or lib/server/libjvm.so missing)$3" >&2
  exit 1
}
if [[ -n "${OPENSRA_JAVA_HOME:-}" ]]; then
  opensra_runtime_check "$OPENSRA_JAVA_HOME" "OPENSRA_JAVA_HOME" ""
  java="$OPENSRA_JAVA_HOME/bin/java"
elif [[ -e "$here/jre" || -L "$here/jre" ]]; then
  opensra_runtime_check "$here/jre" "the bundled Java runtime" "; rebuild the distribution (mvn -B package -DskipTests)"
  java="$here/jre/bin/java"
else
  java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
fi
