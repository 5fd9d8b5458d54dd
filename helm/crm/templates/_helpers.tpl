{{/* The release's prefix of every object's name. */}}
{{- define "crm.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Labels every object carries; call with (dict "root" $ "name" <component>). */}}
{{- define "crm.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: crm
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
{{ include "crm.selectorLabels" . }}
{{- end -}}

{{- define "crm.selectorLabels" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/name: {{ .name }}
{{- end -}}

{{/* A component's settings: the defaults overlaid with its own entry, as YAML (fromYaml it). */}}
{{- define "crm.component" -}}
{{- $own := index .root.Values.components .name | default dict -}}
{{- mergeOverwrite (deepCopy .root.Values.defaults) (deepCopy $own) | toYaml -}}
{{- end -}}

{{- define "crm.image" -}}
{{- $image := .root.Values.image -}}
{{- printf "%s/%s/%s:%s" $image.registry $image.repository .name ($image.tag | default .root.Chart.AppVersion) -}}
{{- end -}}

{{/* The registry's peers: every discovery replica, with the credentials from the environment. */}}
{{- define "crm.eurekaUrls" -}}
{{- $discovery := include "crm.component" (dict "root" .root "name" "discovery") | fromYaml -}}
{{- $name := printf "%s-discovery" (include "crm.fullname" .root) -}}
{{- $urls := list -}}
{{- range $i := until (int $discovery.replicas) -}}
{{- $urls = append $urls (printf "http://$(CRM_DISCOVERY_USER):$(CRM_DISCOVERY_PASSWORD)@%s-%d.%s:%d/eureka/" $name $i $name (int $discovery.port)) -}}
{{- end -}}
{{- join "," $urls -}}
{{- end -}}
