import { describe, expect, it, vi } from 'vitest';

vi.stubGlobal('window', { addEventListener: () => {} });
const { match } = await import('./router');

describe('match', () => {
  it('extracts params', () => {
    expect(match('/exercises/:id', '/exercises/hello')).toEqual({ id: 'hello' });
    expect(match('/workshops/:id/live', '/workshops/3/live')).toEqual({ id: '3' });
  });
  it('rejects other paths', () => {
    expect(match('/exercises/:id', '/exercises')).toBeNull();
    expect(match('/progress', '/join')).toBeNull();
  });
});
