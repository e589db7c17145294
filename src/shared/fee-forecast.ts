// A-DATA-2 forecast, shared by the ASSA server (GET /account) and the dashboard.
// U-DASH-1 / A-DATA-2: will the balance cover the monthly fee taken in full on the 1st?
// Days are counted to the next Kyiv midnight of the 1st.
import { kyivMonthOf } from './kyiv-time';

export interface FeeForecast {
  daysToFee: number;
  nextFeeDay: string; // YYYY-MM-DD (Kyiv)
  shortKopecks: number; // 0 when covered
}

export function feeForecast(balanceKopecks: number, monthlyFeeKopecks: number, now: number): FeeForecast {
  const next = kyivMonthOf(now);
  const daysToFee = Math.max(0, Math.ceil((next.nextMs - now) / 86_400_000));
  return { daysToFee, nextFeeDay: next.nextDay, shortKopecks: Math.max(0, monthlyFeeKopecks - balanceKopecks) };
}
