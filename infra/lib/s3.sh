# shellcheck shell=bash
# An S3-compatible server for documents: Adobe's S3Mock 4.11.0, run from its Maven Central jars (infra/s3/pom.xml),
# every port on 127.0.0.1 (infra/s3/LoopbackS3Mock.java), objects under $CRM_WORK_DIR/s3/data. The services talk to it
# through the S3 API (AWS SDK, path-style addressing) exactly as they would to any S3 in production.

S3_DIR="$CRM_WORK_DIR/s3"
S3_POM="$CRM_ROOT/infra/s3/pom.xml"
# one bucket per service that stores objects, created at the first start (kept with the data afterwards)
S3_BUCKETS="${CRM_S3_BUCKETS:-crm-customer-documents}"

s3_url() { echo "http://127.0.0.1:$CRM_S3_PORT"; }

s3_classpath() { maven_classpath S3Mock "$S3_POM"; }

s3_start() {
  if is_running s3; then
    info "s3 already running"
    return 0
  fi
  local cp
  cp="$(s3_classpath)"
  mkdir -p "$S3_DIR/data"
  info "starting s3 (S3Mock) on 127.0.0.1:$CRM_S3_PORT (buckets $S3_BUCKETS)"
  # HTTPS (server.port) is not used by the CRM: a free port, on loopback like the rest
  start_process s3 "$(infra_java)" -Xms32m -Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k \
    -Djava.awt.headless=true -cp "$cp" "$CRM_ROOT/infra/s3/LoopbackS3Mock.java" \
    --server.address=127.0.0.1 --server.port=0 \
    "--com.adobe.testing.s3mock.httpPort=$CRM_S3_PORT" \
    "--com.adobe.testing.s3mock.store.root=$S3_DIR/data" \
    "--com.adobe.testing.s3mock.store.initial-buckets=$S3_BUCKETS" \
    "--com.adobe.testing.s3mock.store.retain-files-on-exit=true" \
    --spring.main.banner-mode=off
}

# ListBuckets answers once the S3 API is up
s3_ready() { http_ok "$(s3_url)/"; }

s3_wait() { wait_for s3 "S3 API on port $CRM_S3_PORT" s3_ready; }
