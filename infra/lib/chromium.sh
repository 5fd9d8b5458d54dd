# Debian's Chromium for the browser tests (Playwright drives it; no browser is downloaded).

CRM_CHROMIUM="${CRM_CHROMIUM:-/usr/bin/chromium}"
export CRM_CHROMIUM

ensure_chromium_installed() {
  [[ -x $CRM_CHROMIUM ]] && return 0
  is_root || die "Chromium is missing for the browser tests: install it once with 'sudo apt-get install -y chromium'" \
    "(or point CRM_CHROMIUM at one, or skip the web UI with -DskipUi)"
  info "installing chromium (apt-get, once)"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq chromium fonts-liberation; } >"$LOG_DIR/apt-chromium.log" 2>&1 ||
    fail_with_log "apt-get install chromium failed" apt-chromium
  [[ -x $CRM_CHROMIUM ]] || die "chromium was installed but $CRM_CHROMIUM does not exist; set CRM_CHROMIUM"
}
