-- wrk script: complete OAuth flows against our server, WITH the login page:
-- register -> GET /authorize (302 to the login page) -> GET /oauth/login (200: CSRF cookie + hidden
-- fields) -> POST /oauth/login (username/password, 302 to the client with the code) -> POST /token.
-- A browser must GET the page before it can POST it: the CSRF token is an HMAC with a per-process key.
-- Each connection keeps running flows; the next step is taken from a per-thread queue that response()
-- fills (the client id travels in the client's `state`, echoed back with the code), so every step of
-- every flow is a real request. A flow counts when /token answers 200 with an access_token.
-- env: RESOURCE_ENC (url-encoded resource), SCOPE_ENC, LOGIN_USER, LOGIN_PASSWORD
local VERIFIER = "bench-verifier-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFG"
local CHALLENGE = "VnbqXeuJTsLy7nKkzMn9YDdWfImEkuMnnxUWWaanBUU" -- base64url(sha256(VERIFIER))
local REDIRECT_ENC = "http%3A%2F%2F127.0.0.1%3A9%2Fcb"
local RESOURCE_ENC = os.getenv("RESOURCE_ENC") or ""
local SCOPE_ENC = os.getenv("SCOPE_ENC") or ""
local USER = os.getenv("LOGIN_USER") or "alice"
local PASSWORD = os.getenv("LOGIN_PASSWORD") or "cows"
local reg_body = '{"redirect_uris":["http://127.0.0.1:9/cb"],"token_endpoint_auth_method":"none",' ..
  '"grant_types":["authorization_code","refresh_token"],"response_types":["code"],"client_name":"bench"}'
local json_hdrs = { ["Content-Type"] = "application/json" }
local queue = {}
flows, registers, authorizes, pages, logins, bad = 0, 0, 0, 0, 0, 0

threads = {}
function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

request = function()
  local step = table.remove(queue, 1)
  if step == nil then
    return wrk.format("POST", "/register", json_hdrs, reg_body)
  elseif step.kind == "authorize" then
    local q = "/authorize?response_type=code&client_id=" .. step.client_id ..
      "&redirect_uri=" .. REDIRECT_ENC .. "&code_challenge=" .. CHALLENGE ..
      "&code_challenge_method=S256&state=" .. step.client_id
    if SCOPE_ENC ~= "" then q = q .. "&scope=" .. SCOPE_ENC end
    if RESOURCE_ENC ~= "" then q = q .. "&resource=" .. RESOURCE_ENC end
    return wrk.format("GET", q, {}, nil)
  elseif step.kind == "page" then
    return wrk.format("GET", step.path, {}, nil)
  elseif step.kind == "login" then
    return wrk.format("POST", "/oauth/login",
      { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = step.cookie },
      "state=" .. step.state .. "&csrf_token=" .. step.csrf .. "&username=" .. USER .. "&password=" .. PASSWORD)
  else -- token
    local b = "grant_type=authorization_code&code=" .. step.code .. "&code_verifier=" .. VERIFIER ..
      "&client_id=" .. step.client_id .. "&redirect_uri=" .. REDIRECT_ENC
    if RESOURCE_ENC ~= "" then b = b .. "&resource=" .. RESOURCE_ENC end
    return wrk.format("POST", "/token", { ["Content-Type"] = "application/x-www-form-urlencoded" }, b)
  end
end

response = function(status, headers, body)
  if status == 201 then
    local cid = string.match(body, '"client_id":"([^"]+)"')
    if cid then registers = registers + 1; table.insert(queue, { kind = "authorize", client_id = cid }) else bad = bad + 1 end
  elseif status == 302 then
    local loc = headers["Location"] or headers["location"] or ""
    local code = string.match(loc, "[?&]code=([^&]+)")
    if code then -- the login POST sent the browser back to the client
      local cid = string.match(loc, "[?&]state=([^&]+)")
      if cid then logins = logins + 1; table.insert(queue, { kind = "token", code = code, client_id = cid }) else bad = bad + 1 end
    else -- /authorize sent the browser to the login page
      local path = string.match(loc, "^https?://[^/]+(/oauth/login%?[^#]*)$") or string.match(loc, "^(/oauth/login%?[^#]*)$")
      if path then authorizes = authorizes + 1; table.insert(queue, { kind = "page", path = path }) else bad = bad + 1 end
    end
  elseif status == 200 and string.find(body, '"access_token"', 1, true) then
    flows = flows + 1
  elseif status == 200 then -- the login page
    local state = string.match(body, 'name="state" value="([^"]+)"')
    local csrf = string.match(body, 'name="csrf_token" value="([^"]+)"')
    local cookie = string.match(headers["Set-Cookie"] or headers["set-cookie"] or "", "^([^;]+)")
    if state and csrf and cookie then
      pages = pages + 1
      table.insert(queue, { kind = "login", state = state, csrf = csrf, cookie = cookie })
    else
      bad = bad + 1
    end
  else
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local f, r, a, p, l, b = 0, 0, 0, 0, 0, 0
  for _, t in ipairs(threads) do
    f = f + t:get("flows"); r = r + t:get("registers"); a = a + t:get("authorizes")
    p = p + t:get("pages"); l = l + t:get("logins"); b = b + t:get("bad")
  end
  io.write(string.format("LUA flows=%d registers=%d authorizes=%d pages=%d logins=%d bad=%d\n", f, r, a, p, l, b))
end
