-- wrk script of ./crm bench payments. Headers come from BENCH_HEADERS ("Name: value" lines).
-- BENCH_MODE=record: each request records a payment of customer BENCH_CUSTOMER_ID with a fresh Idempotency-Key
-- (thread, counter and a random part: never a replay). BENCH_MODE=provider: the requests cycle through the signed
-- provider events of the Lua file BENCH_EVENTS (a table of {id, timestamp, signature, body}). done() prints one line
-- with p50, p95 and p99 for infra/lib/bench-payments.sh.

local mode = os.getenv("BENCH_MODE")
local headers = {}
for line in (os.getenv("BENCH_HEADERS") or ""):gmatch("[^\n]+") do
  local name, value = line:match("^([^:]+):%s*(.*)$")
  if name then headers[name] = value end
end

local counter = 0
local thread_tag = 0
local events = nil

function setup(thread)
  thread_tag = thread_tag + 1
  thread:set("tag", thread_tag)
end

function init(args)
  math.randomseed(os.time() + (tag or 0) * 7919)
  if mode == "provider" then events = dofile(os.getenv("BENCH_EVENTS")) end
end

function request()
  counter = counter + 1
  local h = {}
  for k, v in pairs(headers) do h[k] = v end
  h["Content-Type"] = "application/json"
  if mode == "provider" then
    local e = events[(counter - 1) % #events + 1]
    h["webhook-id"] = e[1]
    h["webhook-timestamp"] = e[2]
    h["webhook-signature"] = e[3]
    return wrk.format("POST", nil, h, e[4])
  end
  h["Idempotency-Key"] = string.format("bench-%d-%d-%d-%d", os.time(), tag or 0, counter, math.random(1, 1000000000))
  local body = string.format('{"customerId":"%s","amount":"%d.%02d","currency":"EUR","method":"CARD"}',
    os.getenv("BENCH_CUSTOMER_ID"), counter % 1000 + 1, counter % 100)
  return wrk.format("POST", nil, h, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH p50_us=%d p95_us=%d p99_us=%d requests=%d duration_us=%d errors=%d\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99), summary.requests, summary.duration,
    e.connect + e.read + e.write + e.timeout + e.status))
end
