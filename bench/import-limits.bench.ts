import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { once } from 'node:events';
import { benchDatabase } from './support';

/**
 * What one hostile or oversized upload costs the API: each file is sent to a freshly started
 * API process (`dist/apps/api/src/main.js`, default configuration) while /health/live is
 * asked every 10 ms; measured are the time to answer, the answer, the process's peak
 * resident memory during the request (VmHWM, reset before it) and after it, and the slowest
 * health answer (and, for comparison, the slowest in 3 idle seconds before it).
 * BENCH_API=<checkout> measures that checkout's built API instead (e.g. the code before the
 * import limits); BENCH_ONLY=<id>,… runs only those scenarios; BENCH_NODE_ARGS adds Node
 * options to the API (e.g. `--cpu-prof`).
 *
 * Run: `npm run bench -- import-limits`.
 */
const ROOT = join(__dirname, '..', '..');

interface Upload {
  /** For BENCH_ONLY. */
  id: string;
  name: string;
  kind: 'positions' | 'staff';
  file: Buffer;
  filename: string;
  query?: string;
}

async function main() {
  const only = process.env.BENCH_ONLY?.split(',');
  const checkout = process.env.BENCH_API ?? ROOT;
  const build = checkout === ROOT ? 'this checkout' : checkout;
  const { dataSource, close } = await benchDatabase(4);
  const databaseUrl = (dataSource.options as { url: string }).url;
  try {
    const uploads = await makeUploads(only);
    for (const upload of uploads) {
      console.log(`${upload.name}: a file of ${(upload.file.length / 1048576).toFixed(2)} MB`);
    }
    const results: Array<Record<string, unknown>> = [];
    for (const upload of uploads) {
      const result = await measure(checkout, databaseUrl, upload);
      results.push({ build, scenario: upload.name, ...result });
      console.log(JSON.stringify(results[results.length - 1]));
    }
    console.table(results);
  } finally {
    await close();
  }
}

/** The scenarios in `only` (all without it); files are generated only for those. */
async function makeUploads(only?: string[]): Promise<Upload[]> {
  // A bad code and no name: two errors a row, about 10.6 bytes a row once deflated.
  const badRow = (r: number) =>
    `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>bad code ${r} ${((r * 2654435761) >>> 0).toString(36).slice(0, 2)}</t></is></c></row>`;
  const goodRow = (r: number) =>
    `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>P-${r}</t></is></c>` +
    `<c r="B${r}" t="inlineStr"><is><t>Chuyên viên ${r}</t></is></c></row>`;
  const header = `<row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c></row>`;
  const rows = (count: number, row: (r: number) => string) =>
    function* () {
      yield SHEET_START + header;
      let chunk = '';
      for (let r = 2; r <= count + 1; r++) {
        chunk += row(r);
        if (chunk.length > 1 << 20) {
          yield chunk;
          chunk = '';
        }
      }
      yield chunk + SHEET_END;
    };
  const padding = (bytes: number) =>
    function* () {
      yield SHEET_START + header + '</sheetData>';
      const spaces = ' '.repeat(1 << 20);
      for (let n = 0; n < bytes >> 20; n++) yield spaces;
      yield '</worksheet>';
    };
  // Staff with a bad birth date and unknown unit, position and authority codes: four errors a
  // row, one found while parsing and three by the importer.
  const random = (r: number, salt: number) => {
    let x = (r * 2654435761 + salt * 40503) >>> 0;
    let text = '';
    for (let i = 0; i < 4; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      text += x.toString(36);
    }
    return text.toUpperCase();
  };
  const staffCell = (column: string, r: number, text: string) =>
    `<c r="${column}${r}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const staffHeader =
    '<row r="1">' +
    ['code', 'full_name', 'birth_date', 'gender', 'unit_code', 'position_code', 'authority_code']
      .map((key, i) => staffCell(String.fromCharCode(65 + i), 1, key))
      .join('') +
    '</row>';
  const badStaffRow = (r: number) =>
    `<row r="${r}">` +
    staffCell('A', r, `CB-${random(r, 0)}`) +
    staffCell('B', r, `Nguyễn Văn ${random(r, 1)}`) +
    staffCell('C', r, `ngày ${r}`) +
    staffCell('D', r, 'nam') +
    staffCell('E', r, `DV-${random(r, 2)}`) +
    staffCell('F', r, `CD-${random(r, 3)}`) +
    staffCell('G', r, `TQ-${random(r, 4)}`) +
    '</row>';
  const staffRows = (count: number) =>
    function* () {
      yield SHEET_START + staffHeader;
      let chunk = '';
      for (let r = 2; r <= count + 1; r++) {
        chunk += badStaffRow(r);
        if (chunk.length > 1 << 20) {
          yield chunk;
          chunk = '';
        }
      }
      yield chunk + SHEET_END;
    };
  let bomb: Awaited<ReturnType<typeof xlsx>> | undefined;
  const theBomb = async () => (bomb ??= await xlsx(padding(1 << 30)));
  const scenarios: Array<Omit<Upload, 'file'> & { file: () => Promise<Buffer> }> = [
    {
      id: 'big',
      name: '19 MB, 1.9 M bad rows',
      kind: 'positions',
      file: async () => (await xlsx(rows(1_900_000, badRow))).file,
      filename: 'big.xlsx',
    },
    {
      id: 'bomb',
      name: '1 MB → 1 GB zip bomb',
      kind: 'positions',
      file: async () => (await theBomb()).file,
      filename: 'bomb.xlsx',
    },
    {
      id: 'lying-bomb',
      name: 'the same bomb, declaring 1 KB',
      kind: 'positions',
      file: async () => (await theBomb()).withDeclaredSheetSize(1024),
      filename: 'bomb.xlsx',
    },
    {
      id: 'bad-rows',
      name: '50,000 bad rows (the row limit)',
      kind: 'positions',
      file: async () => (await xlsx(rows(50_000, badRow))).file,
      filename: 'bad.xlsx',
    },
    {
      id: 'good-rows',
      name: '50,000 good rows, dry run',
      kind: 'positions',
      file: async () => (await xlsx(rows(50_000, goodRow))).file,
      filename: 'good.xlsx',
      query: '?dryRun=true',
    },
    {
      id: 'bad-staff',
      name: '49,000 bad staff rows (196,000 errors)',
      kind: 'staff',
      file: async () => (await xlsx(staffRows(49_000))).file,
      filename: 'staff.xlsx',
    },
  ];
  const uploads: Upload[] = [];
  for (const scenario of scenarios) {
    if (only && !only.includes(scenario.id)) continue;
    uploads.push({ ...scenario, file: await scenario.file() });
  }
  return uploads;
}

async function measure(checkout: string, databaseUrl: string, upload: Upload) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}/api/v1`;
  const api = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_NODE_ARGS?.split(' ') ?? []),
      join(checkout, 'dist/apps/api/src/main.js'),
    ],
    {
      cwd: checkout,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'development',
        DATABASE_URL: databaseUrl,
        QUEUE_PREFIX: 'bench-imports',
        API_PORT: String(port),
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  try {
    await ready(`${base}/health/live`, api);
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.org', password: 'admin-password-dev' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    await sleep(1000);
    const memory = (field: string) =>
      Math.round(
        Number(
          new RegExp(`${field}:\\s+(\\d+)`).exec(
            readFileSync(`/proc/${api.pid}/status`, 'utf8'),
          )?.[1],
        ) / 1024,
      );
    const idle = memory('VmRSS');
    writeFileSync(`/proc/${api.pid}/clear_refs`, '5'); // resets VmHWM to the current RSS

    // Health is asked from a thread of its own, so that sending the upload cannot delay it.
    const idleHealth = await probeHealth(`${base}/health/live`, sleep(3000));
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(upload.file)]), upload.filename);
    let answered!: () => void;
    const health = probeHealth(
      `${base}/health/live`,
      new Promise<void>((resolve) => (answered = resolve)),
    );
    const started = performance.now();
    let status = 0;
    let text = '';
    try {
      const response = await fetch(`${base}/imports/${upload.kind}${upload.query ?? ''}`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${accessToken}` },
        signal: AbortSignal.timeout(Number(process.env.BENCH_TIMEOUT_MS ?? 300_000)),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      text = JSON.stringify({ code: `no answer (${(error as Error).name})` });
    }
    const seconds = (performance.now() - started) / 1000;
    answered();
    const { slowest, asked, p50, p99 } = await health;
    const peak = memory('VmHWM');
    await sleep(5000);
    let answer: { code?: string; errors?: unknown[]; errorCount?: number } = {};
    try {
      answer = JSON.parse(text);
    } catch {
      answer = { code: 'not JSON' };
    }
    return {
      status,
      code: answer.code ?? '',
      listed: answer.errors?.length ?? '',
      errorCount: answer.errorCount ?? '',
      answerMb: Number((text.length / 1048576).toFixed(2)),
      seconds: Number(seconds.toFixed(2)),
      idleMb: idle,
      peakMb: peak,
      after5sMb: memory('VmRSS'),
      healthMaxMs: Math.round(slowest),
      healthP50Ms: Math.round(p50),
      healthP99Ms: Math.round(p99),
      healthAnswers: asked,
      idleHealthMaxMs: Math.round(idleHealth.slowest),
    };
  } finally {
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
  }
}

/** Asks `url` every 10 ms from a worker thread until `until` settles; the slowest answer. */
async function probeHealth(url: string, until: Promise<unknown>) {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     let asking = true;
     const times = [];
     parentPort.once('message', () => (asking = false));
     (async () => {
       while (asking) {
         const started = performance.now();
         await fetch(workerData).then((r) => r.arrayBuffer(), () => undefined);
         times.push(performance.now() - started);
         await new Promise((resolve) => setTimeout(resolve, 10));
       }
       times.sort((a, b) => a - b);
       const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
       parentPort.postMessage({ asked: times.length, p50: at(0.5), p99: at(0.99), slowest: at(1) });
     })();`,
    { eval: true, workerData: url },
  );
  await until;
  worker.postMessage('stop');
  const [result] = (await once(worker, 'message')) as [
    { asked: number; p50: number; p99: number; slowest: number },
  ];
  await worker.terminate();
  return result;
}

async function ready(url: string, api: ChildProcess) {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (api.exitCode !== null) throw new Error(`The API exited with code ${api.exitCode}`);
    if (
      await fetch(url).then(
        (response) => response.ok,
        () => false,
      )
    )
      return;
    await sleep(100);
  }
  throw new Error('The API did not start within a minute');
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const SHEET_START = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`;
const SHEET_END = '</sheetData></worksheet>';

interface Part {
  name: string;
  compressed: Buffer;
  crc: number;
  size: number;
}

/** Deflates a sheet given in pieces without holding it whole (a bomb is 1 GB inflated). */
async function deflatePiecewise(pieces: () => Iterable<string>): Promise<Omit<Part, 'name'>> {
  const deflate = createDeflateRaw();
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = once(deflate, 'end');
  let crc = 0;
  let size = 0;
  for (const piece of pieces()) {
    const data = Buffer.from(piece);
    crc = crc32(data, crc);
    size += data.length;
    if (!deflate.write(data)) await once(deflate, 'drain');
  }
  deflate.end();
  await ended;
  return { compressed: Buffer.concat(out), crc, size };
}

async function xlsx(sheet: () => Iterable<string>) {
  const small = (name: string, text: string): Part => {
    const data = Buffer.from(text);
    return { name, compressed: deflateRawSync(data), crc: crc32(data), size: data.length };
  };
  const parts = [
    small(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    small(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    small(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    small(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    { name: 'xl/worksheets/sheet1.xml', ...(await deflatePiecewise(sheet)) },
  ];
  return {
    file: zip(parts),
    withDeclaredSheetSize: (size: number) =>
      zip(parts.map((part, i) => (i === parts.length - 1 ? { ...part, size } : part))),
  };
}

function zip(parts: Part[]): Buffer {
  const out: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.crc, 14);
    local.writeUInt32LE(part.compressed.length, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(part.crc, 16);
    entry.writeUInt32LE(part.compressed.length, 20);
    entry.writeUInt32LE(part.size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    out.push(local, name, part.compressed);
    directory.push(entry, name);
    offset += 30 + name.length + part.compressed.length;
  }
  const central = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, central, end]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
