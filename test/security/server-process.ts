// A real `assa server` process for the attack suite: spawned through bin/assa.js exactly
// as an operator runs it, on free ports, with its stdout/stderr kept for assertions.
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import dgram from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { LISTENING, waitForOutput } from '../support/child-output';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  url: string;
  radiusPort: number;
  dir: string;
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  stop(): Promise<void>;
}

export async function freeTcpPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
export async function freeUdpPort(): Promise<number> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** Runs `assa server ARGS` until it exits; for start-up refusals. */
export function runToExit(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ASSA_')));
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/assa.js'), 'server', ...args], { cwd: ROOT, env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  // Generous: on a loaded 2-core machine tsx alone may take half a minute to load the CLI.
  const t = setTimeout(() => child.kill('SIGKILL'), 90_000);
  return new Promise((resolve) => child.once('exit', (code) => (clearTimeout(t), resolve({ code, stdout: out, stderr: err }))));
}

/** Starts `assa server` with ARGS (db, ports and a temp dir are added) and waits for "listening on". */
export async function startServerProcess(args: string[], env: Record<string, string> = {}): Promise<ServerProcess> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-sec-'));
  const port = await freeTcpPort();
  const radiusPort = await freeUdpPort();
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ASSA_')));
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin/assa.js'), 'server', '--db', path.join(dir, 'assa.db'), '--port', String(port), '--radius-port', String(radiusPort), ...args],
    { cwd: ROOT, env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const ready = await waitForOutput(child, LISTENING, { name: 'assa server', timeoutMs: 90_000 });
  const url = ready.match[1]!;
  return {
    url,
    radiusPort,
    dir,
    child,
    stdout: ready.stdout,
    stderr: ready.stderr,
    async stop() {
      if (child.exitCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await gone;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A self-signed certificate for 127.0.0.1/localhost, made by openssl in DIR. */
export function selfSignedCert(dir: string): { cert: string; key: string } {
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
  return { cert, key };
}
