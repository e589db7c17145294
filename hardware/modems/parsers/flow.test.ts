import { describe, expect, it } from 'vitest';
import { parseDsflowrpt } from './flow';

describe('D-TRAF-1 ^DSFLOWRPT', () => {
  // The transcript's note says 716924 B received; 0xAEC7C is 715900 (its arithmetic is off by 1024).
  it('reads transcript 08: 1258 s online, 360167 B sent, 715900 B received', () => {
    expect(parseDsflowrpt('^DSFLOWRPT:000004EA,00000000,00000000,0000000000057EE7,00000000000AEC7C,0000BB80,00046500')).toEqual({
      durationS: 1258, txRateBps: 0, rxRateBps: 0, txBytes: 360167, rxBytes: 715900,
    });
  });
  it('reads transcript 09 (inside an answer)', () => {
    expect(parseDsflowrpt('^DSFLOWRPT:000014F4,00000000,00000000,000000000001949A,0000000000021E14,0003E800,000FA000')).toMatchObject({ durationS: 5364, txBytes: 103578, rxBytes: 138772 });
  });
  it('ignores other lines', () => expect(parseDsflowrpt('^RSSI:12')).toBeNull());
});

describe('D-TRAF-1 ^DSFLOWRPT from other sticks (transcript 10)', () => {
  it.each([
    ['^DSFLOWRPT:00000124,00000082,00000EA6,0000000000012325,000000000022771D,0000BB80,0001F400', { durationS: 292, txRateBps: 130, rxRateBps: 3750, txBytes: 74533, rxBytes: 2258717 }],
    ['^DSFLOWRPT:00000210,00000000,00000000,0000000000000C58,0000000000000C5E,0010E000,0010E000', { durationS: 528, txRateBps: 0, rxRateBps: 0, txBytes: 3160, rxBytes: 3166 }],
    ['^DSFLOWRPT:00000008,00000045,00000084,0000000000003839,000000000000475F,0003E800,102C0243', { durationS: 8, txRateBps: 69, rxRateBps: 132, txBytes: 14393, rxBytes: 18271 }],
  ])('%s', (line, want) => expect(parseDsflowrpt(line)).toEqual(want));
});
