{{/*
The prefix of every object's name: the release's, at most 30 characters (CloudNativePG and Strimzi add suffixes).
*/}}
{{- define "fountain.fullname" -}}
{{- default .Release.Name .Values.fullnameOverride | trunc 30 | trimSuffix "-" -}}
{{- end -}}

{{- define "fountain.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 }}
app.kubernetes.io/name: fountain
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: fountain
{{- end -}}

{{/* Args: root, component. */}}
{{- define "fountain.selector" -}}
app.kubernetes.io/name: fountain
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/*
The applications and what each needs of the others. short: its name among the edge's services
(fountain.edge.services); parents: the owner of each kind of its parents (fountain.parents.sources.<kind>, as in its
application.yml; ChartTests checks them against it). Every one has a database of its own, the edge too (rate
limits and idempotency keys).
*/}}
{{- define "fountain.catalogue" -}}
script-svc:
  short: script
  parents: {}
act-svc:
  short: act
  parents:
    script: script-svc
scene-svc:
  short: scene
  parents:
    act: act-svc
character-svc:
  short: character
  parents:
    script: script-svc
dialogue-svc:
  short: dialogue
  parents:
    scene: scene-svc
    character: character-svc
transition-svc:
  short: transition
  parents:
    scene: scene-svc
edge-api:
  short: edge
  edge: true
  parents: {}
{{- end -}}

{{/* An application's settings: defaults, then applications.<name>. Args: root, name. */}}
{{- define "fountain.settings" -}}
{{- $own := index .root.Values.applications .name | default dict -}}
{{- mergeOverwrite (deepCopy .root.Values.defaults) (deepCopy $own) | toYaml -}}
{{- end -}}

{{/* An application's URL inside the cluster. Args: root, name. */}}
{{- define "fountain.url" -}}
http://{{ include "fountain.fullname" .root }}-{{ .name }}:8080
{{- end -}}

{{- define "fountain.image" -}}
{{ .root.Values.image.repository }}/{{ .name }}:{{ .root.Values.image.tag | default .root.Chart.AppVersion }}
{{- end -}}

{{- define "fountain.kafkaCluster" -}}
{{ include "fountain.fullname" . }}-kafka
{{- end -}}

{{- define "fountain.bootstrapServers" -}}
{{- if eq .Values.kafka.mode "strimzi" -}}
{{ include "fountain.kafkaCluster" . }}-kafka-bootstrap:9093
{{- else -}}
{{ required "kafka.external.bootstrapServers is required when kafka.mode is external" .Values.kafka.external.bootstrapServers }}
{{- end -}}
{{- end -}}

{{- define "fountain.registryUrl" -}}
{{- if eq .Values.registry.mode "apicurio" -}}
http://{{ include "fountain.fullname" . }}-registry:8080/apis/ccompat/v7
{{- else -}}
{{ required "registry.external.url is required when registry.mode is external" .Values.registry.external.url }}
{{- end -}}
{{- end -}}

{{/* The CloudNativePG Cluster of a database (an application, or "registry"). Args: root, name. */}}
{{- define "fountain.databaseCluster" -}}
{{ include "fountain.fullname" .root }}-{{ .name }}-db
{{- end -}}

{{/* The Secret with an application's datasource (keys jdbc-uri, username, password). Args: root, name. */}}
{{- define "fountain.databaseSecret" -}}
{{- if eq .root.Values.postgresql.mode "cloudnativepg" -}}
{{ include "fountain.databaseCluster" . }}-app
{{- else -}}
{{ index .root.Values.postgresql.external.secrets .name | default (printf "%s-%s-db" (include "fountain.fullname" .root) .name) }}
{{- end -}}
{{- end -}}

{{/* Environment variables of an application's datasource, from its Secret. Args: root, name, prefix. */}}
{{- define "fountain.datasourceEnv" -}}
{{- $secret := include "fountain.databaseSecret" . -}}
- name: {{ .prefix }}_URL
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: jdbc-uri
- name: {{ .prefix }}_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: username
- name: {{ .prefix }}_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: password
{{- end -}}

{{- define "fountain.callersSecret" -}}
{{ .Values.secrets.callers | default (printf "%s-callers" (include "fountain.fullname" .)) }}
{{- end -}}

{{- define "fountain.edgeAuthSecret" -}}
{{ .Values.secrets.edgeAuth | default (printf "%s-edge-auth" (include "fountain.fullname" .)) }}
{{- end -}}

{{/* The Kafka user of an application (Strimzi: the KafkaUser and its Secret). Args: root, name. */}}
{{- define "fountain.kafkaUser" -}}
{{ include "fountain.fullname" .root }}-{{ .name }}
{{- end -}}

{{/* Whether clients use TLS and SASL. */}}
{{- define "fountain.kafkaSecurityProtocol" -}}
{{- if eq .Values.kafka.mode "strimzi" -}}SASL_SSL{{- else -}}{{ .Values.kafka.external.securityProtocol }}{{- end -}}
{{- end -}}

{{- define "fountain.kafkaSaslMechanism" -}}
{{- if eq .Values.kafka.mode "strimzi" -}}SCRAM-SHA-512{{- else -}}{{ .Values.kafka.external.saslMechanism }}{{- end -}}
{{- end -}}

{{/* The Secret with the brokers' CA (key ca.crt), or nothing. */}}
{{- define "fountain.kafkaCaSecret" -}}
{{- if eq .Values.kafka.mode "strimzi" -}}
{{ include "fountain.kafkaCluster" . }}-cluster-ca-cert
{{- else if has .Values.kafka.external.securityProtocol (list "SSL" "SASL_SSL") -}}
{{ .Values.kafka.external.caSecret }}
{{- end -}}
{{- end -}}

{{/* The Secret with an application's sasl.jaas.config, or nothing. Args: root, name. */}}
{{- define "fountain.kafkaSaslSecret" -}}
{{- if eq .root.Values.kafka.mode "strimzi" -}}
{{ include "fountain.kafkaUser" . }}
{{- else if and (hasPrefix "SASL" .root.Values.kafka.external.securityProtocol) .root.Values.kafka.external.saslSecretPrefix -}}
{{ .root.Values.kafka.external.saslSecretPrefix }}{{ .name }}
{{- end -}}
{{- end -}}

{{/* The topics and users generated from the catalogue (infra/deployment's KafkaAccessFile). */}}
{{- define "fountain.kafkaAccess" -}}
{{ .Files.Get "files/topics.yaml" }}
{{- end -}}

{{- define "fountain.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid }}
runAsGroup: {{ .uid }}
fsGroup: {{ .uid }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "fountain.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: {{ .readOnly }}
capabilities:
  drop:
    - ALL
{{- end -}}
