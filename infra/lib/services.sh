# shellcheck shell=bash
# The services of config-repo/services.yml: names in start order, ports (CRM_<NAME>_PORT overrides) and databases.

SERVICES_FILE="$CRM_CONFIG_REPO/services.yml"
[[ -f $SERVICES_FILE ]] || die "no service list at $SERVICES_FILE"

# "name port database" per service, from the YAML subset services.yml keeps to (see its header)
services_table() {
  awk '
    /^    [a-z0-9-]+:[ \t]*$/ { if (name != "") print name, port, db; name = $1; sub(/:$/, "", name); port = db = "-" }
    /^      port:/ { port = $2 }
    /^      database:/ { db = $2 }
    END { if (name != "") print name, port, db }
  ' "$SERVICES_FILE"
}

# CRM_CUSTOMER_PORT for customer-service
service_port_variable() {
  local short="${1%-service}"
  echo "CRM_$(tr '[:lower:]-' '[:upper:]_' <<<"$short")_PORT"
}

SERVICE_NAMES=()
SERVICE_DATABASES=()
while read -r name port db; do
  SERVICE_NAMES+=("$name")
  [[ $db == - ]] || SERVICE_DATABASES+=("$db")
  variable="$(service_port_variable "$name")"
  export "$variable=${!variable:-$port}"
done < <(services_table)
unset name port db variable
((${#SERVICE_NAMES[@]})) || die "no services in $SERVICES_FILE"
