import { describe, expect, it } from 'vitest';
import { checkAppCall } from '../../../src/shared/app-request-validation';

describe('AppApi request validation', () => {
  it('accepts ISO date-times where the contract says date-time (traffic.sessions)', () => {
    expect(() => checkAppCall('traffic.sessions', { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00+02:00' })).not.toThrow();
  });
  it('refuses what is not a date-time, with the field named', () => {
    expect(() => checkAppCall('traffic.sessions', { from: 'yesterday', to: '2026-12-01T00:00:00Z' })).toThrow(expect.objectContaining({ code: 'invalid_request', field: 'from' }));
  });
  it('refuses unknown methods and extra properties', () => {
    expect(() => checkAppCall('fs.readFile', {})).toThrow(expect.objectContaining({ code: 'unknown_method' }));
    expect(() => checkAppCall('settings.update', { evil: 1 })).toThrow(expect.objectContaining({ code: 'invalid_request' }));
  });
  it('refuses an ASSA path that climbs out of the API', () => {
    expect(() => checkAppCall('assa.request', { method: 'GET', path: '/api/v1/../admin' })).toThrow(expect.objectContaining({ code: 'invalid_request' }));
    expect(() => checkAppCall('assa.request', { method: 'GET', path: '/api/v1/account' })).not.toThrow();
  });
});
