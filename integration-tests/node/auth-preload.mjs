// A `node --import` preload for tools that connect without a token (the MCP conformance suite's
// server scenarios): every HTTP request to MCPOAUTH_IT_ORIGIN that carries no Authorization header
// gets `Authorization: Bearer $MCPOAUTH_IT_TOKEN`. It hooks undici's global dispatcher, which serves
// both Node's built-in fetch and undici's own request() (used by the DNS-rebinding scenario), so the
// tool's code is not patched. The token comes from the real OAuth flow (lib/oauth.mjs).
import { Agent, setGlobalDispatcher } from 'undici';

const token = process.env.MCPOAUTH_IT_TOKEN;
const origin = process.env.MCPOAUTH_IT_ORIGIN;
if (!token || !origin) {
  throw new Error('auth-preload.mjs needs MCPOAUTH_IT_TOKEN and MCPOAUTH_IT_ORIGIN');
}
const target = new URL(origin).origin;

/** Header lists come as an object, a flat array or an array of pairs; make a flat array. */
function flat(headers) {
  if (!headers) return [];
  if (Array.isArray(headers)) return Array.isArray(headers[0]) ? headers.flat() : [...headers];
  if (typeof headers[Symbol.iterator] === 'function') return [...headers].flat();
  return Object.entries(headers).flatMap(([k, v]) => (Array.isArray(v) ? v.flatMap(x => [k, x]) : [k, v]));
}

const withBearer = dispatch => (options, handler) => {
  if (new URL(String(options.origin)).origin !== target) return dispatch(options, handler);
  const headers = flat(options.headers);
  const present = headers.some((value, i) => i % 2 === 0 && String(value).toLowerCase() === 'authorization');
  if (!present) headers.push('authorization', `Bearer ${token}`);
  return dispatch({ ...options, headers }, handler);
};

setGlobalDispatcher(new Agent().compose(withBearer));
