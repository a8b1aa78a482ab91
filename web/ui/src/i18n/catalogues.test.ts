import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fi } from './fi';

const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have the same keys', () => {
    expect(Object.keys(fi).sort()).toEqual(Object.keys(en).sort());
  });
  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(params(fi[key]), key).toEqual(params(en[key]));
    }
  });
  it('have no empty texts', () => {
    for (const [key, text] of [...Object.entries(en), ...Object.entries(fi)]) expect(text.trim(), key).not.toBe('');
  });
});
