// The table-driven replay test (issue 15): every device table in
// test/fixtures/device-tables/ (real devices' replies from ModemManager's tests and plugin
// comments and the reference transcripts) played on a pty, `assa diag --json` run against
// it as a process, and every contract field (CONTRACTS.md) compared with what that device
// really is. A table must state every contract field: unknown is null, never left out.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTable, playTable, runDiagProcess, STACK_FRAME, tableNames, type PlayedDevice } from '../../support/table-device';
import { inSlots } from '../../support/process-slots';

const dir = mkdtempSync(path.join(os.tmpdir(), 'assa-tables-'));
const devices: PlayedDevice[] = [];
const times: Record<string, number> = {};
/** Tables whose report the budget cut short (each field read was still checked); expected none. */
const partial: string[] = [];
afterAll(() => {
  for (const d of devices) d.stop();
  rmSync(dir, { recursive: true, force: true });
  console.log(`device table wall times (s): ${JSON.stringify(times)}; cut short by the budget: ${JSON.stringify(partial)}`);
});

const CONTRACT_FIELDS = ['manufacturer', 'model', 'revision', 'esn', 'meid', 'imei', 'imsi', 'mdn', 'network', 'signal'] as const;
const MODES = ['no-service', 'cdma1x', 'evdo-rel0', 'evdo-reva', 'evdo-revb', 'gsm', 'umts', 'hspa', 'lte', 'unknown'];

const inSlot = inSlots();

describe('the device tables are complete', () => {
  it('at least 15 devices, CDMA and 3GPP', () => {
    const names = tableNames();
    expect(names.length).toBeGreaterThanOrEqual(15);
    const profiles = names.map((n) => String(loadTable(n).expect.profile));
    expect(profiles.filter((p) => p.endsWith('cdma')).length).toBeGreaterThanOrEqual(5);
    expect(profiles.filter((p) => p.endsWith('3gpp')).length).toBeGreaterThanOrEqual(9);
  });

  it.each(tableNames())('%s states every contract field and its sources', (name) => {
    const t = loadTable(name);
    expect(t.sources.length).toBeGreaterThan(0);
    for (const f of CONTRACT_FIELDS) expect(t.expect, `${name}: ${f}`).toHaveProperty(f);
    expect(Object.keys(t.expect.network as object).sort()).toEqual(['mode', 'nid', 'roaming', 'sid']);
    expect(Object.keys(t.expect.signal as object).sort()).toEqual(['cdma1x', 'evdo', 'gsm']);
  });
});

describe.concurrent('assa diag --json replays each device table on a pty', () => {
  it.each(tableNames())('%s', { timeout: 300_000 }, (name) => inSlot(async () => {
    const t = loadTable(name);
    const dev = await playTable(name, path.join(dir, `tty-${name}`));
    devices.push(dev);
    const r = await runDiagProcess(['--port', dev.port, '--json']);
    dev.stop();
    times[name] = Number(r.seconds.toFixed(2));
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.code, r.stderr).toBe(0);
    expect(r.seconds).toBeLessThan(20);
    const out = r.stdout.trim().split('\n');
    expect(out).toHaveLength(1);
    const j = JSON.parse(out[0]!);
    // The contract's shape, whatever the device.
    expect(j.port).toBe(dev.port);
    expect(MODES).toContain(j.network.mode);
    expect(typeof j.network.roaming).toBe('boolean');
    for (const id of ['esn', 'meid']) if (j[id] !== null) expect(j[id]).toMatch(/^[0-9A-F]+$/);
    if (j.manufacturer !== null) expect(j.manufacturer).toMatch(/^[a-z0-9-]+$/);
    expect(j.transcript.length).toBeGreaterThan(0);
    for (const e of j.transcript) {
      expect(['tx', 'rx']).toContain(e.dir);
      expect(e.t).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    // What this device is, field by field. A machine too loaded for the budget may leave fields unread: they must then be null and the budget named.
    const budget = j.errors.some((e: { code: string }) => e.code === 'at_budget' || e.code === 'diag_time_budget');
    if (!budget) {
      expect(j.errors).toEqual([]);
      expect(j).toMatchObject(t.expect);
    } else {
      partial.push(name);
      for (const [k, v] of Object.entries(t.expect)) if (j[k] !== null && typeof v !== 'object') expect(j[k], k).toEqual(v);
    }
  }));
});
