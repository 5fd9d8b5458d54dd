# Debian's Chromium for the browser tests (Playwright drives it; no browser is downloaded). Its headless shell (the
# package chromium-headless-shell, built from the same source) renders without a GPU process: the browser suite
# costs about a quarter less CPU than with the full browser, whose SwiftShader GPU emulation runs even headless.

CRM_CHROMIUM="${CRM_CHROMIUM:-/usr/bin/chromium-headless-shell}"
export CRM_CHROMIUM

ensure_chromium_installed() {
  [[ -x $CRM_CHROMIUM ]] && return 0
  is_root || die "Chromium is missing for the browser tests: install it once with" \
    "'sudo apt-get install -y chromium-headless-shell fonts-liberation'" \
    "(or point CRM_CHROMIUM at a Chromium or Chrome, or skip the web UI with -DskipUi)"
  info "installing chromium-headless-shell (apt-get, once)"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq chromium-headless-shell fonts-liberation; } \
    >"$LOG_DIR/apt-chromium.log" 2>&1 || fail_with_log "apt-get install chromium-headless-shell failed" apt-chromium
  [[ -x $CRM_CHROMIUM ]] || die "chromium-headless-shell was installed but $CRM_CHROMIUM does not exist; set CRM_CHROMIUM"
}
