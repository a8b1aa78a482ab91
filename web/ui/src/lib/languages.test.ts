import { describe, expect, it } from 'vitest';
import { languageInfo, starterCode, startingText } from './languages';

// A grader exercise's starter has no main: its harness has one (issue 17).
const STARTERS = { c: '#include "ht21.h"\nint ht_init(uint8_t addr) { return -1; }\n' };

describe('starterCode', () => {
  it("uses the exercise's starter for its language, else the language's template", () => {
    expect(starterCode('c', STARTERS)).toBe(STARTERS.c);
    expect(starterCode('cpp', STARTERS)).toBe(languageInfo('cpp').template);
    expect(starterCode('c', undefined)).toBe(languageInfo('c').template);
    expect(starterCode('c', {})).toBe(languageInfo('c').template);
  });
});

describe('startingText', () => {
  it("keeps the candidate's own draft", () => {
    expect(startingText('c', 'int ht_init(uint8_t a) { return 0; }', STARTERS)).toBe('int ht_init(uint8_t a) { return 0; }');
    expect(startingText('c', '', STARTERS)).toBe('');
  });
  it('starts from the starter without a draft', () => {
    expect(startingText('c', null, STARTERS)).toBe(STARTERS.c);
    expect(startingText('python', null, STARTERS)).toBe(languageInfo('python').template);
  });
  it("replaces a draft that is only the old template (with main) by the exercise's starter", () => {
    expect(startingText('c', languageInfo('c').template, STARTERS)).toBe(STARTERS.c);
    // Without a starter the template is the candidate's draft as before.
    expect(startingText('cpp', languageInfo('cpp').template, STARTERS)).toBe(languageInfo('cpp').template);
  });
});
