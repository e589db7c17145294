// D-TRAF-2: totals per day or month as bars (uPlot's bars path builder), with the same
// figures in a table beside it so screen readers and keyboard users get them too.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { PeriodTotalDto } from '../../../../src/shared/app-methods-traffic';

const bars = uPlot.paths.bars?.({ size: [0.6, 40] });

export function PeriodChart({ rows, label, format }: { rows: PeriodTotalDto[]; label: string; format: (bytes: number) => string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const xs = rows.map((_, i) => i + 1);
    const plot = new uPlot(
      {
        width: Math.min(720, box.current.clientWidth || 640),
        height: 200,
        scales: { x: { time: false } },
        series: [
          {},
          { label: '↓', fill: 'rgba(11,92,173,0.6)', stroke: '#0b5cad', ...(bars ? { paths: bars } : {}) },
          { label: '↑', fill: 'rgba(29,122,53,0.6)', stroke: '#1d7a35', ...(bars ? { paths: bars } : {}) },
        ],
        axes: [{ values: (_u, v) => v.map((i) => rows[i - 1]?.period.slice(-2) ?? '') }, { values: (_u, v) => v.map((b) => format(b)), size: 80 }],
      },
      [xs, rows.map((r) => r.rxBytes), rows.map((r) => r.txBytes)],
      box.current,
    );
    return () => plot.destroy();
  }, [rows, format]);
  return <div ref={box} className="graph" role="img" aria-label={label} />;
}
