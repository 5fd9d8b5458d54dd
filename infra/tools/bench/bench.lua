-- wrk script of ./crm bench api, bench leads and bench reports. Headers come from BENCH_HEADERS ("Name: value" lines); BENCH_CREATE=1 posts a new
-- customer with a unique email per request. done() prints one machine-readable line for infra/lib/bench.sh.

for line in (os.getenv("BENCH_HEADERS") or ""):gmatch("[^\n]+") do
  local name, value = line:match("^([^:]+):%s*(.*)$")
  if name then wrk.headers[name] = value end
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

-- BENCH_BODY: the same JSON body POSTed with every request (./crm bench reports: a widget query)
if (os.getenv("BENCH_BODY") or "") ~= "" then
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = os.getenv("BENCH_BODY")
end

if os.getenv("BENCH_CREATE") == "1" then
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  local run = os.getenv("BENCH_RUN") or "0"
  local counter = 0
  -- names, companies and labels mixed as ./crm generate customers mixes them, so that the created customers, newest of
  -- all, do not leave the terms, tag and company the bench looks for rarer among the newest with every run
  local firsts = {"Ada", "Alan", "Amara", "Ana", "Arjun", "Beatriz", "Camille", "Carlos", "Chen", "Chloe", "Daniel",
    "Elena", "Emeka", "Fatima", "Felix", "Grace", "Hannah", "Hiro", "Ines", "Isaac", "Jamal", "Jana", "Johan", "Julia",
    "Kai", "Lars", "Leila", "Lucas", "Maya", "Mateo", "Mei", "Nadia", "Noah", "Olga", "Omar", "Priya", "Rafael", "Rosa",
    "Sofia", "Tariq", "Thomas", "Valentina", "Wei", "Yara", "Yusuf", "Zoe"}
  local lasts = {"Adeyemi", "Andersson", "Bauer", "Bianchi", "Chen", "Costa", "Dubois", "Eriksen", "Fernandes",
    "Fischer", "Garcia", "Hansen", "Hoffmann", "Ivanova", "Jensen", "Kim", "Kowalski", "Larsen", "Lopez", "Mueller",
    "Nakamura", "Novak", "OBrien", "Okafor", "Patel", "Petrov", "Rossi", "Santos", "Schmidt", "Silva", "Singh", "Tanaka",
    "VanDijk", "Wagner", "Wang", "Yilmaz", "Zhang"}
  local companies = {"Northwind Traders", "Contoso", "Fabrikam", "Tailspin Toys", "Wide World Importers", "Litware",
    "Proseware", "Fourth Coffee", "Blue Yonder Airlines", "Woodgrove Bank", "Trey Research"}
  local branches = {"Holding", "Logistics", "Retail", "Labs", "Services", "Group", "Digital", "Energy", "Media",
    "Foods", "Systems", "Partners", "Consulting"}
  local labels = {"vip", "newsletter", "partner", "prospect", "key-account", "churn-risk", "enterprise", "smb",
    "event-2026", "referral"}
  local function pick(list, n) return list[1 + n % #list] end
  local function company(n)
    if n % 8 == 0 then return "null" end
    return '"' .. pick(companies, math.floor(n / 7)) .. " " .. pick(branches, math.floor(n / 77)) .. '"'
  end
  local function tags(n)
    local picked, seen = {}, {}
    for k, label in ipairs({pick(labels, n), pick(labels, math.floor(n / 10)), pick(labels, math.floor(n / 100))}) do
      if k <= n % 4 and not seen[label] then
        seen[label] = true
        table.insert(picked, '"' .. label .. '"')
      end
    end
    return "[" .. table.concat(picked, ",") .. "]"
  end
  function request()
    counter = counter + 1
    local tag = string.format("%s-%d-%d", run, id, counter)
    local n = id * 7919 + counter
    local first, last = pick(firsts, n), pick(lasts, math.floor(n / #firsts))
    local body = '{"name":"' .. first .. ' ' .. last .. '","email":"' .. string.lower(first .. '.' .. last) .. '.bench-'
      .. tag .. '@bench.example","phone":"+1 555 0100","company":' .. company(n) .. ',"tags":' .. tags(n) .. '}'
    return wrk.format(nil, nil, nil, body)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH p50_us=%d p99_us=%d requests=%d duration_us=%d socket_errors=%d non2xx=%d p95_us=%d\n",
    latency:percentile(50), latency:percentile(99), summary.requests, summary.duration,
    e.connect + e.read + e.write + e.timeout, e.status, latency:percentile(95)))
end
