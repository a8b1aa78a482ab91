// The trainer's room (issue 17): answered help requests stay as a history with a link to the
// code, released hints are marked and cannot be released twice, the extra-time dialog shows
// whole, and on a phone each person's actions are on screen; in English and Finnish.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PHONE, launch, login, newPage, screenshot, unique } from '../lib/app.mjs';

const DESKTOP = { width: 1280, height: 800 };

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A JSON call with the page's session (the CSRF header as the UI sends it). */
async function call(page, method, path, body) {
  return page.evaluate(async ({ method, path, body }) => {
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('kk_csrf='))?.slice('kk_csrf='.length) ?? '';
    const res = await fetch(path, {
      method, credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-CSRF-Token': decodeURIComponent(csrf) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }, { method, path, body });
}

/** A fresh workshop of mikko's with "hello" that yusuf has joined, submitted to and asked help in. */
async function roomWithHelpRequest(lang) {
  const trainer = await newPage(browser, { viewport: DESKTOP, lang });
  await login(trainer, 'mikko', 'mikko-demo', lang);
  const ws = await call(trainer, 'POST', '/api/v1/workshops', { title: `Room ${lang} ${unique()}`, exercises: ['hello'] });
  const candidate = await newPage(browser, { lang });
  await login(candidate, 'yusuf', 'yusuf-demo', lang);
  await call(candidate, 'POST', '/api/v1/workshops/join', { code: ws.join_code, nickname: `Yu ${lang}` });
  const submission = await call(candidate, 'POST', '/api/v1/submissions', { exercise: 'hello', language: 'python', source: 'print("Hello?")\n' });
  await call(candidate, 'POST', `/api/v1/workshops/${ws.id}/help`, { exercise: 'hello', message: `stuck ${lang}` });
  await candidate.context().close();
  return { trainer, id: ws.id, submission: String(submission.id) };
}

const TEXT = {
  en: { helped: 'Mark as helped', history: /Answered help requests \(1\)/, asked: /asked /, answered: /answered /, open: /Open Yu en's code/, released: /Released /, release: /Release hints/ },
  fi: { helped: 'Merkitse autetuksi', history: /Autetut avunpyynnöt \(1\)/, asked: /pyydetty /, answered: /autettu /, open: /Avaa käyttäjän Yu fi koodi/, released: /Julkaistu /, release: /Julkaise vihjeet/ },
};

for (const lang of ['en', 'fi']) {
  test(`answered help requests stay in the room with a link to the code (${lang})`, async () => {
    const { trainer, id, submission } = await roomWithHelpRequest(lang);
    const words = TEXT[lang];
    await trainer.goto(`${BASE}/workshops/${id}/live`);
    await trainer.waitForSelector('.help-queue li');
    await trainer.getByRole('button', { name: words.helped }).click();
    const history = trainer.locator('details.help-history');
    await history.waitFor();
    assert.match(await history.locator('summary').textContent(), words.history);
    await history.locator('summary').click();
    const item = history.locator('li').first();
    const text = await item.textContent();
    assert.match(text, new RegExp(`Yu ${lang}`));
    assert.match(text, /Hello/i, 'the exercise by its title');
    assert.match(text, words.asked);
    assert.match(text, words.answered);
    assert.match(text, new RegExp(`stuck ${lang}`));
    await screenshot(trainer, `trainer-help-history-${lang}`);
    // The history survives the room's refresh and a reload: the server keeps answered requests.
    await trainer.reload();
    await trainer.locator('details.help-history summary').click();
    await trainer.getByRole('link', { name: words.open }).click();
    await trainer.waitForURL(new RegExp(`/submissions/${submission}$`));
    assert.deepEqual(trainer.errors, []);
    await trainer.context().close();
  });

  test(`released hints are marked with their time and cannot be released twice (${lang})`, async () => {
    const { trainer, id } = await roomWithHelpRequest(lang);
    const words = TEXT[lang];
    await trainer.goto(`${BASE}/workshops/${id}/live`);
    const row = trainer.locator('[data-hints="hello"]');
    const button = row.getByRole('button', { name: words.release });
    await button.waitFor();
    assert.equal(await row.locator('.tag-released').count(), 0, 'nothing released yet');
    await button.click();
    await row.locator('.tag-released').waitFor();
    assert.match(await row.locator('.tag-released').textContent(), words.released);
    assert.equal(await button.isDisabled(), true, 'a second click cannot release again');
    await trainer.reload();
    await trainer.locator('[data-hints="hello"] .tag-released').waitFor();
    assert.equal(await trainer.locator('[data-hints="hello"] button').isDisabled(), true, 'still marked after a reload');
    assert.deepEqual(trainer.errors, []);
    await trainer.context().close();
  });

  test(`a candidate sees an exercise's hints only once the trainer has released them (${lang})`, async () => {
    const trainer = await newPage(browser, { viewport: DESKTOP, lang });
    await login(trainer, 'mikko', 'mikko-demo', lang);
    // "receipt" is a bundled exercise with hints (problem_statement/hints.*.md).
    const ws = await call(trainer, 'POST', '/api/v1/workshops', { title: `Hints ${lang} ${unique()}`, exercises: ['receipt'] });
    // One candidate per language: hints released in any of their workshops show.
    const who = lang === 'fi' ? 'yusuf' : 'aino';
    const candidate = await newPage(browser, { lang });
    await login(candidate, who, `${who}-demo`, lang);
    await call(candidate, 'POST', '/api/v1/workshops/join', { code: ws.join_code });
    await candidate.goto(`${BASE}/exercises/receipt`);
    await candidate.waitForSelector('.cm-content');
    assert.equal(await candidate.locator('section.hints').count(), 0, 'no hints before the release');
    await trainer.goto(`${BASE}/workshops/${ws.id}/live`);
    await trainer.locator('[data-hints="receipt"] button').click();
    await trainer.locator('[data-hints="receipt"] .tag-released').waitFor();
    await candidate.reload();
    const hints = candidate.locator('section.hints');
    await hints.waitFor();
    assert.match(await hints.locator('h2').textContent(), lang === 'fi' ? /Vihjeet/ : /Hints/);
    assert.ok((await hints.locator('.markdown').textContent()).trim().length > 0, 'the hint text');
    assert.deepEqual(trainer.errors, []);
    assert.deepEqual(candidate.errors, []);
    await trainer.context().close();
    await candidate.context().close();
  });
}

/** The element's box lies inside the viewport and is what the user would click at its centre. */
async function reachable(page, locator, viewport) {
  await locator.waitFor({ state: 'visible' });
  const box = await locator.boundingBox();
  assert.ok(box, 'it has a box');
  assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height,
    `inside the ${viewport.width}x${viewport.height} viewport: ${JSON.stringify(box)}`);
  const hit = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return !!top && (top === el || el.contains(top));
  });
  assert.ok(hit, 'not clipped or covered at its centre');
}

for (const [name, viewport, lang] of [['desktop', DESKTOP, 'en'], ['phone', PHONE, 'fi']]) {
  test(`the extra-time dialog shows whole and each person's actions are on screen (${name}, ${lang})`, async () => {
    const { trainer, id } = await roomWithHelpRequest(lang);
    await trainer.setViewportSize(viewport);
    await trainer.goto(`${BASE}/workshops/${id}/live`);
    const row = trainer.locator('tr[data-username="yusuf"]');
    await row.waitFor();
    const actions = await row.locator('.live-actions > .actions > .btn, .live-actions > .actions > .popover > .btn').all();
    assert.equal(actions.length, 3, 'extra time, unlock and the last submission');
    for (const action of actions) {
      const box = await action.boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= viewport.width,
        `action "${await action.textContent()}" within the ${viewport.width} px width: ${JSON.stringify(box)}`);
    }
    await row.locator('[data-extra="yusuf"]').click();
    const give = row.getByRole('button', { name: lang === 'fi' ? 'Anna' : 'Give' });
    await row.locator('select').selectOption('15');
    await reachable(trainer, give, viewport);
    await screenshot(trainer, `trainer-extra-time-${name}`);
    await give.click();
    await trainer.waitForSelector(lang === 'fi' ? 'text=sai 15 minuuttia lisää' : 'text=got 15 more minutes');
    assert.equal(await row.locator('dialog[open]').count(), 0, 'the dialog closes');
    assert.deepEqual(trainer.errors, []);
    await trainer.context().close();
  });
}

for (const lang of ['en', 'fi']) {
  test(`workshop analytics name the exercises in the reader's language (${lang})`, async () => {
    const trainer = await newPage(browser, { viewport: DESKTOP, lang });
    await login(trainer, 'mikko', 'mikko-demo', lang);
    // A bundled exercise whose Finnish and English titles differ from each other and from its id.
    const list = await call(trainer, 'GET', '/api/v1/exercises');
    const exercise = list.find((e) => e.titles?.fi && e.titles?.en && e.titles.fi !== e.titles.en && e.titles.en !== e.id);
    assert.ok(exercise, 'a bundled exercise with two titles');
    const ws = await call(trainer, 'POST', '/api/v1/workshops', { title: `Stats ${lang} ${unique()}`, exercises: [exercise.id] });
    await trainer.goto(`${BASE}/workshops/${ws.id}/analytics`);
    const link = trainer.locator(`tr[data-exercise="${exercise.id}"] a`);
    await link.waitFor();
    assert.equal((await link.textContent()).trim(), exercise.titles[lang]);
    assert.match(await trainer.textContent('main'), new RegExp(exercise.titles[lang].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.deepEqual(trainer.errors, []);
    await trainer.context().close();
  });
}
