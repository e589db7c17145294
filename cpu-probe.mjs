import { spawn } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
const d = mkdtempSync('/tmp/assa-cpu-');
const t0 = Date.now();
const c = spawn(process.execPath, ['bin/assa.js', 'start', '--browser', '--data-dir', d, '--virtual-transport', 'in-process'], { stdio: ['ignore', 'pipe', 'pipe'] });
let out = '';
c.stdout.on('data', (b) => { out += b; if (/^http:\/\/127/m.test(out)) { const st = readFileSync(`/proc/${c.pid}/stat`, 'utf8').split(') ')[1].split(' '); console.log('wall ms', Date.now() - t0, 'cpu ms', (Number(st[11]) + Number(st[12])) * 10); c.kill(); } });
