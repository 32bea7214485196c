// The MCP conformance suite's server scenarios (the active suite) against an OAuth-protected server.
//
//   MCPOAUTH_IT_USER=... MCPOAUTH_IT_PASSWORD=... node server-suite.mjs MCP_URL OUT_DIR [extra conformance args]
//
// The suite connects without a token, so this first logs in through the real OAuth flow
// (lib/oauth.mjs), then runs the suite under Node 22 with auth-preload.mjs, which adds the bearer
// token to every request the suite sends to the server. Writes OUT_DIR/results/server-*/checks.json
// (the suite's own files), OUT_DIR/server-suite.log and OUT_DIR/server-summary.json.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { obtainToken } from './lib/oauth.mjs';
import { conformanceCli, nodeDir, printResults, readResults, run, versionOf } from './lib/tools.mjs';

const [mcpUrl, outDir, ...extra] = process.argv.slice(2);
if (!mcpUrl || !outDir) {
  console.error('usage: node server-suite.mjs MCP_URL OUT_DIR [extra conformance arguments]');
  process.exit(2);
}
const username = process.env.MCPOAUTH_IT_USER ?? 'conformance';
const password = process.env.MCPOAUTH_IT_PASSWORD ?? '';
mkdirSync(outDir, { recursive: true });

const { tokens } = await obtainToken(mcpUrl, username, password);
console.log(`obtained an access token through the OAuth flow (expires in ${tokens.expires_in} s, scope "${tokens.scope ?? ''}")`);

const resultsDir = join(outDir, 'results');
rmSync(resultsDir, { recursive: true, force: true });
let announced = -1;
const { code } = await run(['--import', join(nodeDir, 'auth-preload.mjs'), conformanceCli,
  'server', '--url', mcpUrl, '-o', resultsDir, ...extra], {
  env: { MCPOAUTH_IT_TOKEN: tokens.access_token, MCPOAUTH_IT_ORIGIN: new URL(mcpUrl).origin },
  log: join(outDir, 'server-suite.log'),
  onLine: line => {
    const m = /^Running \S+ suite \((\d+) scenarios\)/.exec(line);
    if (m) announced = Number(m[1]);
  }
});

const results = readResults(resultsDir, 'server');
const summary = { tool: '@modelcontextprotocol/conformance', version: versionOf('@modelcontextprotocol/conformance'),
  command: 'server', announced, exitCode: code, scenarios: results };
writeFileSync(join(outDir, 'server-summary.json'), JSON.stringify(summary, null, 2));
printResults(`conformance ${summary.version} server scenarios (${announced} announced, ${results.length} ran, exit ${code})`, results);
const failed = results.filter(r => r.failure > 0).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
// A single --scenario announces no count; a suite must run every scenario it announced.
const complete = announced < 0 ? results.length > 0 : results.length === announced;
process.exit(code === 0 && failed === 0 && complete ? 0 : 1);
