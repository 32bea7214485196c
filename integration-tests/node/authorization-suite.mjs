// The conformance tool's authorization-server scenarios (`conformance authorization`), driven headlessly.
//
//   MCPOAUTH_IT_USER=... MCPOAUTH_IT_PASSWORD=... node authorization-suite.mjs ISSUER OUT_DIR
//
// The tool needs a registered client whose redirect URI is its own callback listener
// (http://127.0.0.1:<port>/callback); it prints an authorization URL for a person to open and waits
// for the browser to arrive at the callback. Here the client is registered with RFC 7591, and the
// "person" is lib/oauth.mjs: it opens the printed URL, logs in through the form, and follows the
// final redirect to the tool's listener. Writes OUT_DIR/results/authorization-server-*/checks.json,
// OUT_DIR/authorization-suite.log and OUT_DIR/authorization-summary.json.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deliver, login, register } from './lib/oauth.mjs';
import { conformanceCli, freePort, printResults, readResults, run, versionOf } from './lib/tools.mjs';

const [issuer, outDir] = process.argv.slice(2);
if (!issuer || !outDir) {
  console.error('usage: node authorization-suite.mjs ISSUER OUT_DIR');
  process.exit(2);
}
const username = process.env.MCPOAUTH_IT_USER ?? 'conformance';
const password = process.env.MCPOAUTH_IT_PASSWORD ?? '';
mkdirSync(outDir, { recursive: true });
const resultsDir = join(outDir, 'results');
rmSync(resultsDir, { recursive: true, force: true });

const as = await (await fetch(new URL('/.well-known/oauth-authorization-server', issuer))).json();
const port = await freePort();
// A public client: the tool authenticates with "none" whenever the server lists it.
const client = await register(as, `http://127.0.0.1:${port}/callback`, { name: 'MCP conformance authorization scenarios' });

let loginError;
const { code } = await run([conformanceCli, 'authorization', '--url', issuer, '--client-id', client.client_id,
  '--port', String(port), '-o', resultsDir], {
  log: join(outDir, 'authorization-suite.log'),
  onLine: (line, stream, child) => {
    const url = line.trim();
    if (!url.startsWith(as.authorization_endpoint + '?')) return;
    login(url, username, password)
      .then(callback => deliver(callback))
      .catch(e => {
        loginError = e;
        console.error(`headless login failed: ${e.stack ?? e}`);
        child.kill();
      });
  }
});

const results = readResults(resultsDir, 'authorization-server');
const summary = { tool: '@modelcontextprotocol/conformance', version: versionOf('@modelcontextprotocol/conformance'),
  command: 'authorization', exitCode: code, loginError: loginError ? String(loginError) : null, scenarios: results };
writeFileSync(join(outDir, 'authorization-summary.json'), JSON.stringify(summary, null, 2));
printResults(`conformance ${summary.version} authorization-server scenarios (exit ${code})`, results);
const failed = results.filter(r => r.failure > 0).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(code === 0 && failed === 0 && results.length > 0 && !loginError ? 0 : 1);
