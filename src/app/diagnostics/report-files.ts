// M-DIAG-1 "saved to a file to send to support": the report as text a person reads, with
// the JSON below it, in the app's reports folder under a name that sorts by time.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../clock';

export interface ReportFiles {
  /** Writes one report; returns the file's path. */
  save(text: string, report: Record<string, unknown>): string;
}

export function reportFiles(dir: string, clock: Pick<Clock, 'now'>): ReportFiles {
  return {
    save(text, report) {
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `diag-${new Date(clock.now()).toISOString().replace(/[:.]/g, '-')}.txt`);
      writeFileSync(file, `${text}\n\n${JSON.stringify(report, null, 2)}\n`);
      return file;
    },
  };
}
