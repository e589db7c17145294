// electron/ is type-checked against Electron's own declarations, not a hand-written shim:
// the module name 'electron' must resolve to the package's electron.d.ts.
import { existsSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

describe("electron/ is checked against Electron's electron.d.ts", () => {
  it('resolves the electron module to node_modules/electron/electron.d.ts', () => {
    const config = ts.getParsedCommandLineOfConfigFile(path.resolve('tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    expect(config).toBeTruthy();
    const r = ts.resolveModuleName('electron', path.resolve('electron/main.ts'), config!.options, ts.sys);
    expect(r.resolvedModule?.resolvedFileName.replace(/\\/g, '/')).toMatch(/node_modules\/electron\/electron\.d\.ts$/);
    expect(existsSync(path.resolve('electron/types/electron-shim.d.ts'))).toBe(false);
  });
});
