// A real UDP RADIUS accounting listener for the virtual modem's tests: decodes each
// Accounting-Request with the `radius` package and answers Accounting-Response.
import dgram from 'node:dgram';
import { radius, type DecodedRadiusPacket } from '../../../hardware/virtual/network/radius-lib';

export interface RadiusListener {
  port: number;
  packets: DecodedRadiusPacket[];
  /** Resolves with the first packet (seen or future) with this Acct-Status-Type. */
  next(status: string, timeoutMs?: number): Promise<DecodedRadiusPacket>;
  close(): Promise<void>;
}

export async function startRadiusListener(secret: string, opts: { answer?: boolean } = {}): Promise<RadiusListener> {
  const socket = dgram.createSocket('udp4');
  const packets: DecodedRadiusPacket[] = [];
  const waiters: { status: string; resolve: (p: DecodedRadiusPacket) => void }[] = [];
  socket.on('message', (msg, rinfo) => {
    let p: DecodedRadiusPacket;
    try {
      p = radius.decode({ packet: msg, secret });
    } catch {
      return; // wrong secret: ignored, as RFC 2866 says
    }
    packets.push(p);
    for (const w of [...waiters]) {
      if (p.attributes['Acct-Status-Type'] === w.status) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
    if (opts.answer !== false) socket.send(radius.encode_response({ packet: p, code: 'Accounting-Response', secret }), rinfo.port, rinfo.address);
  });
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
  return {
    port: socket.address().port,
    packets,
    next(status, timeoutMs = 15_000) {
      const seen = packets.find((p) => p.attributes['Acct-Status-Type'] === status);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no RADIUS ${status} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ status, resolve: (p) => (clearTimeout(t), resolve(p)) });
      });
    },
    close: () => new Promise((r) => socket.close(() => r())),
  };
}
