#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked GNOME Keyring, so keytar talks to a
# real Secret Service without touching the user's own keyring:
#   scripts/with-keyring.sh npx vitest run --project keychain
# A temp HOME holds the throwaway keyring (and is removed afterwards); the XDG variables and any
# keyring control socket of the calling session are dropped so nothing reaches the real one.
set -eu

if [ "$#" -eq 0 ]; then
  echo "usage: scripts/with-keyring.sh <command> [arguments...]" >&2
  exit 2
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: $tool not found; install dbus and gnome-keyring (Debian/Ubuntu: apt-get install dbus gnome-keyring)" >&2
    exit 127
  fi
done

keyring_home=$(mktemp -d "${TMPDIR:-/tmp}/case-desk-keyring.XXXXXX")
trap 'rm -rf "$keyring_home"' EXIT
trap 'exit 130' INT TERM

# npm and npx keep their cache under HOME; point them at the real one so nothing is downloaded again.
if [ -z "${npm_config_cache:-}" ] && [ -n "${HOME:-}" ]; then
  export npm_config_cache="$HOME/.npm"
fi
export npm_config_update_notifier=false
export HOME="$keyring_home"
unset XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME XDG_RUNTIME_DIR GNOME_KEYRING_CONTROL DISPLAY WAYLAND_DISPLAY

status=0
dbus-run-session -- sh -c '
  # --unlock reads the password on stdin and creates the "login" keyring unlocked with it.
  printf "%s" "case-desk-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"
' with-keyring "$@" || status=$?
exit "$status"
