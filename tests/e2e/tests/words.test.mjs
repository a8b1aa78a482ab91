// Issue 17: messages in the user's language. The server answers an error with a word and the
// values its message names; the UI words it in Finnish or English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, login, newPage, unique } from '../lib/app.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const joinError = {
  fi: 'Millään työpajalla ei ole tätä koodia. Tarkista koodi taululta.',
  en: 'No workshop has this code. Check the code on the board.',
};

for (const lang of ['fi', 'en']) {
  test(`words: a wrong join code is worded in ${lang}`, async () => {
    const page = await newPage(browser, { lang });
    await login(page, 'aino', 'aino-demo', lang);
    await page.goto(`${BASE}/join`);
    await page.fill('#join-code', `NO${unique()}`.toUpperCase());
    await page.fill('#join-nickname', 'Aino');
    await page.click('form button[type=submit]');
    const alert = page.locator('.form-error[role=alert]');
    await alert.waitFor();
    assert.equal((await alert.textContent()).trim(), joinError[lang]);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

const lockout = {
  fi: /^Liian monta yritystä, yritä uudelleen (\d+) sekunnin päästä\.$/,
  en: /^Too many attempts\. Try again in (\d+) seconds\.$/,
};

for (const lang of ['fi', 'en']) {
  test(`words: too many login attempts are worded in ${lang} with the wait`, async () => {
    const page = await newPage(browser, { lang });
    await page.goto(`${BASE}/login`);
    await page.waitForSelector('#login-username');
    await page.click(`.lang-switch button[lang=${lang}]`);
    // An account of its own: the wait after wrong passwords is counted per account.
    await page.fill('#login-username', `guesser-${lang}-${unique()}`);
    await page.fill('#login-password', 'not-the-password');
    let status = 0;
    for (let i = 0; i < 10 && status !== 429; i++) {
      await page.waitForSelector('form button[type=submit]:not([disabled])');
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/v1/session')),
        page.click('form button[type=submit]'),
      ]);
      status = answer.status();
    }
    assert.equal(status, 429, 'the server slows the guesses down');
    await page.waitForFunction((source) => new RegExp(source).test(document.querySelector('.form-error')?.textContent?.trim() ?? ''),
      lockout[lang].source);
    const text = (await page.textContent('.form-error[role=alert]')).trim();
    const match = lockout[lang].exec(text);
    assert.ok(match, `the lockout in ${lang}: ${text}`);
    assert.ok(Number(match[1]) >= 1 && Number(match[1]) <= 60, text);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}
