// The OAuth 2.1 flow of an MCP client, done headlessly against an mcp-oauth server: discovery
// (RFC 9728, RFC 8414), dynamic registration (RFC 7591), /authorize with PKCE S256, the login form
// submitted as a browser would (its hidden fields and its CSRF cookie), and the code exchange.
// Used by the runners to obtain a real token, and to complete logins that third-party tools start.
import { createHash, randomBytes } from 'node:crypto';

/** Base64url of random bytes. */
export function random(bytes = 32) {
  return randomBytes(bytes).toString('base64url');
}

/** A PKCE verifier and its S256 challenge. */
export function pkce() {
  const verifier = random(48);
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

async function json(response, what) {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${what} answered ${response.status} with non-JSON: ${text.slice(0, 300)}`);
  }
}

/**
 * Discovery as an MCP client does it: an unauthenticated POST to the MCP endpoint must be refused
 * with 401 and a WWW-Authenticate challenge naming the protected resource metadata.
 */
export async function discover(mcpUrl) {
  const probe = await fetch(mcpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' })
  });
  const challenge = probe.headers.get('www-authenticate') ?? '';
  if (probe.status !== 401 || !/^Bearer\b/i.test(challenge)) {
    throw new Error(`an unauthenticated POST to ${mcpUrl} answered ${probe.status} (${challenge || 'no challenge'}), expected 401 Bearer`);
  }
  const prmUrl = /resource_metadata="([^"]+)"/.exec(challenge)?.[1];
  if (!prmUrl) throw new Error(`the 401 challenge names no resource_metadata: ${challenge}`);
  const prm = await json(await fetch(prmUrl), 'protected resource metadata');
  const issuer = prm.authorization_servers?.[0];
  if (!issuer) throw new Error(`protected resource metadata without authorization_servers: ${JSON.stringify(prm)}`);
  const asUrl = new URL('/.well-known/oauth-authorization-server' + new URL(issuer).pathname.replace(/\/$/, ''), issuer);
  const as = await json(await fetch(asUrl), 'authorization server metadata');
  if (as.issuer !== issuer) throw new Error(`issuer ${as.issuer} differs from the resource's authorization server ${issuer}`);
  return { resource: prm.resource, prm, as };
}

/** Registers a client (RFC 7591); public unless another token endpoint auth method is asked for. */
export async function register(as, redirectUri, { name = 'mcp-oauth-it', authMethod = 'none' } = {}) {
  const response = await fetch(as.registration_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_name: name,
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: authMethod
    })
  });
  const client = await json(response, 'registration');
  if (response.status !== 201) throw new Error(`registration answered ${response.status}: ${JSON.stringify(client)}`);
  return client;
}

function unescapeHtml(s) {
  return s.replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&#x2F;|&#47;/g, '/').replace(/&#96;|&#x60;/g, '`').replace(/&#61;|&#x3D;/g, '=').replace(/&amp;/g, '&');
}

/**
 * What a person does in the browser after a client opened an authorization URL: follow /authorize to
 * the login page, fill in the form and submit it. Returns the URL the server redirects to (the
 * client's redirect URI with code, state and iss), without visiting it.
 */
export async function login(authorizationUrl, username, password) {
  const authz = await fetch(authorizationUrl, { redirect: 'manual' });
  if (authz.status !== 302 && authz.status !== 303) {
    throw new Error(`/authorize answered ${authz.status}: ${(await authz.text()).slice(0, 300)}`);
  }
  const loginUrl = new URL(authz.headers.get('location'), authorizationUrl);
  const page = await fetch(loginUrl, { redirect: 'manual' });
  const html = await page.text();
  if (page.status !== 200) throw new Error(`the login page answered ${page.status}: ${html.slice(0, 300)}`);
  const form = new URLSearchParams();
  for (const [, attrs] of html.matchAll(/<input\b([^>]*)>/gi)) {
    const name = /\bname="([^"]*)"/i.exec(attrs)?.[1];
    const type = /\btype="([^"]*)"/i.exec(attrs)?.[1] ?? 'text';
    const value = /\bvalue="([^"]*)"/i.exec(attrs)?.[1] ?? '';
    if (name && type.toLowerCase() === 'hidden') form.set(name, unescapeHtml(value));
  }
  form.set('username', username);
  form.set('password', password);
  const action = /<form\b[^>]*\baction="([^"]*)"/i.exec(html)?.[1];
  const cookies = (page.headers.getSetCookie?.() ?? []).map(c => c.split(';')[0]).join('; ');
  const post = await fetch(new URL(action ? unescapeHtml(action) : loginUrl.pathname, loginUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookies ? { cookie: cookies } : {}) },
    body: form
  });
  if (post.status !== 302 && post.status !== 303) {
    throw new Error(`the login form answered ${post.status}: ${(await post.text()).slice(0, 300)}`);
  }
  return new URL(post.headers.get('location'), loginUrl).href;
}

/** Exchanges a code for tokens as a public client. */
export async function exchange(as, client, { code, verifier, redirectUri, resource }) {
  const body = new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: verifier,
    redirect_uri: redirectUri, client_id: client.client_id });
  if (resource) body.set('resource', resource);
  const response = await fetch(as.token_endpoint, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  const tokens = await json(response, 'the token endpoint');
  if (response.status !== 200 || !tokens.access_token) {
    throw new Error(`the token endpoint answered ${response.status}: ${JSON.stringify(tokens)}`);
  }
  return tokens;
}

/**
 * The whole flow for one user: discovery from the 401, registration, /authorize, login, code
 * exchange. Returns the token response and what was discovered.
 */
export async function obtainToken(mcpUrl, username, password) {
  const { resource, as } = await discover(mcpUrl);
  const redirectUri = 'http://127.0.0.1:53682/callback';
  const client = await register(as, redirectUri, { name: 'mcp-oauth-it token for the conformance suite' });
  const { verifier, challenge } = pkce();
  const state = random(16);
  const url = new URL(as.authorization_endpoint);
  url.search = new URLSearchParams({ response_type: 'code', client_id: client.client_id, redirect_uri: redirectUri,
    code_challenge: challenge, code_challenge_method: 'S256', state, resource }).toString();
  const back = new URL(await login(url.href, username, password));
  if (back.searchParams.get('state') !== state) throw new Error(`the redirect lost the state: ${back}`);
  const code = back.searchParams.get('code');
  if (!code) throw new Error(`no code in the redirect: ${back}`);
  const tokens = await exchange(as, client, { code, verifier, redirectUri, resource });
  return { tokens, resource, as };
}

/**
 * Follows the login's final redirect to a tool's callback listener, as the browser would. The tool
 * prints the URL before its listener may be accepting, so a refused connection is retried briefly.
 */
export async function deliver(callbackUrl, attempts = 50) {
  for (let i = 1; ; i++) {
    try {
      const response = await fetch(callbackUrl);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`the callback ${callbackUrl} answered ${response.status}`);
      return response.status;
    } catch (e) {
      if (i >= attempts || e?.cause?.code !== 'ECONNREFUSED') throw e;
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  }
}
