-- wrk script for Benchmarks/webhook.py: each wrk thread sends, in order, the raw HTTP requests
-- of its own file (requests.N, NUL-separated), so every sender's texts arrive one after another.
-- After the measured seconds it sends nothing more and lets the requests in flight finish, so
-- every request sent is answered and counted. Arguments: FILE-PREFIX SECONDS THREADS [cycle]; with
-- cycle, the requests start over when they run out (for a server that does not care what they say).
--
-- wrk runs each thread's init, which reads its file, while the threads started before it already
-- send. So no thread sends until every thread has read its file: the seconds measured never share
-- the machine with a thread still reading.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock, bench_timespec *time);
int usleep(unsigned int microseconds);
]]
local now_buffer = ffi.new("bench_timespec")
local function now()
    ffi.C.clock_gettime(1, now_buffer) -- CLOCK_MONOTONIC
    return tonumber(now_buffer.tv_sec) + tonumber(now_buffer.tv_nsec) / 1e9
end

local threads = {}
local count = 0

function setup(thread)
    thread:set("id", count)
    count = count + 1
    table.insert(threads, thread)
end

function init(args)
    local file = assert(io.open(args[1] .. "." .. id, "rb"))
    local data = file:read("*a")
    file:close()
    requests = {}
    local from = 1
    while true do
        local nul = data:find("\0", from, true)
        if not nul then break end
        requests[#requests + 1] = data:sub(from, nul - 1)
        from = nul + 1
    end
    prefix = args[1]
    seconds = tonumber(args[2])
    thread_count = tonumber(args[3])
    cycle = (args[4] == "cycle")
    sent, answered, ok, exhausted = 0, 0, 0, 0
    -- wrk calls request() once on the first thread to check the script; that one is not sent.
    checking = (id == 0)
    started = false
    io.open(prefix .. ".read." .. id, "w"):close()
end

-- Waits until every thread has read its file, each having left a mark.
local function wait_for_all_threads()
    local thread = 0
    while thread < thread_count do
        local mark = io.open(prefix .. ".read." .. thread, "r")
        if mark then
            mark:close()
            thread = thread + 1
        else
            ffi.C.usleep(1000)
        end
    end
end

function request()
    if checking then
        checking = false
        return requests[1]
    end
    if cycle and sent == #requests then sent = 0 end
    if sent == #requests then
        -- More connections than requests left: the benchmark sees this and gives no result.
        exhausted = 1
        return "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"
    end
    sent = sent + 1
    return requests[sent]
end

function delay()
    if not started then
        -- The first request of the thread's first connection: the seconds measured start here.
        wait_for_all_threads()
        started = true
        stop_at = now() + seconds
    end
    if sent == #requests and not cycle then exhausted = 1 end
    if exhausted == 1 or now() >= stop_at then return 3600000 end
    return 0
end

function response(status, headers, body)
    answered = answered + 1
    if status >= 200 and status < 300 then ok = ok + 1 end
end

function done(summary, latency, requests)
    local total = { sent = 0, answered = 0, ok = 0, exhausted = 0 }
    for _, thread in ipairs(threads) do
        for key, _ in pairs(total) do total[key] = total[key] + thread:get(key) end
    end
    local errors = summary.errors
    io.write(string.format(
        "bench sent=%d answered=%d ok=%d exhausted=%d errors=%d p50=%d p99=%d max=%d\n",
        total.sent, total.answered, total.ok, total.exhausted,
        errors.connect + errors.read + errors.write + errors.timeout,
        latency:percentile(50), latency:percentile(99), latency.max))
    for _, thread in ipairs(threads) do
        io.write(string.format("thread %d sent=%d\n", thread:get("id"), thread:get("sent")))
    end
end
