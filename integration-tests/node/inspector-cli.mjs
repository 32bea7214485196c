// The MCP Inspector's CLI (`mcp-inspector --cli`) logs into an mcp-oauth server and lists and calls tools.
//
//   MCPOAUTH_IT_USER=... MCPOAUTH_IT_PASSWORD=... node inspector-cli.mjs MCP_URL OUT_DIR [TOOL ARG=VALUE]
//
// The Inspector runs its interactive OAuth flow: discovery, dynamic registration, a callback listener
// on a loopback port, and "Please navigate to: <authorization URL>" on stderr (it would also open a
// browser; BROWSER=true makes that a no-op). MCP_AUTO_OPEN_ENABLED=true lets it log in without a TTY.
// The person is lib/oauth.mjs: it opens the printed URL, submits the login form and follows the
// redirect to the Inspector's listener. A second run calls a tool with --stored-auth-only, so it must
// reuse the token the first run stored (no second login). Its home, storage and secrets live in
// OUT_DIR/inspector-home. Writes OUT_DIR/inspector.log and OUT_DIR/inspector-summary.json.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deliver, login } from './lib/oauth.mjs';
import { freePort, inspectorCli, run, versionOf } from './lib/tools.mjs';

const [mcpUrl, outDir, toolName = 'echo', toolArg = 'message=hello from the MCP Inspector'] = process.argv.slice(2);
if (!mcpUrl || !outDir) {
  console.error('usage: node inspector-cli.mjs MCP_URL OUT_DIR [TOOL ARG=VALUE]');
  process.exit(2);
}
const username = process.env.MCPOAUTH_IT_USER ?? 'alice';
const password = process.env.MCPOAUTH_IT_PASSWORD ?? '';
const home = join(outDir, 'inspector-home');
rmSync(home, { recursive: true, force: true });
mkdirSync(home, { recursive: true });
const env = {
  HOME: home, MCP_STORAGE_DIR: join(home, 'storage'), MCP_INSPECTOR_SECRET_STORE: 'file',
  MCP_AUTO_OPEN_ENABLED: 'true', BROWSER: 'true', NO_COLOR: '1'
};

let logins = 0;
let loginError;
/** Completes the login the Inspector asks a person to do. */
function onLine(line, stream, child) {
  const url = /Please navigate to: (\S+)/.exec(line)?.[1];
  if (!url) return;
  logins++;
  login(url, username, password)
    .then(callback => deliver(callback))
    .catch(e => {
      loginError = e;
      console.error(`headless login failed: ${e.stack ?? e}`);
      child.kill();
    });
}

/** The CLI's --format json output: {"result": <the MCP result>} on success. */
function parse(stdout) {
  try {
    const parsed = JSON.parse(stdout);
    return parsed?.result ?? parsed;
  } catch {
    return { unparsed: stdout.slice(0, 2000) };
  }
}

const callback = `http://127.0.0.1:${await freePort()}/oauth/callback`;
const list = await run([inspectorCli, '--cli', mcpUrl, '--method', 'tools/list', '--format', 'json',
  '--callback-url', callback], { env, log: join(outDir, 'inspector-list.log'), onLine, timeoutMs: 120_000 });
const loginsForList = logins;
const call = await run([inspectorCli, '--cli', mcpUrl, '--method', 'tools/call', '--tool-name', toolName,
  '--tool-arg', toolArg, '--format', 'json', '--stored-auth-only'],
  { env, log: join(outDir, 'inspector-call.log'), onLine, timeoutMs: 120_000 });

const summary = {
  tool: '@modelcontextprotocol/inspector', version: versionOf('@modelcontextprotocol/inspector'),
  list: { exitCode: list.code, logins: loginsForList, result: parse(list.stdout) },
  call: { exitCode: call.code, logins: logins - loginsForList, result: parse(call.stdout) },
  loginError: loginError ? String(loginError) : null
};
writeFileSync(join(outDir, 'inspector-summary.json'), JSON.stringify(summary, null, 2));
const tools = summary.list.result?.tools?.map(t => t.name) ?? [];
const text = JSON.stringify(summary.call.result?.content ?? summary.call.result);
const checks = [
  ['tools/list after the interactive OAuth flow', list.code === 0 && loginsForList === 1 && tools.includes(toolName), `exit ${list.code}, ${loginsForList} logins, tools ${tools}`],
  [`tools/call ${toolName} with the stored token only`, call.code === 0 && summary.call.logins === 0 && text.includes(toolArg.split('=')[1]), `exit ${call.code}, ${text}`]
];
for (const [name, ok, detail] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name} (${detail})`);
const failed = checks.filter(c => !c[1]).length;
console.log(`${checks.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 && !loginError ? 0 : 1);
