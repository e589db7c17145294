import { describe, expect, it } from 'vitest';
import { clientKey, currentKdfClient, FairKdfQueue, KdfBusyError, runAsKdfClient } from './fair-kdf-queue';

/** A queue whose "hashes" finish only when the test says so, recording the order they start in. */
function harness(concurrency: number, maxQueued: number, perClient: number) {
  const q = new FairKdfQueue(concurrency, maxQueued, perClient);
  const started: string[] = [];
  const finish: Array<() => void> = [];
  const submit = (client: string, tag = client) =>
    q.run(client, () => {
      started.push(tag);
      return new Promise<string>((r) => finish.push(() => r(tag)));
    });
  /** Lets the first running hash finish and the next one start. */
  const step = async () => {
    finish.shift()!();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { q, started, submit, step };
}
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('FairKdfQueue', () => {
  it('a login from a fresh address starts before the later entries of a flood from several addresses: after at most one hash per flooding address', async () => {
    const { started, submit, step } = harness(2, 100, 3);
    const pending: Array<Promise<string>> = [];
    // Four flooding addresses, three hashes each (two run at once, the rest wait).
    for (const a of ['f1', 'f2', 'f3', 'f4']) for (let i = 1; i <= 3; i++) pending.push(submit(a, `${a}#${i}`));
    await settle();
    pending.push(submit('fresh'));
    for (let i = 0; i < 13; i++) await step();
    expect(await Promise.all(pending)).toHaveLength(13);
    const pos = started.indexOf('fresh');
    // Running at once: f1#1, f1#2. Then one hash of each waiting address in turn (f1 came
    // first), then the fresh address, which joined the round last.
    expect(started.slice(0, 2)).toEqual(['f1#1', 'f1#2']);
    expect(started.slice(2, 6)).toEqual(['f1#3', 'f2#1', 'f3#1', 'f4#1']);
    expect(pos).toBe(6);
    // …before the flood's later entries (a FIFO queue would have put it last, at 12).
    expect(started.slice(7)).toEqual(['f2#2', 'f3#2', 'f4#2', 'f2#3', 'f3#3', 'f4#3']);
  });

  it('an address that already waits keeps its place; a new one joins the end of the round', async () => {
    const { started, submit, step } = harness(1, 100, 5);
    void submit('a', 'a1'); // runs
    void submit('a', 'a2');
    void submit('b', 'b1');
    void submit('a', 'a3');
    await settle();
    void submit('c', 'c1');
    for (let i = 0; i < 5; i++) await step();
    expect(started).toEqual(['a1', 'a2', 'b1', 'c1', 'a3']);
  });

  it(`an address over its cap of waiting hashes is refused at once (503, with a Retry-After); other addresses are not`, async () => {
    const { q, submit } = harness(2, 100, 2);
    for (let i = 0; i < 4; i++) void submit('flood');
    await settle();
    expect(q.running).toBe(2);
    expect(q.queued).toBe(2);
    const refused = submit('flood');
    await expect(refused).rejects.toBeInstanceOf(KdfBusyError);
    await expect(refused).rejects.toMatchObject({ code: 'kdf_busy' });
    expect(((await refused.catch((e: unknown) => e)) as KdfBusyError).retryAfterS).toBeGreaterThanOrEqual(1);
    void submit('other');
    await settle();
    expect(q.queued).toBe(3);
    expect(q.rejected).toBe(1);
  });

  it('the whole queue is bounded too: past maxQueued every address is refused', async () => {
    const { q, submit } = harness(1, 3, 2);
    void submit('a');
    for (const c of ['b', 'c', 'd']) void submit(c);
    await settle();
    expect(q.queued).toBe(3);
    await expect(submit('e')).rejects.toBeInstanceOf(KdfBusyError);
  });

  it('a slot is handed on when a hash fails, and freed when nobody waits', async () => {
    const q = new FairKdfQueue(1, 10, 2);
    const bad = q.run('a', () => Promise.reject(new Error('boom')));
    const good = q.run('b', () => Promise.resolve('ok'));
    await expect(bad).rejects.toThrow('boom');
    expect(await good).toBe('ok');
    expect(q.running).toBe(0);
    expect(q.queued).toBe(0);
  });
});

describe('the client of a hash', () => {
  it('is the address the request set, across awaits; outside a request it is "internal"', async () => {
    expect(currentKdfClient()).toBe('internal');
    const got = await runAsKdfClient('192.0.2.7', async () => {
      await new Promise((r) => setTimeout(r, 1));
      return currentKdfClient();
    });
    expect(got).toBe('192.0.2.7');
  });

  it('is an IPv4 address itself (also IPv4-mapped) and an IPv6 address by its /64', () => {
    expect(clientKey('192.0.2.7')).toBe('192.0.2.7');
    expect(clientKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
  });
});
