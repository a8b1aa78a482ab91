import { describe, expect, it } from 'vitest';
// The judge's one list of codes: the wordings of its English notes, one entry per code.
import judgeWordings from '../../../../judge/src/feedback_code.cc?raw';
import { en } from '../i18n/en';
import { fi } from '../i18n/fi';
import { codeText, feedbackText, type Translate } from './feedback';
import type { Lang } from './api';

function judgeCodes(): string[] {
  return [...judgeWordings.matchAll(/^\s*\{"(\w+)",\s*(?:$|\[)/gm)].map((m) => m[1]);
}

const catalogues = { en, fi };
function translator(lang: Lang): Translate {
  return (key, params) => catalogues[lang][key].replace(/\{(\w+)\}/g, (m, name) => (params && name in params ? String(params[name]) : m));
}
const has = (key: string) => key in en;
const word = (lang: Lang, test: Parameters<typeof feedbackText>[0]) => feedbackText(test, translator(lang), lang, has);

// Parameters of every kind a code can carry, so that every placeholder has a value.
const allParams = {
  n: 2, line: 3, expected: 'Hei,', got: 'Hei', difference: 0.25, header: 'Content-Type', where: 'items[1]',
  variable: 'id', field: 'id', seconds: 2, error: 'Connection', pattern: '(', port: 8080, exit_code: 1, mib: 256,
};

describe('feedback codes', () => {
  it('are read from the judge (the list was found)', () => {
    expect(judgeCodes()).toContain('token_differs');
    expect(judgeCodes()).toContain('status_differs');
    expect(judgeCodes().length).toBeGreaterThan(20);
  });
  for (const lang of ['fi', 'en'] as const) {
    it(`each have a ${lang} text with every placeholder filled`, () => {
      for (const code of judgeCodes()) {
        expect(catalogues[lang], code).toHaveProperty([`fb.${code}`]);
        const text = codeText({ code, params: allParams }, translator(lang), lang, has);
        expect(text, code).not.toBeNull();
        expect(text, code).not.toMatch(/\{\w+\}/);
      }
    });
  }
  it('are the only fb.* codes (no text for a code the judge no longer gives)', () => {
    const codes = new Set(judgeCodes());
    const helpers = new Set(['how.exit', 'how.signal', 'step', 'stepNamed', 'concurrent', 'sent', 'response', 'log']);
    for (const key of Object.keys(en).filter((k) => k.startsWith('fb.'))) {
      expect(codes.has(key.slice(3)) || helpers.has(key.slice(3)), key).toBe(true);
    }
  });
});

describe('feedbackText', () => {
  const wrong = {
    feedback: "token 1 (line 1): expected 'Hei,', got 'Hei'",
    feedback_code: { code: 'token_differs', params: { n: 1, line: 1, expected: 'Hei,', got: 'Hei' } },
  };
  it('words a checker code in Finnish and English', () => {
    expect(word('fi', wrong)).toBe('Rivin 1 sana 1: odotettiin “Hei,”, ohjelmasi tulosti “Hei”.');
    expect(word('en', wrong)).toBe('Word 1 on line 1: expected “Hei,”, your program printed “Hei”.');
  });
  it('writes numbers the language\'s way', () => {
    const test = { feedback_code: { code: 'number_differs', params: { n: 1, line: 2, expected: '1.5', got: '1.75', difference: 0.25 } } };
    expect(word('fi', test)).toContain('ero on 0,25');
    expect(word('en', test)).toContain('off by 0.25');
  });
  it('words a scenario step with what was sent, the response and the service\'s log', () => {
    const test = {
      feedback: "step 2 'create': expected status 201, got 200\nsent: POST /todos\ngot: 200 with an empty body",
      feedback_code: { code: 'status_differs', params: { expected: 201, got: 200, step: 2, step_name: 'create', request: 'POST /todos', response: '200 with an empty body', log: 'listening' } },
    };
    expect(word('fi', test)).toBe('Vaihe 2 ”create”: Palvelu vastasi tilakoodilla 200, odotettiin tilakoodia 201.\n'
      + 'Lähetettiin: POST /todos\nVastaus: 200 with an empty body\nPalvelusi kirjoitti: listening');
    expect(word('en', test).split('\n')[0]).toBe('Step 2 “create”: The service answered with status 200; status 201 was expected.');
  });
  it('says how many concurrent requests failed', () => {
    const test = { feedback_code: { code: 'step_timeout', params: { seconds: 1.5, failed: 3, concurrency: 10, step: 1 } } };
    expect(word('fi', test)).toBe('Vaihe 1: 3/10 samanaikaisesta pyynnöstä epäonnistui; ensimmäinen: Kokonaista vastausta ei tullut 1,5 sekunnissa.');
  });
  it('names how a stopped service ended', () => {
    expect(word('en', { feedback_code: { code: 'service_stopped', params: { signal: 'SIGSEGV' } } })).toContain('(signal SIGSEGV)');
    expect(word('fi', { feedback_code: { code: 'service_stopped', params: { exit_code: 3, step: 1 } } })).toMatch(/^Vaihe 1: Palvelusi pysähtyi \(paluuarvo 3\)/);
  });
  it('reads an older report\'s English note when there is no code', () => {
    expect(word('fi', { feedback: "output ended after 2 tokens; expected 'World!' next" }))
      .toBe('Ohjelmasi tuloste loppui liian aikaisin: 2 sanan jälkeen odotettiin vielä “World!”.');
  });
  it('shows other notes, and unknown codes\' notes, as they are', () => {
    expect(word('fi', { feedback: 'the validator says no' })).toBe('the validator says no');
    expect(word('fi', { feedback: 'a newer note', feedback_code: { code: 'from_the_future', params: {} } })).toBe('a newer note');
  });
});
