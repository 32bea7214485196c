// OAuth 2.1 client with the login step, for the load runs against our server (no npm dependencies):
// discovery -> DCR -> N x (authorize (PKCE S256) -> GET login page -> POST login form with its CSRF
// cookie and hidden fields, as a browser would -> token), then, in session mode, initialize.
//
//   node login-client.mjs BASE_URL OUT_DIR [N] [stateless|session] [USER] [PASSWORD]
//
// Writes into OUT_DIR (the same files as the peer's oauth-client.mjs, so the same Lua scripts read them):
//   client_id, access_token (first flow), refresh_tokens (one per flow), session_id (session mode).
// Checks along the way (401 without a token, echo with it) and exits 1 if anything is off.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';

const [base, outDir, nArg = '1', mode = 'stateless', user = 'alice', password = 'cows'] = process.argv.slice(2);
if (!base || !outDir) {
  console.error('usage: node login-client.mjs BASE_URL OUT_DIR [N] [stateless|session] [USER] [PASSWORD]');
  process.exit(2);
}
const REDIRECT = 'http://127.0.0.1:9/cb';
const ACCEPT = 'application/json, text/event-stream';
const must = (ok, msg) => { if (!ok) { console.error(`login-client: ${msg}`); process.exit(1); } };
const field = (html, name) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];

const as = await (await fetch(new URL('/.well-known/oauth-authorization-server', base))).json();
const prm = await (await fetch(new URL('/.well-known/oauth-protected-resource/mcp', base))).json();
must(as.registration_endpoint && as.token_endpoint, `bad AS metadata ${JSON.stringify(as)}`);
const scope = (as.scopes_supported ?? []).join(' ');

const reg = await fetch(as.registration_endpoint, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none', client_name: 'load-bench',
    grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'] })
});
const client = await reg.json();
must(reg.status === 201 && client.client_id, `register failed ${reg.status} ${JSON.stringify(client)}`);

async function flow() {
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(8).toString('hex');
  const url = new URL(as.authorization_endpoint);
  url.search = new URLSearchParams({ response_type: 'code', client_id: client.client_id, redirect_uri: REDIRECT,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256',
    scope, state, resource: prm.resource }).toString();
  const authz = await fetch(url, { redirect: 'manual' });
  must(authz.status === 302, `authorize answered ${authz.status}`);
  const loginUrl = new URL(authz.headers.get('location'), url);
  const page = await fetch(loginUrl, { redirect: 'manual' });
  const html = await page.text();
  must(page.status === 200, `login page answered ${page.status}`);
  const cookie = page.headers.getSetCookie().map(c => c.split(';')[0]).join('; ');
  const post = await fetch(loginUrl.origin + loginUrl.pathname, {
    method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ state: field(html, 'state'), csrf_token: field(html, 'csrf_token'), username: user, password })
  });
  must(post.status === 302, `login POST answered ${post.status}`);
  const back = new URL(post.headers.get('location'));
  must(back.searchParams.get('state') === state && back.searchParams.get('code'), `bad redirect ${back}`);
  const tok = await fetch(as.token_endpoint, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: back.searchParams.get('code'), code_verifier: verifier,
      client_id: client.client_id, redirect_uri: REDIRECT, resource: prm.resource })
  });
  const tokens = await tok.json();
  must(tok.status === 200 && tokens.access_token && tokens.refresh_token, `token failed ${tok.status} ${JSON.stringify(tokens)}`);
  return tokens;
}

const all = [];
for (let i = 0; i < Math.max(1, Number(nArg)); i++) all.push(await flow());

const mcp = new URL('/mcp', base);
const call = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'echo', arguments: { message: 'hello' } } });
const refused = await fetch(mcp, { method: 'POST', headers: { 'content-type': 'application/json', accept: ACCEPT }, body: call });
must(refused.status === 401, `/mcp without a token answered ${refused.status}`);
const headers = { 'content-type': 'application/json', accept: ACCEPT, authorization: `Bearer ${all[0].access_token}` };
let sessionId;
if (mode === 'session') {
  const init = await fetch(mcp, { method: 'POST', headers, body: JSON.stringify({ jsonrpc: '2.0', id: 0, method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'load-bench', version: '0' } } }) });
  sessionId = init.headers.get('mcp-session-id');
  await init.text();
  must(init.status === 200 && sessionId, `initialize answered ${init.status}`);
  Object.assign(headers, { 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-06-18' });
  const note = await fetch(mcp, { method: 'POST', headers, body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) });
  must(note.status === 202, `notifications/initialized answered ${note.status}`);
}
const echo = await fetch(mcp, { method: 'POST', headers, body: call });
must(echo.status === 200 && (await echo.text()).includes('Echo: hello'), `echo answered ${echo.status}`);

mkdirSync(outDir, { recursive: true });
writeFileSync(`${outDir}/client_id`, client.client_id + '\n');
writeFileSync(`${outDir}/access_token`, all[0].access_token + '\n');
writeFileSync(`${outDir}/refresh_tokens`, all.map(t => t.refresh_token).join('\n') + '\n');
if (sessionId) writeFileSync(`${outDir}/session_id`, sessionId + '\n');
console.log(`login-client: client ${client.client_id}, ${all.length} token pair(s)${sessionId ? `, session ${sessionId}` : ''}, echo ok`);
