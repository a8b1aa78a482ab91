// Issue 17: messages in the user's language. The server answers an error with a word and the
// values its message names; the UI words it in Finnish or English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
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

/** An API call from the page, as the UI makes it (the session cookie and the CSRF header). */
async function callApi(page, method, path, body) {
  return page.evaluate(async ({ method, path, body }) => {
    const csrf = decodeURIComponent(document.cookie.match(/(?:^|; )kk_csrf=([^;]*)/)?.[1] ?? '');
    const res = await fetch(path, {
      method, body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  }, { method, path, body });
}

const loopsSkill = { fi: 'Silmukat', en: 'Loops' };
const skillsYaml = new URL('../../../exercises/skills.yaml', import.meta.url);
const listedSkills = [...fs.readFileSync(skillsYaml, 'utf8').matchAll(/^([a-z0-9][\w-]*):\s*$/gm)].map((m) => m[1]);

for (const lang of ['fi', 'en']) {
  test(`words: skill names in ${lang} on the exercise cards`, async () => {
    const page = await newPage(browser, { lang });
    await login(page, 'aino', 'aino-demo', lang);
    const skills = page.locator('a.exercise-card[href="/exercises/countdown"] .skills');
    await skills.waitFor();
    assert.equal((await skills.textContent()).trim(), loopsSkill[lang]);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('words: skill names in Finnish on the company\'s report of the demo candidate', async () => {
  const company = await newPage(browser, { lang: 'fi' });
  await login(company, 'sari', 'sari-demo', 'fi');
  const cards = await callApi(company, 'GET', '/api/v1/company/candidates');
  assert.ok(cards.body.length > 0, 'the demo candidate has shared with the demo company');
  await company.goto(`${BASE}/company/candidates/${cards.body[0].share}`);
  // The demo attempts are judged when the server starts; wait for the solved ones.
  for (let i = 0; i < 60 && (await company.locator('.evidence .skills .tag').count()) === 0; i++) {
    await company.waitForTimeout(1000);
    await company.reload();
    await company.waitForSelector('.report');
  }
  const tags = (await company.locator('.evidence .skills .tag').allTextContents()).map((s) => s.trim());
  assert.ok(tags.length > 0, 'the solved exercises name their skills');
  // A tag skills.yaml lists is shown by its name (the test package's own tags stay as written).
  for (const tag of tags) assert.ok(!listedSkills.includes(tag), `a skill's name, not its tag: ${tag}`);
  assert.ok(tags.some((tag) => /Silmukat|Merkkijonot|Syöte ja tuloste|Laskutoimitukset|Ehtolauseet|Listat ja taulukot/.test(tag)), tags.join(', '));
  assert.deepEqual(company.errors, []);
  await company.context().close();
});

const reportViewed = { fi: 'Raporttisi', en: 'Your report' };

for (const lang of ['fi', 'en']) {
  test(`words: "who has seen it" says in ${lang} what the company saw`, async () => {
    const candidate = await newPage(browser, { lang });
    await login(candidate, 'yusuf', 'yusuf-demo', lang);
    const shares = await callApi(candidate, 'GET', '/api/v1/shares');
    const share = shares.body.find((s) => s.active && s.company === 'sari');
    assert.ok(share, 'the demo candidate shares with the demo company');

    const company = await newPage(browser, { lang });
    await login(company, 'sari', 'sari-demo', lang);
    await company.goto(`${BASE}/company/candidates/${share.id}`);
    await company.waitForSelector(`.report[data-share="${share.id}"]`);

    await candidate.goto(`${BASE}/sharing`);
    await candidate.waitForSelector('.views-table');
    const what = (await candidate.locator('.views-table tbody td:nth-child(3)').allTextContents()).map((s) => s.trim());
    assert.ok(what.includes(reportViewed[lang]), what.join(' | '));
    for (const cell of what) assert.doesNotMatch(cell, /^(report|report by link|comparison)$/, 'no raw word from the server');
    assert.deepEqual(candidate.errors, []);
    assert.deepEqual(company.errors, []);
    await candidate.context().close();
    await company.context().close();
  });
}

test('words: a trial\'s result columns in Finnish, then in English', async () => {
  const company = await newPage(browser, { lang: 'fi' });
  await login(company, 'sari', 'sari-demo', 'fi');
  const trial = await callApi(company, 'POST', '/api/v1/trials', { title: `Sanat ${unique()}`, minutes: 30, exercises: ['countdown'] });
  assert.equal(trial.status, 200, JSON.stringify(trial.body));
  const candidate = await newPage(browser, { lang: 'fi' });
  await login(candidate, 'aino', 'aino-demo', 'fi');
  const opened = await callApi(candidate, 'POST', '/api/v1/trials/open', { code: trial.body.code });
  assert.equal(opened.status, 200, JSON.stringify(opened.body));

  await company.goto(`${BASE}/trials/${trial.body.id}`);
  await company.waitForSelector('.trial-table tr[data-username="aino"]');
  const headers = async () => (await company.locator('.trial-table thead th').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
  assert.deepEqual(await headers(), ['Hakija', 'Aikaikkuna', 'Lähtölaskenta (% maksimista)', 'Yhteensä (% maksimista)']);
  await company.click('.lang-switch button[lang=en]');
  await company.waitForFunction(() => document.querySelector('.trial-table thead')?.textContent?.includes('Countdown'));
  const english = await headers();
  assert.equal(english[2], 'Countdown (% of the maximum)');
  assert.deepEqual(company.errors, []);
  await company.context().close();
  await candidate.context().close();
});
