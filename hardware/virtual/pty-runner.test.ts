import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPtyModem } from './pty-runner';

describe('V-6 pty runner setup errors', () => {
  it('says socat is missing, with a code, when it cannot be run', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'assa-pty-'));
    await expect(startPtyModem({ link: path.join(dir, 'tty'), socat: path.join(dir, 'no-such-socat'), radioStepMs: 0 })).rejects.toMatchObject({ code: 'socat_missing' });
    await fs.rm(dir, { recursive: true, force: true });
  });
  it('refuses to replace a real file at the link path', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'assa-pty-'));
    const file = path.join(dir, 'tty');
    await fs.writeFile(file, 'keep me');
    await expect(startPtyModem({ link: file, radioStepMs: 0 })).rejects.toMatchObject({ code: 'link_path_taken' });
    expect(await fs.readFile(file, 'utf8')).toBe('keep me');
    await fs.rm(dir, { recursive: true, force: true });
  });
});
