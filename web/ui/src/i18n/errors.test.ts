import { describe, expect, it } from 'vitest';
// The server's one list of error words (checked against its sources by tests/web/error_words_test.cc).
import serverErrors from '../../../src/http/api_errors.cc?raw';
import { en } from './en';
import { fi } from './fi';

function serverErrorWords(): string[] {
  const table = /kErrorWords\[\] = \{([^}]*)\}/.exec(serverErrors);
  if (!table) throw new Error('kErrorWords not found in web/src/http/api_errors.cc');
  return [...table[1].matchAll(/"(\w+)"/g)].map((m) => m[1]);
}

describe('server error words', () => {
  it('are many (the table was read)', () => {
    expect(serverErrorWords().length).toBeGreaterThan(50);
  });
  it('each have a Finnish and an English text', () => {
    for (const word of serverErrorWords()) {
      expect(fi, word).toHaveProperty([`err.${word}`]);
      expect(en, word).toHaveProperty([`err.${word}`]);
    }
  });
  it('are the only err.* keys (no text for a word the server no longer gives)', () => {
    const words = new Set(serverErrorWords());
    for (const key of Object.keys(en).filter((k) => k.startsWith('err.'))) {
      expect(words.has(key.slice(4).replace(/\.plain$/, '')), key).toBe(true);
    }
  });
});
