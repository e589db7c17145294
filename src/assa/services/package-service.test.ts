import { describe, expect, it } from 'vitest';
import { packagesLeft } from './package-service';

const plan = { minutes_included: 300, sms_included: 50, megabytes_included: 3072 };
const none = { bytes: 0, extraMegabytes: 0, packageMinutes: 0 };

describe('A-DATA-1 what is left of the month’s package', () => {
  it('is the whole package when nothing was used', () => {
    expect(packagesLeft(plan, none)).toEqual({ minutesLeft: 300, smsLeft: 50, megabytesLeft: 3072 });
  });
  it('counts whole megabytes used (2^20 bytes): one byte short of a megabyte uses none, the megabyte itself uses one', () => {
    expect(packagesLeft(plan, { ...none, bytes: 2 ** 20 - 1 }).megabytesLeft).toBe(3072);
    expect(packagesLeft(plan, { ...none, bytes: 2 ** 20 }).megabytesLeft).toBe(3071);
  });
  it('adds what the month’s paid extras bring (extra traffic 5 GB: 5120 MB)', () => {
    expect(packagesLeft(plan, { ...none, extraMegabytes: 5120, bytes: 4000 * 2 ** 20 }).megabytesLeft).toBe(3072 + 5120 - 4000);
  });
  it('never goes below zero: the last minute and megabyte used leave 0, more still 0', () => {
    expect(packagesLeft(plan, { ...none, packageMinutes: 299 }).minutesLeft).toBe(1);
    expect(packagesLeft(plan, { ...none, packageMinutes: 300 }).minutesLeft).toBe(0);
    expect(packagesLeft(plan, { ...none, packageMinutes: 301 }).minutesLeft).toBe(0);
    expect(packagesLeft(plan, { ...none, bytes: 3073 * 2 ** 20 }).megabytesLeft).toBe(0);
  });
});
