// Installs the npm packages when package-lock.json changed since the last install (idempotent:
// a second run with the same lock file does nothing). Uses the machine's npm; nothing else.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const lock = readFileSync('package-lock.json');
const hash = createHash('sha256').update(lock).digest('hex');
const stamp = 'node_modules/.hearth-lock-sha256';
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) {
  process.exit(0);
}
console.log('web: installing npm packages (package-lock.json changed)');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(stamp, hash);
