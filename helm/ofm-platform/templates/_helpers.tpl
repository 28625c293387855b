{{/* Names: <release>-<service>, at most 63 characters (a DNS label). */}}
{{- define "ofm.name" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels every object carries; selector labels are the stable subset. */}}
{{- define "ofm.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "ofm.labels" -}}
{{ include "ofm.selectorLabels" . }}
app.kubernetes.io/part-of: ofm-platform
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/*
A service's values: the shared defaults, overridden by its entry under services: (maps merged, lists
replaced). Used as: $s := include "ofm.service" (dict "root" $ "name" $name) | fromYaml.
*/}}
{{- define "ofm.service" -}}
{{- toYaml (mergeOverwrite (deepCopy .root.Values.defaults) (deepCopy (index .root.Values.services .name))) -}}
{{- end -}}

{{/*
A service's environment (its ConfigMap's data): what deploy/local/services.sh gives it, with the
addresses of the services it calls inside the cluster, then its own env values over them.
*/}}
{{- define "ofm.configData" -}}
{{- $v := .root.Values -}}
{{- $s := .svc -}}
{{- $env := dict "NODE_ENV" $v.nodeEnv "LOG_LEVEL" $v.logLevel "HTTP_PORT" $s.ports.http -}}
{{- $_ := set $env "KAFKA_BROKERS" (required "kafka.brokers is required: the bootstrap list of the Kafka cluster" $v.kafka.brokers) -}}
{{- if $s.ports.grpc }}{{ $_ := set $env "GRPC_PORT" $s.ports.grpc }}{{ end -}}
{{- with $v.telemetry.otlpEndpoint }}{{ $_ := set $env "OTEL_EXPORTER_OTLP_ENDPOINT" . }}{{ end -}}
{{- range $s.calls -}}
{{- $up := index $v.services . | default dict -}}
{{- if not ($up.ports | default dict).grpc }}{{ fail (printf "services.%s calls %s, which has no ports.grpc" $.name .) }}{{ end -}}
{{- $_ := set $env (include "ofm.grpcUrlVar" .) (printf "%s:%v" (include "ofm.name" (dict "root" $.root "name" .)) $up.ports.grpc) -}}
{{- end -}}
{{- if $s.publicApi -}}
{{- $_ := set $env "AUTH_JWKS_URL" (required "auth.jwksUrl is required: the identity provider's JWKS URL" $v.auth.jwksUrl) -}}
{{- $_ := set $env "AUTH_ISSUER" (required "auth.issuer is required" $v.auth.issuer) -}}
{{- $_ := set $env "AUTH_AUDIENCE" (required "auth.audience is required" $v.auth.audience) -}}
{{- end -}}
{{- range $k, $val := $s.env }}{{ $_ := set $env $k $val }}{{ end -}}
{{- range $k, $val := $env }}
{{ $k }}: {{ $val | toString | quote }}
{{- end -}}
{{- end -}}

{{/* The image of a service: its own repository/tag/digest over the shared image values. */}}
{{- define "ofm.image" -}}
{{- $img := .svc.image | default dict -}}
{{- $g := .root.Values.image -}}
{{- $repo := $img.repository | default (printf "%s%s" $g.repositoryPrefix .name) -}}
{{- $registry := $g.registry -}}
{{- $ref := ternary $repo (printf "%s/%s" $registry $repo) (empty $registry) -}}
{{- if $img.digest -}}
{{- printf "%s@%s" $ref $img.digest -}}
{{- else -}}
{{- printf "%s:%s" $ref ($img.tag | default $g.tag | default .root.Chart.AppVersion) -}}
{{- end -}}
{{- end -}}

{{/* <SERVICE>_GRPC_URL, as @ofm/registry grpcUrlVar names it. */}}
{{- define "ofm.grpcUrlVar" -}}
{{- printf "%s_GRPC_URL" (regexReplaceAll "[^A-Z0-9]" (upper .) "_") -}}
{{- end -}}

{{/* The secret reference of a service's DATABASE_URL. */}}
{{- define "ofm.databaseUrlEnv" -}}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ (.svc.databaseSecret | default dict).name | default .root.Values.databaseSecret.name }}
      key: {{ (.svc.databaseSecret | default dict).key | default .name }}
{{- end -}}

{{/* Pod and container security: as the image (uid 10001), nothing writable but /tmp. */}}
{{- define "ofm.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "ofm.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Egress every pod of the chart needs: DNS, PostgreSQL, Kafka, the collector when set. */}}
{{- define "ofm.baseEgress" -}}
{{- $v := .Values -}}
- to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: {{ $v.networkPolicy.dnsNamespace }}
      podSelector:
        matchLabels:
          k8s-app: kube-dns
  ports:
    - { protocol: UDP, port: 53 }
    - { protocol: TCP, port: 53 }
{{- with $v.postgres.networkPolicyPeers }}
- to: {{- toYaml . | nindent 4 }}
  ports:
    - { protocol: TCP, port: {{ $v.postgres.port }} }
{{- end }}
{{- with $v.kafka.networkPolicyPeers }}
- to: {{- toYaml . | nindent 4 }}
  ports:
    - { protocol: TCP, port: {{ $v.kafka.port }} }
{{- end }}
{{- if and $v.telemetry.otlpEndpoint $v.telemetry.networkPolicyPeers }}
- to: {{- toYaml $v.telemetry.networkPolicyPeers | nindent 4 }}
  ports:
    - { protocol: TCP, port: {{ $v.telemetry.port }} }
{{- end }}
{{- end -}}
