// The UI's Content-Security-Policy, shared by browser mode (HTTP header) and Electron
// (custom protocol response header): only our own bundle runs, nothing inline, nothing remote.
export function contentSecurityPolicy(opts: { connect?: string[] } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${opts.connect?.length ? ` ${opts.connect.join(' ')}` : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
