// The SQLite node proof (pid + process start time): this process is alive, a pid that
// exists no more is dead, a live pid with another start time (the pid was reused) is dead,
// and what this node cannot judge (another host, another format) is never called dead.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { sqliteNodeLiveness } from './node-liveness';

describe('sqliteNodeLiveness', () => {
  const n = sqliteNodeLiveness();
  it('its own id, and another engine of this process, are alive', async () => {
    const id = await n.id();
    expect(id).toMatch(new RegExp(`^sqlite:${os.hostname()}:${process.pid}:`));
    expect(await n.isAlive(id)).toBe(true);
    expect(await n.isAlive(await sqliteNodeLiveness().id())).toBe(true);
  });
  it('a process that has exited is dead; a reused pid (another start time) is dead', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const start = (await n.id()).split(':')[3];
    expect(await n.isAlive(`sqlite:${os.hostname()}:${gone.stdout}:${start}:00000000`)).toBe(false);
    if (start !== '-') expect(await n.isAlive(`sqlite:${os.hostname()}:${process.pid}:${Number(start) + 1}:00000000`)).toBe(false);
  });
  it('another host, or an id it does not know, counts as alive (the stale period frees those)', async () => {
    expect(await n.isAlive(`sqlite:elsewhere.example:1:1:00000000`)).toBe(true);
    expect(await n.isAlive('pg:5f0e')).toBe(true);
    expect(await n.isAlive('')).toBe(true);
  });
});
