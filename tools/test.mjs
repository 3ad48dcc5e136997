#!/usr/bin/env node
// `npm test`: lint (module boundaries), type checks and builds through Nx (cached),
// then every kind of test from that one build, each with a JSON report, and one
// closing summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' };
const results = 'tmp/test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

function run(title, command, args) {
  process.stdout.write(`\n=== ${title} ===\n`);
  const started = Date.now();
  const r = spawnSync(command, args, { stdio: 'inherit', env });
  process.stdout.write(`=== ${title}: ${r.status === 0 ? 'ok' : 'FAILED'} (${Math.round((Date.now() - started) / 1000)} s)\n`);
  return r.status === 0;
}

const only = process.argv.slice(2); // e.g. `npm test -- unit int`
const wanted = (name) => only.length === 0 || only.includes(name);
const stages = [];

if (wanted('checks')) {
  const ok = run('lint, type checks, builds', 'npx', [
    'nx', 'run-many', '-t', 'lint', 'typecheck', 'build', '--parallel=2', '--outputStyle=static',
  ]);
  stages.push(['checks', ok]);
  if (!ok) finish();
}

const suites = [
  ['unit', 'jest.config.ts'],
  ['int', 'apps/api/jest.int.config.cts'],
  ['api-e2e', 'apps/api-e2e/jest.e2e.config.cts'],
  ['web-e2e', 'apps/web-e2e/jest.e2e.config.cts'],
];
for (const [name, config] of suites) {
  if (!wanted(name)) continue;
  const ok = run(`tests: ${name}`, 'npx', ['jest', '-c', config, '--ci', '--json', `--outputFile=${results}/${name}.json`]);
  stages.push([name, ok]);
}
finish();

function finish() {
  let passed = 0, failed = 0, skipped = 0;
  process.stdout.write('\n=== summary ===\n');
  for (const [name, ok] of stages) {
    const file = `${results}/${name}.json`;
    if (existsSync(file)) {
      const r = JSON.parse(readFileSync(file, 'utf8'));
      passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + r.numTodoTests;
      // a suite that could not even run (syntax error, setup failure) counts as a failure
      failed += r.numRuntimeErrorTestSuites;
      process.stdout.write(`${name.padEnd(8)} ${r.numPassedTests} passed, ${r.numFailedTests} failed${ok ? '' : ' (FAILED)'}\n`);
    } else {
      if (!ok && name !== 'checks') failed += 1;
      process.stdout.write(`${name.padEnd(8)} ${ok ? 'ok' : 'FAILED'}\n`);
    }
  }
  const allOk = stages.every(([, ok]) => ok);
  if (!allOk && failed === 0) failed = 1;
  process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  process.exit(allOk ? 0 : 1);
}
