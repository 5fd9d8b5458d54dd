-- wrk script of ./crm bench history. Headers come from BENCH_HEADERS ("Name: value" lines). With BENCH_UPDATE=1 each
-- request is a PUT of the customer BENCH_CUSTOMER_ID (email BENCH_EMAIL) changing its name and phone, carrying the
-- version the previous answer returned (one connection: answers and requests alternate). done() prints one line with
-- p50, p95 and p99 for infra/lib/bench-history.sh.

for line in (os.getenv("BENCH_HEADERS") or ""):gmatch("[^\n]+") do
  local name, value = line:match("^([^:]+):%s*(.*)$")
  if name then wrk.headers[name] = value end
end

if os.getenv("BENCH_UPDATE") == "1" then
  wrk.method = "PUT"
  wrk.headers["Content-Type"] = "application/json"
  local email = os.getenv("BENCH_EMAIL")
  local version = tonumber(os.getenv("BENCH_VERSION") or "0")
  local counter = 0
  function request()
    counter = counter + 1
    local body = string.format('{"name":"Bench Update %d","email":"%s","phone":"+1 555 %04d","version":%d}',
      counter, email, counter % 10000, version)
    return wrk.format(nil, nil, nil, body)
  end
  function response(status, headers, body)
    local next_version = body and body:match('"version":(%d+)')
    if next_version then version = tonumber(next_version) end
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH p50_us=%d p95_us=%d p99_us=%d requests=%d duration_us=%d errors=%d\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99), summary.requests, summary.duration,
    e.connect + e.read + e.write + e.timeout + e.status))
end
