-- wrk script: asks for the profiles of many different buurten in turn (their codes in the file
-- named by WK_BENCH_CODES, one per line), so nearly every request misses the read cache and
-- computes the profile. Each wrk thread starts at a different offset.
local codes = {}
for line in io.lines(os.getenv("WK_BENCH_CODES")) do codes[#codes + 1] = line end
local i = 0
local year = os.getenv("WK_BENCH_YEAR") or "2024"

function setup(thread)
  thread:set("offset", math.random(#codes))
end

function init(args)
  i = (offset or 0) % #codes
end

function request()
  i = i % #codes + 1
  return wrk.format("GET", "/api/v1/areas/" .. codes[i] .. "/profile?year=" .. year)
end
