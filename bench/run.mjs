// `npm run bench [-- name]`: runs dist/bench/<name>.bench.js (all of them without a name).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', 'dist', 'bench');
const wanted = process.argv[2];
const benches = readdirSync(dir).filter(
  (file) => file.endsWith('.bench.js') && (!wanted || file.startsWith(wanted)),
);
let failed = false;
for (const file of benches) {
  console.log(`\n# ${file.replace('.bench.js', '')}`);
  failed ||= spawnSync(process.execPath, [join(dir, file)], { stdio: 'inherit' }).status !== 0;
}
process.exit(failed ? 1 : 0);
