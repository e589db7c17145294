// `assa` — the command line (CONTRACTS.md). Composition only: each command's options are
// declared here, exactly as the contract names them, and its body is loaded on demand
// from commands/<name>.ts so that `assa diag` never pays for the server's start-up.
import { Command, Option } from 'commander';
import { readVersion } from './paths';

const pkg = { version: readVersion() };

const program = new Command()
  .name('assa')
  .description('ASSA: CDMA/3G USB modem companion and subscriber self-service server')
  .version(pkg.version);

program
  .command('start')
  .description('open the desktop app (Electron), or serve it in browser mode and print its URL')
  .option('--port <n>', 'browser-mode port (default: a free one)', (v) => Number.parseInt(v, 10))
  .option('--data-dir <path>', 'where the app keeps its settings and databases')
  .option('--browser', 'browser mode even when Electron is installed')
  .option('--no-build', 'do not rebuild the renderer')
  .option('--no-virtual', 'never use the built-in virtual modem')
  .option('--assa <url>', 'use this ASSA server instead of the embedded one')
  .addOption(new Option('--virtual-transport <t>', 'how the virtual modem is attached').choices(['auto', 'pty', 'in-process']).default('auto'))
  .addOption(new Option('--virtual-profile <name>', 'which stick the virtual modem is (as assa sim --profile)').choices(['huawei-ec', 'zte-ac', 'generic-3gpp']).default('huawei-ec'))
  .option('--modemmanager-bus <address>', 'the D-Bus address where ModemManager runs (default: the system bus)')
  .action(async (opts) => {
    const { runStart } = await import('./commands/start');
    await runStart(opts);
  });

program
  .command('diag')
  .description('find the modem (or use --port) and print the diagnostic report')
  .option('--port <path>', 'the AT port to use instead of searching')
  .option('--json', 'print exactly one JSON object')
  .action(async (opts) => {
    const { runDiag } = await import('./commands/diag');
    process.exitCode = await runDiag(opts);
  });

program
  .command('sim')
  .description('run the virtual modem on a pseudo-terminal until SIGINT/SIGTERM')
  .addOption(new Option('--profile <name>', 'modem profile').choices(['huawei-ec', 'zte-ac', 'generic-3gpp']).default('huawei-ec'))
  .option('--link <path>', 'make PATH a symlink to the pseudo-terminal')
  .option('--number <n>', 'subscriber number', '441234567')
  .option('--assa <url>', 'ASSA server base URL for 2772 events')
  .option('--radius <host:port>', 'RADIUS accounting server')
  .option('--radius-secret <s>', 'RADIUS shared secret')
  .option('--scenario <file>', 'faults and events to play (JSON)')
  .option('--network-secret <s>', 'shared secret for ASSA 2772 events (or ASSA_NETWORK_SECRET)')
  .option('--seed <n>', 'seed of the simulated radio')
  .option('--radio-step <ms>', 'period of the signal random walk (0 = still signal)')
  .option('--mode-changes <p>', 'chance per radio step that the service mode changes by itself (0..1)')
  .option('--heartbeat <ms>', 'period of the ^BOOT report on Huawei profiles (0 = none; real sticks: about 3000)')
  .option('--multi-port', 'also PATH-pcui (URCs), PATH-diag (QCDM-like) and PATH-silent ports')
  .option('--data-rate <up:down>', 'simulated flow of a data session in bytes per second (default 1500:12000)')
  .option('--interim <seconds>', 'RADIUS Interim-Update period (0 = none)')
  .option('--slow <ms>', 'fault: hold every answer back this long')
  .option('--silent', 'fault: never answer')
  .option('--error-replies', 'fault: answer ERROR to everything')
  .option('--noisy <bytes>', 'fault: random bytes before every answer')
  .option('--signal-loss', 'fault: start with no service')
  .option('--roaming', 'start roaming')
  .action(async (opts) => {
    const { runSim } = await import('./commands/sim');
    await runSim(opts);
  });

program
  .command('server')
  .description('run the ASSA self-service server (every option also from ASSA_* env or --config FILE)')
  .option('--config <file>', 'JSON file with any of the options below (camelCase keys; or ASSA_CONFIG)')
  .option('--db <path>', 'SQLite database file or postgres:// URL (default assa.db)')
  .option('--db-pool <n>', 'PostgreSQL: connections in this process\'s pool (or ASSA_DB_POOL; default 10)')
  .option('--host <h>', 'listen address (default 127.0.0.1)')
  .option('--port <n>', 'HTTP port (default 8750)')
  .option('--radius-port <n>', 'RADIUS accounting UDP port (default 1813)')
  .option('--radius-secret <s>', 'RADIUS shared secret (or ASSA_RADIUS_SECRET); required without --demo')
  .option('--network-secret <s>', 'shared secret of the 2772 network endpoint (or ASSA_NETWORK_SECRET); required without --demo')
  .option('--radius-clients <list>', 'NAS addresses/CIDR blocks RADIUS accounting is taken from (default 127.0.0.0/8,::1)')
  .option('--tls-cert <file>', 'serve HTTPS with this PEM certificate chain (with --tls-key)')
  .option('--tls-key <file>', 'the PEM private key for --tls-cert')
  .option('--trust-proxy [list]', 'behind a TLS reverse proxy: trust X-Forwarded-* (from these addresses, or all)')
  .option('--allowed-hosts <list>', 'Host header values answered, e.g. assa.example.net,assa.example.net:443')
  .option('--metrics-clients <list>', 'addresses/CIDR blocks allowed to read GET /metrics (default loopback)')
  .option('--kdf-queue <n>', 'password hashes allowed to wait; more get 503 + Retry-After (default 32)')
  .option('--log-level <level>', 'fatal, error, warn, info (default), debug, trace or silent')
  .option('--demo', 'load the demo data into an empty database; random secrets when none given')
  .option('--rate-limit <n>', 'requests per minute per client address (default 600)')
  .option('--subscribers <n>', 'with --demo: generate N extra subscribers')
  .option('--months <m>', 'with --demo: months of generated history')
  .option('--gateway <name>', "card and e-wallet payments: 'test' (only with --demo; its default) or 'liqpay'")
  .option('--gateway-record <file>', "the test gateway's own record of charges (default test-gateway.db beside the database)")
  .option('--liqpay-url <url>', 'LiqPay API endpoint (or ASSA_LIQPAY_URL)')
  .option('--liqpay-public-key <k>', 'LiqPay public key (or ASSA_LIQPAY_PUBLIC_KEY)')
  .option('--liqpay-private-key <k>', 'LiqPay private key (or ASSA_LIQPAY_PRIVATE_KEY)')
  .option('--liqpay-callback-url <url>', 'where LiqPay posts outcomes: https://HOST/api/v1/payments/liqpay/callback (or ASSA_LIQPAY_CALLBACK_URL)')
  .option('--crash-at <point>', 'the crash test only (with --demo): SIGKILL at payment:before-gateway, payment:after-gateway, payment:after-ledger or month-start:after-chunk')
  .action(async (opts) => {
    const { runServer } = await import('./commands/server');
    await runServer(opts);
  });

const operator = program.command('operator').description('operator accounts of the ASSA server');
for (const [action, what] of [['add', 'create an operator account; prints its one-time password on a line of its own'], ['reset', 'a new one-time password for an operator (also unlocks)']] as const) {
  operator
    .command(`${action} <login>`)
    .description(what)
    .option('--db <path>', 'SQLite database file or postgres:// URL', 'assa.db')
    .option('--role <role>', 'admin, support or billing (add only)', 'admin')
    .action(async (login: string, opts) => {
      const { runOperator } = await import('./commands/operator');
      process.exitCode = await runOperator(action, login, opts);
    });
}

await program.parseAsync(process.argv);
