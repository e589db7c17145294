// A real HTTP endpoint standing in for ASSA's network endpoint (A-NET-2), so the modem's
// side of the contract is tested on its own (wrong secret, exact request bodies); the
// real server is exercised in real-assa.test.ts.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NETWORK_EVENTS_PATH, NETWORK_SECRET_HEADER, type NetworkEvent, type NetworkEventResponse } from '../../../src/shared/network-contract';

/** Stands in for ASSA's network endpoint with the A-RUNA-2 reply texts. */
export async function startFakeAssa(secret: string): Promise<{ url: string; events: NetworkEvent[]; close(): Promise<void> }> {
  const events: NetworkEvent[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== NETWORK_EVENTS_PATH) return void res.writeHead(404).end();
      if (req.headers[NETWORK_SECRET_HEADER] !== secret) return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"code":"bad_secret","message":"no"}}');
      const e = JSON.parse(body) as NetworkEvent;
      events.push(e);
      const digits = e.type === 'sms' ? e.text.trim() : e.digits.replace(/^\*2772\*|^2772/, '').replace(/#$/, '');
      const good = /^\d{6}$/.test(digits);
      const reply: NetworkEventResponse['reply'] =
        e.type === 'sms'
          ? { kind: 'sms', from: '2772', text: good ? `kod RUNA ${digits} vdalo aktyvovan` : 'kod RUNA ne aktyvovan. Pravylnyi format sms: AAAAAA, de A-tsyfra vid 0 do 9' }
          : { kind: 'announcement', outcome: good ? 'activated' : 'invalid_number', text: good ? 'activation successful' : 'invalid number dialled' };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ reply }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, events, close: () => new Promise((r) => server.close(() => r())) };
}

