// `npm run bench`: runs every test/bench/*.bench.ts (or those named on the command line),
// prints each figure for a person and writes bench-results.json (CONTRACTS.md).
// A bench module exports `run(): Promise<Figures>`; names are the contract's.
import { readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type Figures = Record<string, { value: number; unit: string }>;

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const figures: Figures = {};
let failures = 0;
for (const f of files) {
  const started = Date.now();
  console.log(`\n== ${f}`);
  try {
    const mod = (await import(pathToFileURL(path.join(here, f)).href)) as { run: () => Promise<Figures> };
    const out = await mod.run();
    for (const [name, fig] of Object.entries(out)) {
      figures[name] = fig;
      console.log(`  ${name.padEnd(34)} ${String(Number(fig.value.toFixed(3))).padStart(12)} ${fig.unit}`);
    }
  } catch (e) {
    failures++;
    console.error(`  FAILED: ${e instanceof Error ? e.stack : String(e)}`);
  }
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

const machine = `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, node ${process.version}`;
writeFileSync(path.join(here, '../../bench-results.json'), `${JSON.stringify({ machine, at: new Date().toISOString(), figures }, null, 2)}\n`);
console.log(`\nwrote bench-results.json (${Object.keys(figures).length} figures)`);
process.exitCode = failures ? 1 : 0;
