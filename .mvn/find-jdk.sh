# Sourced by ./mvnw and the infra/ scripts: Fountain needs a JDK >= 21, and on the project's machines the
# default `java` is 17. When JAVA_HOME (or the java on PATH) is older, pick the newest JDK >= 21 we can find.
fountain_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}
fountain_current_java="${JAVA_HOME:+$JAVA_HOME/bin/java}"
[ -n "$fountain_current_java" ] || fountain_current_java="$(command -v java || true)"
if [ -z "$fountain_current_java" ] || [ "$(fountain_java_major "$fountain_current_java")" -lt 21 ] 2>/dev/null; then
  for candidate in $(ls -d /usr/lib/jvm/*/ /Library/Java/JavaVirtualMachines/*/Contents/Home/ 2>/dev/null | sort -rV); do
    if [ -x "${candidate}bin/java" ] && [ "$(fountain_java_major "${candidate}bin/java")" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="${candidate%/}"
      break
    fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || [ "$(fountain_java_major "$JAVA_HOME/bin/java")" -lt 21 ] 2>/dev/null; then
  if [ -z "$fountain_current_java" ] || [ "$(fountain_java_major "$fountain_current_java")" -lt 21 ] 2>/dev/null; then
    echo "Fountain needs a JDK 21 or later and found none. Install one (e.g. Temurin 21 or 25) and set JAVA_HOME." >&2
    exit 1
  fi
fi
unset fountain_current_java
