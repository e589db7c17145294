// The AT channel above a misbehaving port (in-process virtual modem underneath).
import { afterEach, describe, expect, it } from 'vitest';
import { openAtChannel, type SerialAtChannel } from '../at/at-channel';
import { createInProcessModem, type InProcessModem } from '../virtual/in-process';
import { FaultInjectingLink } from './fault-injecting-link';

const open: Array<{ ch: SerialAtChannel; vm: InProcessModem }> = [];
afterEach(async () => {
  for (const { ch, vm } of open.splice(0)) {
    await ch.close();
    await vm.controller.close();
  }
});

async function setup() {
  const vm = await createInProcessModem({ radioStepMs: 0 });
  const link = new FaultInjectingLink(vm.link);
  const ch = await openAtChannel(link, { defaultTimeoutMs: 1000 });
  open.push({ ch, vm });
  return { link, ch };
}

describe('faults under the AT channel', () => {
  it('garbage between answers does not disturb the next command', async () => {
    const { link, ch } = await setup();
    link.injectGarbage('\x00\xff\x7e\x7d garbage\r\n');
    expect((await ch.send('AT+GMM')).lines).toEqual(['EC121']);
  });

  it('slow answers arrive within a longer budget', async () => {
    const { link, ch } = await setup();
    link.delay(300);
    expect((await ch.send('AT+GMM', { timeoutMs: 2000 })).final.kind).toBe('ok');
  });

  it('lost bytes make the command time out, and the channel gets back in step', async () => {
    const { link, ch } = await setup();
    link.dropBytes(10_000);
    await expect(ch.send('AT+GMM', { timeoutMs: 300 })).rejects.toMatchObject({ code: 'at_timeout' });
    link.stopDropping();
    expect((await ch.send('AT+GMI')).lines[0]).toMatch(/HUAWEI/);
  });

  it('an unplug fails the command in flight with at_unplugged', async () => {
    const { link, ch } = await setup();
    link.delay(500);
    const p = ch.send('AT+GMM');
    link.unplugNow();
    await expect(p).rejects.toMatchObject({ code: 'at_unplugged' });
    expect(ch.mode).toBe('closed');
  });
});
