import { describe, expect, it } from 'vitest';
import { TranscriptRing } from './transcript-ring';

describe('TranscriptRing', () => {
  it('keeps every line below the limit, in order', () => {
    const r = new TranscriptRing<number>(3);
    r.push(1);
    r.push(2);
    expect(r.toArray()).toEqual([1, 2]);
    r.push(3);
    expect(r.toArray()).toEqual([1, 2, 3]);
    expect(r.length).toBe(3);
  });

  it('drops the oldest once over the limit, oldest first, for many turns of the ring', () => {
    const r = new TranscriptRing<number>(3);
    for (let i = 1; i <= 4; i++) r.push(i);
    expect(r.toArray()).toEqual([2, 3, 4]);
    for (let i = 5; i <= 11; i++) r.push(i);
    expect(r.toArray()).toEqual([9, 10, 11]);
    expect(r.length).toBe(3);
  });

  it('a copy, not the ring itself', () => {
    const r = new TranscriptRing<number>(2);
    r.push(1);
    const a = r.toArray();
    a.push(99);
    expect(r.toArray()).toEqual([1]);
  });

  it('refuses a limit below one', () => {
    expect(() => new TranscriptRing(0)).toThrow(RangeError);
  });
});
