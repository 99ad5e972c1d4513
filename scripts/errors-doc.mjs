// Writes the tables of docs/errors.md from the error catalogue (libs/common/src/messages/errors).
// Run through `npm run docs:errors`, which builds dist/ first.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { withErrorTables } = require('../dist/libs/common/src/messages/errors/doc.js');
const path = new URL('../docs/errors.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = withErrorTables(before);
if (after !== before) writeFileSync(path, after);
console.log(after === before ? 'docs/errors.md is current.' : 'docs/errors.md updated.');
