// A trainer imports a package zip, edits its Finnish statement with the live preview, sees
// the server's check pass (with progress) and publishes the exercise to a workshop; a broken
// package's import shows what is wrong with it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BASE, checkA11y, launch, login, newPage, screenshot, unique } from '../lib/app.mjs';

let browser;
let work;
before(async () => {
  browser = await launch();
  work = mkdtempSync(join(tmpdir(), 'koodikoe-author-'));
});
after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/** A .zip of `files` (name -> Buffer or string), made with Python's zipfile. */
function makeZip(name, files) {
  const spec = join(work, `${name}.json`);
  writeFileSync(spec, JSON.stringify(Object.fromEntries(
    Object.entries(files).map(([k, v]) => [k, Buffer.from(v).toString('base64')]))));
  const zip = join(work, `${name}.zip`);
  execFileSync('python3', ['-c', `
import base64, json, sys, zipfile
files = json.load(open(sys.argv[1]))
with zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as z:
    for path, data in files.items():
        z.writestr(path, base64.b64decode(data))
`, spec, zip]);
  return zip;
}

function doubler(id, statementFi = 'Tulosta luku kaksinkertaisena.') {
  return {
    [`${id}/problem.yaml`]: `name:\n  en: Doubler ${id}\n  fi: Tuplaaja ${id}\nkoodikoe:\n  tier: 1\n  track: basics\n`,
    [`${id}/.timelimit`]: '2\n',
    [`${id}/problem_statement/problem.en.md`]: 'Print twice the number.\n',
    [`${id}/problem_statement/problem.fi.md`]: statementFi,
    [`${id}/data/sample/1.in`]: '2\n',
    [`${id}/data/sample/1.ans`]: '4\n',
    [`${id}/data/secret/1.in`]: '21\n',
    [`${id}/data/secret/1.ans`]: '42\n',
    [`${id}/submissions/accepted/double.py`]: 'print(2 * int(input()))\n',
    [`${id}/submissions/wrong_answer/same.py`]: 'print(int(input()))\n',
  };
}

test('trainer imports a package, edits the Finnish statement, sees the check pass and publishes it', async () => {
  const id = `tuplaaja-${unique()}`.toLowerCase().replace(/[^a-z0-9-]/g, '');
  const zip = makeZip(id, doubler(id));
  const page = await newPage(browser, { lang: 'en' });
  await login(page, 'mikko', 'mikko-demo');
  await page.getByRole('link', { name: 'Authoring' }).click();
  await page.waitForURL(/\/author$/);
  await page.waitForSelector('table.table tbody tr');
  await checkA11y(page, 'author-list');
  await page.setInputFiles('#import-file', zip);
  await screenshot(page, 'author-1-import');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.waitForURL(new RegExp(`/author/${id}$`));

  // The import's check runs on the server and passes.
  const panel = page.getByTestId('check-panel');
  await page.waitForSelector('[data-testid=check-panel][data-status=passed]', { timeout: 180000 });
  assert.match(await panel.textContent(), /Check passed/);
  await checkA11y(page, 'author-edit');

  // Edit the Finnish statement; the preview follows as you type.
  await page.getByRole('tab', { name: 'Suomi' }).click();
  const text = `# Tuplaaja\n\nLue kokonaisluku ja tulosta se **kaksinkertaisena**. (${id})`;
  await page.fill('#statement-input', text);
  await page.waitForFunction(() => document.querySelector('[data-testid=statement-preview] strong')?.textContent === 'kaksinkertaisena');
  await screenshot(page, 'author-2-edit');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await page.getByText('Saved as version 2').waitFor();
  // The new version is checked again, with progress, and passes.
  await page.waitForSelector('[data-testid=check-panel][data-status=passed]', { timeout: 180000 });
  await screenshot(page, 'author-3-checked');

  // Publish to the demo workshop.
  await page.selectOption('#publish-ws', { label: 'Maanantain työpaja' });
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByText('Published to the workshop.').waitFor();
  await screenshot(page, 'author-4-published');

  // What a candidate reads is the new statement, and the workshop has the exercise.
  const served = await page.evaluate(async (exercise) => {
    const e = await (await fetch(`/api/v1/exercises/${exercise}`)).json();
    const ws = await (await fetch('/api/v1/workshops')).json();
    return { statement: e.statement.fi, inWorkshop: ws.some((w) => (w.exercises ?? []).some((x) => (x.id ?? x) === exercise)) };
  }, id);
  assert.equal(served.statement, text);
  assert.equal(served.inWorkshop, true);

  // Analytics of the exercise and of the room (tables, SVG chart, CSV links).
  await page.getByRole('link', { name: 'Analytics' }).first().click();
  await page.waitForSelector('[data-testid=exercise-stats]');
  assert.match(await page.textContent('[data-testid=exercise-stats]'), /Submissions\s*0/);
  await checkA11y(page, 'author-analytics');
  const demo = await page.evaluate(async () => (await (await fetch('/api/v1/workshops')).json()).find((w) => w.title === 'Maanantain työpaja').id);
  await page.goto(`${BASE}/workshops/${demo}/analytics`);
  await page.getByText('Solved per exercise').waitFor();
  assert.equal(await page.locator(`a[href$="/author/${id}/analytics"]`).count(), 1);
  await screenshot(page, 'author-6-room');
  await page.close();
});

test('a broken package import shows its errors and adds nothing', async () => {
  const id = `rikki-${unique()}`.toLowerCase().replace(/[^a-z0-9-]/g, '');
  // The Finnish statement saved in Latin-1: "ä" is the single byte 0xE4.
  const files = doubler(id, Buffer.from('Tulosta luku kaksinkertaisena: 2 \xe4 4\n', 'latin1'));
  const zip = makeZip(id, files);
  const page = await newPage(browser, { lang: 'en' });
  await login(page, 'mikko', 'mikko-demo');
  await page.goto(`${BASE}/author`);
  await page.setInputFiles('#import-file', zip);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const error = page.getByTestId('import-error');
  await error.waitFor();
  const message = await error.textContent();
  assert.match(message, new RegExp(`${id}/problem_statement/problem\\.fi\\.md`));
  assert.match(message, /not UTF-8/);
  assert.match(page.url(), /\/author$/);
  await screenshot(page, 'author-5-broken');
  const status = await page.evaluate(async (exercise) => (await fetch(`/api/v1/exercises/${exercise}`)).status, id);
  assert.equal(status, 404);
  await page.close();
});

test('a package folder picked in the browser imports as well', async () => {
  const id = `kansio-${unique()}`.toLowerCase().replace(/[^a-z0-9-]/g, '');
  const root = join(work, 'folder');
  for (const [path, content] of Object.entries(doubler(id))) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  const page = await newPage(browser, { lang: 'en' });
  await login(page, 'mikko', 'mikko-demo');
  await page.goto(`${BASE}/author`);
  await page.setInputFiles('#import-folder', join(root, id));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.waitForURL(new RegExp(`/author/${id}$`));
  const served = await page.evaluate(async (exercise) => (await (await fetch(`/api/v1/exercises/${exercise}`)).json()).samples, id);
  assert.deepEqual(served.map((s) => s.output), ['4\n']);
  await page.close();
});

test('a trainer judges one submission again on the newest version with one click', async () => {
  const page = await newPage(browser, { lang: 'en' });
  // hello comes with the server, not from a trainer: only an admin may judge it again.
  await login(page, 'admin', 'admin-demo');
  const id = await page.evaluate(async () => {
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('kk_csrf='))?.slice(8) ?? '';
    const res = await fetch('/api/v1/submissions', {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': decodeURIComponent(csrf) },
      body: JSON.stringify({ exercise: 'hello', language: 'python', source: 'print("Hello, world!")\n' }),
    });
    return (await res.json()).id;
  });
  await page.goto(`${BASE}/submissions/${id}`);
  await page.getByText(/Judged on exercise version [0-9a-f]{8}/).waitFor({ timeout: 90000 });
  const button = page.getByRole('button', { name: 'Judge again on the newest version' });
  await page.waitForFunction(() => {
    const b = [...document.querySelectorAll('.rejudge button')][0];
    return b && !b.disabled;
  }, null, { timeout: 90000 });
  const before = await page.evaluate(async (sid) => (await (await fetch(`/api/v1/submissions/${sid}`)).json()).verdict, id);
  await button.click();
  await page.getByText('Judging again…').waitFor();
  await button.waitFor({ timeout: 90000 });
  const judged = await page.evaluate(async (sid) => (await (await fetch(`/api/v1/submissions/${sid}`)).json()), id);
  assert.equal(judged.status, 'done');
  assert.equal(judged.verdict, before);
  assert.match(judged.exercise_version, /^[0-9a-f]{64}$/);
  await page.close();
});

test('a trainer clones a track into an exercise set, reorders it and starts a workshop from it', async () => {
  const setId = `maanantai-${unique()}`.toLowerCase().replace(/[^a-z0-9-]/g, '');
  const page = await newPage(browser, { lang: 'en' });
  await login(page, 'mikko', 'mikko-demo');
  await page.goto(`${BASE}/author/sets`);
  await page.selectOption('#copy-from', 'track-basics');
  await page.fill('#copy-id', setId);
  await page.fill('#copy-title', `Monday ${setId}`);
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await page.waitForSelector('.set-items li');
  const before = await page.locator('.set-items li code').allTextContents();
  assert.ok(before.length >= 2);
  await page.getByRole('button', { name: `Move ${before[1]} up` }).click();
  await page.selectOption('#tier-0', '3');
  await page.getByRole('button', { name: 'Save the set' }).click();
  await page.getByText('The set is saved.').waitFor();
  await checkA11y(page, 'sets');
  const saved = await page.evaluate(async (id) => (await (await fetch(`/api/v1/exercise-sets/${id}`)).json()), setId);
  assert.deepEqual(saved.items.slice(0, 2).map((i) => i.exercise), [before[1], before[0]]);
  assert.equal(saved.items[0].tier, 3);

  await page.goto(`${BASE}/workshops/new`);
  await page.fill('#ws-title', `From a set ${setId}`);
  await page.selectOption('#ws-set', setId);
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await page.waitForURL(/\/workshops\/[^/]+\/live$/);
  const wsId = page.url().split('/').slice(-2)[0];
  const ws = await page.evaluate(async (id) => (await (await fetch(`/api/v1/workshops/${id}`)).json()), wsId);
  assert.deepEqual(ws.exercises.map((x) => x.id ?? x), saved.items.map((i) => i.exercise));
  await page.close();
});

test('a trainer writes a new exercise in the browser: a starter that passes the check, then a wrong solution added', async () => {
  const id = `uusi-${unique()}`.toLowerCase().replace(/[^a-z0-9-]/g, '');
  const page = await newPage(browser, { lang: 'en' });
  await login(page, 'mikko', 'mikko-demo');
  await page.goto(`${BASE}/author`);
  await page.fill('#new-id', id);
  await page.fill('#new-title', 'Tuplaa');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.waitForURL(new RegExp(`/author/${id}$`));
  await page.waitForSelector('[data-testid=check-panel][data-status=passed]', { timeout: 180000 });
  // A solution that prints the input back must be rejected; saying so makes a new version.
  await page.selectOption('#sol-folder', 'wrong_answer');
  await page.fill('#sol-name', 'echo.py');
  await page.fill('#sol-text', 'print(input())\n');
  await page.getByRole('button', { name: 'Add the solution' }).click();
  await page.selectOption('#tier', '2');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await page.getByText('Saved as version 2').waitFor();
  await page.waitForSelector('[data-testid=check-panel][data-status=passed]', { timeout: 180000 });
  const check = await page.evaluate(async (e) => (await (await fetch(`/api/v1/exercises/${e}/check`)).json()), id);
  assert.match(check.output, /wrong_answer\/echo\.py.*ok/);
  assert.match(check.output, /input validator validate\.py: 2\/2 inputs valid/);
  const ex = await page.evaluate(async (e) => (await (await fetch(`/api/v1/exercises/${e}`)).json()), id);
  assert.equal(ex.tier, 2);
  await page.close();
});

/** Boxes that stick out: the page wider than the window, or a button wider than its container. */
async function overflowing(page) {
  return page.evaluate(() => {
    const bad = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) bad.push(`page ${document.documentElement.scrollWidth} > ${width} px`);
    for (const el of document.querySelectorAll('button, .btn, input[type=file]')) {
      const box = el.getBoundingClientRect();
      if (!box.width) continue;
      const parent = el.parentElement.getBoundingClientRect();
      if (box.left < parent.left - 1 || box.right > parent.right + 1) {
        bad.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.id).trim()}" ${Math.round(box.left)}..${Math.round(box.right)} outside ${Math.round(parent.left)}..${Math.round(parent.right)}`);
      }
    }
    return bad;
  });
}

for (const lang of ['en', 'fi']) {
  test(`the authoring page fits 1280 px and the versions table follows the check (${lang})`, async () => {
    const id = `mahtuu-${lang}-${unique()}`.toLowerCase().replace(/[^a-z0-9-]/g, '');
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 }, lang });
    await login(page, 'mikko', 'mikko-demo', lang);
    await page.goto(`${BASE}/author`);
    await page.setInputFiles('#import-file', makeZip(id, doubler(id)));
    await page.locator('form:has(#import-file) button[type=submit]').click();
    await page.waitForURL(new RegExp(`/author/${id}$`));
    await page.waitForSelector('[data-testid=check-panel][data-status=passed]', { timeout: 180000 });
    assert.deepEqual(await overflowing(page), []);

    // A new version: once its check has finished, the versions table says so too.
    await page.fill('#statement-input', `# ${id}\n\nUusi versio.`);
    await page.locator('.save-bar .btn-primary').click();
    await page.waitForSelector('[data-testid=check-panel][data-status=running], [data-testid=check-panel][data-status=passed]');
    await page.waitForSelector('[data-testid=check-panel][data-status=passed]', { timeout: 180000 });
    await page.waitForFunction(() => {
      const newest = document.querySelector('section[aria-labelledby=versions-h] tbody tr');
      return newest?.querySelectorAll('td')[2]?.textContent.trim() === 'passed';
    }, null, { timeout: 10000 });
    assert.deepEqual(await overflowing(page), []);
    await screenshot(page, `author-fits-1280-${lang}`);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}
