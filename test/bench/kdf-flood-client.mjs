// The flood of assa-security.bench.ts, in a process of its own so that the attacker's
// requests do not share the server's event loop (a real attacker is another machine).
// argv: base URL, addresses, requests in flight per address. Runs until SIGTERM, then
// prints {"sent":n,"answers":{status:count}} on stdout.
import http from 'node:http';

const [base, addresses = '10', perAddress = '8'] = process.argv.slice(2);
let stop = false;
let sent = 0;
const answers = {};
function post(p, body, from) {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve) => {
    const r = http.request(new URL(p, base), { method: 'POST', headers: { 'content-type': 'application/json' }, localAddress: from }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    r.on('error', () => resolve(0));
    r.end(payload);
  });
}
async function flooder(a, k) {
  let i = k;
  const from = `127.0.5.${a + 1}`;
  while (!stop) {
    const kinds = [
      () => post('/api/v1/password-recovery', { number: '441234568', email: `x${i}@example.com` }, from),
      () => post('/api/v1/sessions/unlock', { number: '441234568', runa: '000000', newPassword: 'Nova20266' }, from),
      () => post('/api/v1/registrations', { number: '441234568', password: 'Kvitka2026', runa: '000000' }, from),
      () => post('/api/v1/sessions', { number: '441234568', password: `Guess${i}x` }, from),
    ];
    const s = await kinds[i++ % kinds.length]();
    sent++;
    answers[s] = (answers[s] ?? 0) + 1;
    // A refused request is sent again after a second, whatever Retry-After says.
    if (s === 503 || s === 429 || s === 0) await new Promise((r) => setTimeout(r, 1000));
  }
}
const loops = Array.from({ length: Number(addresses) * Number(perAddress) }, (_, n) => flooder(n % Number(addresses), Math.floor(n / Number(addresses))));
process.on('SIGTERM', () => {
  stop = true;
  void Promise.all(loops).then(() => {
    process.stdout.write(`${JSON.stringify({ sent, answers })}\n`);
    process.exit(0);
  });
});
process.stdout.write('ready\n');
