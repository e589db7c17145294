// D-TRAF-1: Huawei ^DSFLOWRPT (transcripts 08, 09): hexadecimal fields
// <curr_ds_time s>,<tx_rate B/s>,<rx_rate B/s>,<curr_tx_flow B>,<curr_rx_flow B>,<qos_tx>,<qos_rx>.
import type { DataFlow } from '../modem-types';

export function parseDsflowrpt(line: string): DataFlow | null {
  const m = /^\^DSFLOWRPT:\s*([0-9A-F]+),([0-9A-F]+),([0-9A-F]+),([0-9A-F]+),([0-9A-F]+)/i.exec(line.trim());
  if (!m) return null;
  const h = (i: number) => Number.parseInt(m[i]!, 16);
  return { durationS: h(1), txRateBps: h(2), rxRateBps: h(3), txBytes: h(4), rxBytes: h(5) };
}
