// Interop test: the official TypeScript MCP SDK client (@modelcontextprotocol/sdk, pinned in
// package.json) against a running mcp-oauth server, with the browser step done headlessly.
//
//   node interop.mjs MCP_URL USERNAME PASSWORD [AUTH_METHOD ...]
//
// For each client authentication method (default: none client_secret_post client_secret_basic):
// 401 -> discovery -> dynamic registration -> /authorize -> login form POST (with its CSRF cookie and
// hidden fields, as a browser would) -> code -> token -> initialize -> tools/list -> tools/call ->
// a forced refresh (the access token is spoiled, the SDK refreshes on the 401) -> rotation checked
// -> the same refresh repeated within the reuse grace converges on one successor -> two client
// processes sharing one stored credential refresh at once and staggered, and converge -> reuse of a
// refresh token more than one rotation old revokes the family.
// Prints one line per check and a closing "N passed, N failed"; exits 1 on any failure.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError, discoverAuthorizationServerMetadata, discoverOAuthProtectedResourceMetadata }
  from '@modelcontextprotocol/sdk/client/auth.js';

const [mcpUrlArg, username, password, ...methodArgs] = process.argv.slice(2);
if (!mcpUrlArg || username === undefined || password === undefined) {
  console.error('usage: node interop.mjs MCP_URL USERNAME PASSWORD [AUTH_METHOD ...]');
  process.exit(2);
}
const mcpUrl = new URL(mcpUrlArg);
const methods = methodArgs.length ? methodArgs : ['none', 'client_secret_post', 'client_secret_basic'];
let passed = 0;
let failed = 0;

function check(name, ok, detail = '') {
  if (ok) {
    passed++;
    console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name} ${detail}`);
  }
  return ok;
}

/** An OAuthClientProvider that keeps everything in memory and "opens the browser" with fetch. */
class HeadlessProvider {
  constructor(authMethod) {
    this.authMethod = authMethod;
    this.redirect = 'http://127.0.0.1:53682/callback';
    this.saved = { tokens: undefined, client: undefined, verifier: undefined };
    this.tokenSaves = 0;
    this.code = undefined;
  }
  get redirectUrl() { return this.redirect; }
  get clientMetadata() {
    return {
      client_name: `ts-interop-${this.authMethod}`,
      redirect_uris: [this.redirect],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: this.authMethod
    };
  }
  clientInformation() { return this.saved.client; }
  saveClientInformation(info) { this.saved.client = info; }
  tokens() { return this.saved.tokens; }
  saveTokens(tokens) { this.saved.tokens = tokens; this.tokenSaves++; }
  saveCodeVerifier(v) { this.saved.verifier = v; }
  codeVerifier() { return this.saved.verifier; }
  async redirectToAuthorization(authorizationUrl) {
    this.code = await loginHeadlessly(authorizationUrl, this.redirect);
  }
}

/** What a person does in the browser: follow /authorize to the login page, submit the form. */
async function loginHeadlessly(authorizationUrl, redirect) {
  const authz = await fetch(authorizationUrl, { redirect: 'manual' });
  if (authz.status !== 302) throw new Error(`/authorize answered ${authz.status}: ${await authz.text()}`);
  const loginUrl = new URL(authz.headers.get('location'), authorizationUrl);
  const page = await fetch(loginUrl, { redirect: 'manual' });
  const html = await page.text();
  if (page.status !== 200) throw new Error(`login page answered ${page.status}`);
  const form = new URLSearchParams();
  for (const [, attrs] of html.matchAll(/<input\b([^>]*)>/gi)) {
    const name = /name="([^"]*)"/i.exec(attrs)?.[1];
    const type = /type="([^"]*)"/i.exec(attrs)?.[1] ?? 'text';
    const value = /value="([^"]*)"/i.exec(attrs)?.[1] ?? '';
    if (name && type.toLowerCase() === 'hidden') form.set(name, unescapeHtml(value));
  }
  form.set('username', username);
  form.set('password', password);
  const action = /<form\b[^>]*action="([^"]*)"/i.exec(html)?.[1];
  const cookies = (page.headers.getSetCookie?.() ?? []).map(c => c.split(';')[0]).join('; ');
  const post = await fetch(new URL(action ? unescapeHtml(action) : loginUrl.pathname, loginUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookies ? { cookie: cookies } : {}) },
    body: form
  });
  if (post.status !== 302) throw new Error(`login POST answered ${post.status}: ${(await post.text()).slice(0, 300)}`);
  const back = new URL(post.headers.get('location'));
  if (!back.href.startsWith(redirect)) throw new Error(`login redirected to ${back} instead of ${redirect}`);
  const code = back.searchParams.get('code');
  if (!code) throw new Error(`no code in ${back}`);
  return code;
}

function unescapeHtml(s) {
  return s.replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&#x2F;|&#47;/g, '/').replace(/&#96;|&#x60;/g, '`').replace(/&#61;|&#x3D;/g, '=').replace(/&amp;/g, '&');
}

async function connect(provider) {
  const client = new Client({ name: 'mcp-oauth-ts-interop', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider });
  await client.connect(transport);
  return { client, transport };
}

async function runMethod(method) {
  const provider = new HeadlessProvider(method);
  // First connection: no token -> 401 -> the SDK discovers, registers, "opens the browser".
  try {
    await connect(provider);
    check(`${method}: first connect is refused without a token`, false, 'it succeeded');
    return;
  } catch (e) {
    if (!check(`${method}: 401 -> discovery -> registration -> login`, e instanceof UnauthorizedError && provider.code,
        String(e?.stack ?? e))) return;
  }
  const registered = provider.saved.client;
  check(`${method}: registered with ${method}`, registered?.token_endpoint_auth_method === method,
      JSON.stringify(registered));
  check(`${method}: a secret exactly when confidential`, (method === 'none') === (registered?.client_secret === undefined));

  const finishing = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider });
  await finishing.finishAuth(provider.code);
  const first = provider.saved.tokens;
  check(`${method}: code exchanged for tokens`, first?.access_token && first?.refresh_token && first?.token_type?.toLowerCase() === 'bearer',
      JSON.stringify(first && Object.keys(first)));

  let { client } = await connect(provider);
  const tools = await client.listTools();
  check(`${method}: tools/list`, tools.tools.some(t => t.name === 'echo'), JSON.stringify(tools.tools.map(t => t.name)));
  const echo = await client.callTool({ name: 'echo', arguments: { message: 'hello from TypeScript' } });
  check(`${method}: tools/call echo`, JSON.stringify(echo.content).includes('hello from TypeScript'), JSON.stringify(echo));
  await client.close();

  // Forced refresh: spoil the access token; the next request gets 401 and the SDK refreshes.
  provider.saved.tokens = { ...first, access_token: 'spoiled' + first.access_token.slice(7) };
  ({ client } = await connect(provider));
  const again = await client.callTool({ name: 'echo', arguments: { message: 'after refresh' } });
  const second = provider.saved.tokens;
  check(`${method}: refresh on 401 and retry`, JSON.stringify(again.content).includes('after refresh'), JSON.stringify(again));
  check(`${method}: refresh token rotated`, second.refresh_token && second.refresh_token !== first.refresh_token);
  check(`${method}: new access token issued`, second.access_token !== first.access_token && !second.access_token.startsWith('spoiled'));
  await client.close();

  // The same refresh repeated within the reuse grace (a retry after a lost answer) converges on the
  // successor the first refresh issued, and every access token keeps working.
  const repeat = await refreshDirectly(method, registered, first.refresh_token);
  const repeatBody = await repeat.json();
  check(`${method}: refresh repeated within the grace -> 200 with the same successor`,
      repeat.status === 200 && repeatBody.refresh_token === second.refresh_token && repeatBody.access_token !== second.access_token,
      `${repeat.status} ${JSON.stringify(Object.keys(repeatBody))}`);
  check(`${method}: both access tokens of the repeated refresh work`,
      (await initialize(second.access_token)).status === 200 && (await initialize(repeatBody.access_token)).status === 200);

  const shared = await twoProcessesShareOneCredential(method, registered, second);

  // Reusing a refresh token more than one rotation old is theft: refused, and the family is revoked
  // (RFC 9700 §4.14.2).
  const reuse = await refreshDirectly(method, registered, first.refresh_token);
  const reuseBody = await reuse.json();
  check(`${method}: refresh token two rotations old -> 400 invalid_grant`, reuse.status === 400 && reuseBody.error === 'invalid_grant',
      `${reuse.status} ${JSON.stringify(reuseBody)}`);
  const afterReuse = await initialize(shared.access_token);
  check(`${method}: family revoked, current access token now refused`, afterReuse.status === 401,
      `${afterReuse.status} ${afterReuse.headers.get('www-authenticate')}`);
}

/**
 * Two processes of one client (Claude Code's sessions) share one stored credential: each starts from
 * its own copy, both find their access token expired at the same moment and refresh with the same
 * refresh token, then later one refreshes again and the other follows seconds after with its older
 * copy. Every refresh must succeed and both must converge on one refresh token that still works.
 */
async function twoProcessesShareOneCredential(method, registered, stored) {
  const spoil = tokens => ({ ...tokens, access_token: 'expired' + tokens.access_token.slice(7) });
  const processes = [new HeadlessProvider(method), new HeadlessProvider(method)];
  for (const p of processes) {
    p.saved.client = registered;
    p.saved.tokens = spoil(stored);
  }
  const call = async (p, message) => {
    const { client } = await connect(p);
    try {
      const result = await client.callTool({ name: 'echo', arguments: { message } });
      return JSON.stringify(result.content).includes(message);
    } finally {
      await client.close();
    }
  };
  const both = await Promise.all(processes.map((p, i) => call(p, `process ${i} at once`)));
  check(`${method}: two processes refresh one credential at once, both calls succeed`, both.every(Boolean), JSON.stringify(both));
  const [a, b] = processes.map(p => p.saved.tokens);
  check(`${method}: both processes converge on one new refresh token`,
      a.refresh_token === b.refresh_token && a.refresh_token !== stored.refresh_token);
  check(`${method}: no interactive sign-in was needed`, processes.every(p => p.code === undefined));

  // Later: process 0 refreshes again; process 1 follows with its now rotated-away copy.
  processes[0].saved.tokens = spoil(processes[0].saved.tokens);
  const firstAgain = await call(processes[0], 'process 0 later');
  processes[1].saved.tokens = spoil(processes[1].saved.tokens);
  const secondAgain = await call(processes[1], 'process 1 seconds after');
  const [a2, b2] = processes.map(p => p.saved.tokens);
  check(`${method}: staggered refreshes of one credential both succeed and converge`,
      firstAgain && secondAgain && a2.refresh_token === b2.refresh_token && a2.refresh_token !== a.refresh_token,
      JSON.stringify([firstAgain, secondAgain]));
  const onward = await refreshDirectly(method, registered, b2.refresh_token);
  const onwardBody = await onward.json();
  check(`${method}: the converged refresh token still rotates`, onward.status === 200 && onwardBody.refresh_token !== b2.refresh_token,
      `${onward.status} ${JSON.stringify(onwardBody)}`);
  return onwardBody;
}

/** A refresh_token grant sent by hand, authenticated as the client registered. */
async function refreshDirectly(method, registered, refreshToken) {
  // The SDK's own discovery, so that a server under a path (RFC 8414 §3.1 path-inserted metadata) works too.
  const prm = await discoverOAuthProtectedResourceMetadata(mcpUrl);
  const meta = await discoverAuthorizationServerMetadata(prm.authorization_servers[0]);
  const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken });
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  if (method === 'client_secret_basic') {
    headers.authorization = 'Basic ' + Buffer.from(`${encodeURIComponent(registered.client_id)}:${encodeURIComponent(registered.client_secret)}`).toString('base64');
  } else {
    body.set('client_id', registered.client_id);
    if (method === 'client_secret_post') body.set('client_secret', registered.client_secret);
  }
  return fetch(meta.token_endpoint, { method: 'POST', headers, body });
}

/** A JSON-RPC initialize sent to the MCP endpoint by hand with a bearer token: 200 when the token is accepted. */
function initialize(accessToken) {
  return fetch(mcpUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {
      protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'mcp-oauth-ts-interop-raw', version: '1.0.0' } } })
  });
}

for (const method of methods) {
  try {
    await runMethod(method);
  } catch (e) {
    check(`${method}: flow completed`, false, String(e?.stack ?? e));
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
