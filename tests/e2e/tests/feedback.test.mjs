// Feedback a beginner can act on (issue 17), in Finnish and in English: the program's own
// output beside the expected output with the first difference marked, stderr apart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BASE, checkA11y, finalVerdict, launch, login, newPage, PHONE, screenshot, setCode } from '../lib/app.mjs';

const TEXT = {
  en: {
    run: 'Run on the examples', submit: 'Submit', diff: 'First difference: line 1, column 1.', stderr: 'Error output (stderr)',
    note: 'Word 1 on line 1: expected “Hello,”, your program printed “Goodbye...”.',
    runInput: 'Run with my input', runThis: 'Run', waited: /Your program was waiting, not computing: it used only \d+ ms/,
    waitedShort: /Waiting, not computing \(\d+ ms of processor time\)/, ranLonger: /ran longer/, ok: 'Your program ran', correct: /Correct/, tooLarge: /Your code is 30\d KiB, but the largest code that can be sent is 256 KiB/,
    syntax: 'There is a syntax error on line 2: see the message below', line: 'Line 2',
    next: /^Next exercise: ./, editor: 'Your code', startOver: 'Start over',
  },
  fi: {
    run: 'Aja esimerkeillä', submit: 'Lähetä', diff: 'Ensimmäinen ero: rivi 1, sarake 1.', stderr: 'Virhetuloste (stderr)',
    note: 'Rivin 1 sana 1: odotettiin “Hello,”, ohjelmasi tulosti “Goodbye...”.',
    runInput: 'Aja omalla syötteellä', runThis: 'Aja', waited: /Ohjelmasi odotti eikä laskenut: se käytti prosessoriaikaa vain \d+ ms/,
    waitedShort: /Odotti eikä laskenut \(\d+ ms prosessoriaikaa\)/, ranLonger: /toimi kauemmin/, ok: 'Ohjelmasi ajettiin', correct: /Oikein/, tooLarge: /Koodisi on 30\d KiB, mutta suurin lähetettävä koodi on 256 KiB/,
    syntax: 'Rivillä 2 on syntaksivirhe — katso viesti alla', line: 'Rivi 2',
    next: /^Seuraava tehtävä: ./, editor: 'Koodisi', startOver: 'Aloita alusta',
  },
};
const BYE = 'import sys\nname = input().strip()\nprint(f"Goodbye, {name}!")\nprint("debug: read", name, file=sys.stderr)\n';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openHello(lang) {
  const page = await newPage(browser, { lang });
  await login(page, 'aino', 'aino-demo', lang);
  await page.goto(`${BASE}/exercises/hello`);
  await page.waitForSelector('.cm-content');
  await page.selectOption('#language-select', 'python');
  return page;
}

for (const lang of ['en', 'fi']) {
  test(`feedback (${lang}): the program's output beside the expected output, the difference marked`, async () => {
    const page = await openHello(lang);
    await setCode(page, BYE);
    await page.getByRole('button', { name: TEXT[lang].run }).click();
    assert.equal(await finalVerdict(page), 'wrong_answer');
    const row = page.locator('.test-row').first();
    assert.match(await row.locator('.compare-printed').textContent(), /Goodbye, World!/);
    assert.match(await row.locator('.compare-expected').textContent(), /Hello, World!/);
    assert.match(await row.locator('.compare-printed mark.diff-at').textContent(), /^Goodbye, World!/);
    assert.match(await row.locator('.compare-expected mark.diff-at').textContent(), /^Hello, World!/);
    assert.equal((await row.locator('.diff-note').textContent()).trim(), TEXT[lang].diff);
    // The checker's note in the user's language, not the judge's English.
    assert.equal(await row.locator('.feedback-text').textContent(), TEXT[lang].note);
    const stderr = await row.locator('.compare-stderr').textContent();
    assert.ok(stderr.includes(TEXT[lang].stderr), stderr);
    assert.match(stderr, /debug: read World/);
    console.log(`screenshot: ${await screenshot(page, `feedback-wrong-answer-${lang}`)}`);
    await checkA11y(page, `feedback-wrong-answer-${lang}`);

    // A submission: the secret tests show no output, expected output or stderr.
    await page.getByRole('button', { name: TEXT[lang].submit, exact: true }).click();
    assert.equal(await finalVerdict(page), 'wrong_answer');
    const secret = page.locator('.test-row', { hasText: 'secret' });
    for (let i = 0; i < await secret.count(); i++) {
      assert.equal(await secret.nth(i).locator('.compare-printed, .compare-expected, .compare-stderr').count(), 0);
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

// The judge gives its notes as codes with parameters (feedback_code) beside its English note;
// the page words them in the user's language: the checker's note on a wrong answer, and a
// service's scenario step (which step, what was sent, what came back).
const CODED = {
  en: {
    note: 'Word 1 on line 1: expected “Hello,”, your program printed “Goodbye...”.',
    step: 'Step 1 “health”: The response\'s Content-Type header is “text/plain”; it should match “application/json”.',
    sent: 'Sent: GET /health', response: /^Response: 200 \(text\/plain/m,
  },
  fi: {
    note: 'Rivin 1 sana 1: odotettiin “Hello,”, ohjelmasi tulosti “Goodbye...”.',
    step: 'Vaihe 1 ”health”: Vastauksen otsake Content-Type on “text/plain”, sen pitäisi vastata mallia “application/json”.',
    sent: 'Lähetettiin: GET /health', response: /^Vastaus: 200 \(text\/plain/m,
  },
};
const HEALTH_PLAIN_TEXT = fs.readFileSync(path.join(path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..'),
  'exercises/fullstack/health/submissions/wrong_answer/plain_text.py'), 'utf8');

/** Runs the code on the examples; the run's report as the API gives it, once the page shows the verdict. */
async function runOnExamples(page, lang) {
  const posted = page.waitForResponse((r) => r.url().endsWith('/api/v1/runs') && r.request().method() === 'POST');
  await page.getByRole('button', { name: TEXT[lang].run }).click();
  const { id } = await (await posted).json();
  const verdict = await finalVerdict(page);
  const report = await page.evaluate(async (runId) => (await fetch(`/api/v1/submissions/${runId}`)).json(), id);
  return { verdict, report };
}

for (const lang of ['en', 'fi']) {
  test(`feedback (${lang}): the checker's and a service scenario's notes are worded from their codes`, async () => {
    const page = await openHello(lang);
    await setCode(page, BYE);
    const wrong = await runOnExamples(page, lang);
    assert.equal(wrong.verdict, 'wrong_answer');
    assert.deepEqual(wrong.report.tests[0].feedback_code,
      { code: 'token_differs', params: { n: 1, line: 1, expected: 'Hello,', got: 'Goodbye...' } });
    assert.equal(await page.locator('.test-row').first().locator('.feedback-text').textContent(), CODED[lang].note);

    await page.goto(`${BASE}/exercises/health`);
    await page.waitForSelector('.cm-content');
    await page.selectOption('#language-select', 'python');
    await setCode(page, HEALTH_PLAIN_TEXT);
    const step = await runOnExamples(page, lang);
    assert.equal(step.verdict, 'wrong_answer');
    const code = step.report.tests[0].feedback_code;
    assert.equal(code.code, 'header_differs', JSON.stringify(step.report.tests[0]));
    assert.deepEqual([code.params.step, code.params.step_name, code.params.header], [1, 'health', 'Content-Type']);
    const note = await page.locator('.test-row').first().locator('.feedback-text').textContent();
    const lines = note.split('\n');
    assert.equal(lines[0], CODED[lang].step);
    assert.equal(lines[1], CODED[lang].sent);
    assert.match(note, CODED[lang].response);
    if (lang === 'fi') assert.doesNotMatch(note, /expected header|\nsent: |\ngot: /, 'no English in the Finnish note');
    console.log(`screenshot: ${await screenshot(page, `feedback-service-step-${lang}`)}`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

for (const lang of ['en', 'fi']) {
  test(`feedback (${lang}): what really happened: waiting, a run on own input, too much code, a syntax error`, async () => {
    const T = TEXT[lang];
    const page = await openHello(lang);

    // A program that sleeps: waiting, not "ran longer than 2 seconds".
    await setCode(page, 'import time\ntime.sleep(60)\n');
    await page.getByRole('button', { name: T.run }).click();
    assert.equal(await finalVerdict(page), 'time_limit_exceeded');
    const waited = await page.textContent('.overall');
    assert.match(waited, T.waited);
    assert.doesNotMatch(waited, T.ranLonger);
    assert.match(await page.locator('.test-row').first().textContent(), T.waitedShort);
    console.log(`screenshot: ${await screenshot(page, `feedback-time-limit-${lang}`)}`);

    // A run on the candidate's own input has no right answer: "ok", never "Correct".
    await setCode(page, 'print("Moi", input())\n');
    await page.getByRole('button', { name: T.runInput }).click();
    await page.fill('#custom-input', 'Aino\n');
    await page.getByRole('button', { name: T.runThis, exact: true }).click();
    await page.waitForSelector('.results[data-status=done] .overall', { timeout: 90000 });
    assert.equal(await page.getAttribute('.overall', 'data-verdict'), 'ok');
    const ran = await page.textContent('.overall');
    assert.ok(ran.includes(T.ok), ran);
    assert.doesNotMatch(ran, T.correct);
    assert.match(await page.textContent('.custom-output'), /Moi Aino/);

    // 300 KiB of code: a clear message about the 256 KiB limit, in the user's language.
    await setCode(page, `# ${'x'.repeat(300 * 1024)}\nprint(1)\n`);
    await page.getByRole('button', { name: T.run }).click();
    await page.waitForSelector('.note[role=status]');
    assert.match(await page.textContent('.note[role=status]'), T.tooLarge);

    // A Python syntax error: the line and Python's message, not a traceback of the standard library.
    await setCode(page, 'name = input()\nprint("Hello, " + name + "!"\n');
    await page.getByRole('button', { name: T.run }).click();
    assert.equal(await finalVerdict(page), 'compile_error');
    assert.ok((await page.textContent('.overall')).includes(T.syntax));
    const out = await page.textContent('.compile-output');
    assert.match(out, /SyntaxError/);
    assert.doesNotMatch(out, /Traceback|py_compile|importlib/);
    const refs = await page.locator('.compile-output .line-ref').allTextContents();
    assert.deepEqual([...new Set(refs)], [T.line]);
    console.log(`screenshot: ${await screenshot(page, `feedback-compile-error-${lang}`)}`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

for (const lang of ['en', 'fi']) {
  test(`feedback (${lang}): the failing test first and focused; after an accepted answer, the next exercise`, async () => {
    const T = TEXT[lang];
    const page = await openHello(lang);
    // Right on the example, wrong on every secret test.
    await setCode(page, 'input()\nprint("Hello, World!")\n');
    await page.getByRole('button', { name: T.submit, exact: true }).click();
    assert.equal(await finalVerdict(page), 'wrong_answer');
    const first = page.locator('.test-row').first();
    assert.match(await first.getAttribute('class'), /tone-bad/);
    assert.match(await first.locator('.test-name').textContent(), /^secret/);
    assert.ok(await page.locator('.test-row.tone-good').count() >= 1, 'the passing example is listed after it');
    await page.waitForFunction(() => document.activeElement?.closest('.test-row') === document.querySelector('.test-row'),
      null, { timeout: 10000 });

    await setCode(page, 'name = input().strip()\nprint(f"Hello, {name}!")\n');
    await page.getByRole('button', { name: T.submit, exact: true }).click();
    assert.equal(await finalVerdict(page), 'accepted');
    const next = page.locator('.next-exercise a');
    assert.match((await next.textContent()).trim(), T.next);
    await next.click();
    await page.waitForURL((url) => /\/exercises\/./.test(url.pathname) && !url.pathname.endsWith('/hello'));
    await page.waitForSelector('.cm-content');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test(`feedback (${lang}): Ctrl+Enter runs on the examples, the editor names its language, Start over`, async () => {
    const T = TEXT[lang];
    const page = await openHello(lang);
    assert.equal(await page.getAttribute('.cm-content', 'aria-label'), `${T.editor} (Python 3)`);
    await page.selectOption('#language-select', 'c');
    await page.waitForFunction((label) => document.querySelector('.cm-content')?.getAttribute('aria-label') === label, `${T.editor} (C)`);
    assert.equal(await page.getAttribute(`button:has-text("${T.run}")`, 'aria-keyshortcuts'), 'Control+Enter');

    const mine = '#include <stdio.h>\nint main(void) { char n[64]; scanf("%63s", n); printf("Hello, %s!\\n", n); return 0; }\n';
    await setCode(page, mine);
    const lines = await page.locator('.cm-line').count();
    await page.keyboard.press('Control+Enter');
    assert.equal(await finalVerdict(page), 'accepted');
    assert.equal(await page.locator('.cm-line').count(), lines, 'Ctrl+Enter added no line');

    // Start over: cancelled, nothing changes; confirmed, the starting template is back.
    page.once('dialog', (d) => d.dismiss());
    await page.getByRole('button', { name: T.startOver }).click();
    assert.match(await page.textContent('.cm-content'), /scanf/);
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: T.startOver }).click();
    const text = await page.textContent('.cm-content');
    assert.doesNotMatch(text, /scanf/);
    assert.match(text, /int main\(void\)/);
    await checkA11y(page, `feedback-controls-${lang}`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('feedback: the demo catalogue and the demo workshop hold the bundled exercises only', async () => {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..');
  const bundled = new Set();
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      if (fs.existsSync(path.join(dir, entry.name, 'problem.yaml'))) bundled.add(entry.name);
      else walk(path.join(dir, entry.name));
    }
  };
  walk(path.join(root, 'exercises'));
  const page = await newPage(browser, { lang: 'en' });
  await login(page, 'mikko', 'mikko-demo');
  const get = (url) => page.evaluate(async (u) => (await fetch(u)).json(), url);
  const ids = (await get('/api/v1/exercises')).map((e) => e.id);
  // tests/packages/hello is given with --exercises (run.sh); no other test package is listed.
  const extra = ids.filter((id) => !bundled.has(id) && id !== 'hello');
  assert.deepEqual(extra.filter((id) => fs.existsSync(path.join(root, 'tests', 'packages', id))), []);
  await page.goto(`${BASE}/`);
  await page.waitForSelector('.exercise-card');
  const catalogue = await page.textContent('main');
  for (const title of ['Even split', 'Square root', 'URL shortener']) assert.ok(!catalogue.includes(title), title);
  // The demo workshop (trainers may publish their own exercises to it, as authoring.test does).
  const demo = (await get('/api/v1/workshops')).find((w) => w.title === 'Maanantain työpaja');
  assert.ok(demo, 'the demo workshop');
  const full = await get(`/api/v1/workshops/${encodeURIComponent(demo.id)}`);
  const inDemo = (full.exercises ?? []).map((e) => (typeof e === 'string' ? e : e.id));
  assert.ok(inDemo.some((id) => bundled.has(id)));
  assert.deepEqual(inDemo.filter((id) => fs.existsSync(path.join(root, 'tests', 'packages', id))), [],
    'no test package in the demo workshop');
  await page.context().close();
});

test('feedback: verdict icons in the attempts timeline are icon-sized; links are shown as written; sharing fits a phone', async () => {
  const company = await newPage(browser, { lang: 'fi' });
  await login(company, 'sari', 'sari-demo', 'fi');
  await company.goto(`${BASE}/company`);
  await company.locator('li.candidate-card h2 a').first().click();
  for (let i = 0; i < 60 && (await company.locator('.evidence .timeline li').count()) === 0; i++) {
    await company.waitForTimeout(1000);
    await company.reload();
    await company.waitForSelector('.report');
  }
  const icon = await company.locator('.evidence .timeline li svg').first().boundingBox();
  assert.ok(icon && icon.height <= 24 && icon.width <= 24, `a timeline icon is ${icon?.width}x${icon?.height} px`);
  // A trial invitation is a link: shown as it is written, not in capitals.
  await company.goto(`${BASE}/trials`);
  const invite = company.locator('.trial-card input').first();
  if (await invite.count()) {
    assert.equal(await invite.evaluate((el) => getComputedStyle(el).textTransform), 'none');
  }
  await company.goto(`${BASE}/verify`);
  await company.waitForSelector('#credential-text');
  assert.equal(await company.locator('#credential-text').evaluate((el) => getComputedStyle(el).textTransform), 'none');
  await company.context().close();

  const phone = await newPage(browser, { lang: 'fi', viewport: PHONE });
  await login(phone, 'aino', 'aino-demo', 'fi');
  await phone.goto(`${BASE}/sharing`);
  await phone.waitForSelector('#share-company');
  await phone.waitForTimeout(500);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the sharing page is ${overflow}px wider than the phone screen`);
  await phone.context().close();
});

/** The page is no wider than a 390 px phone, and every verdict icon in the attempts timelines is icon-sized. */
async function fitsPhone(page, what) {
  const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
  assert.ok(width <= 390, `${what} is ${width} px wide on a 390 px phone`);
  const icons = page.locator('.evidence .timeline li svg');
  for (let i = 0; i < (await icons.count()); i++) {
    const box = await icons.nth(i).boundingBox();
    assert.ok(box && box.width <= 32 && box.height <= 32, `${what}: a timeline icon is ${box?.width}x${box?.height} px`);
  }
}

/** Opens a report page, reloading while the demo's attempts are still being judged. */
async function reportWithTimeline(page, url) {
  await page.goto(url);
  for (let i = 0; i < 60 && (await page.locator('.evidence .timeline li svg').count()) === 0; i++) {
    await page.waitForTimeout(1000);
    await page.reload();
    await page.waitForSelector('.report');
  }
  assert.ok(await page.locator('.evidence .timeline li svg').count() > 0, `${url}: an attempts timeline`);
}

for (const [lang, makeLink] of [['en', 'Create a link for a CV or application'], ['fi', 'Luo linkki ansioluetteloon tai hakemukseen']]) {
  test(`feedback (${lang}): on a phone the sharing page, the shared link's page and the company report fit, with icon-sized verdicts`, async () => {
    // yusuf: the demo candidate, with judged attempts (demo_evidence.cc).
    const phone = await newPage(browser, { lang, viewport: PHONE });
    await login(phone, 'yusuf', 'yusuf-demo', lang);
    await phone.goto(`${BASE}/sharing`);
    await phone.waitForSelector('#share-company');
    const links = phone.locator('li.share[data-kind="link"] input');
    const before = await links.count();
    await phone.getByRole('button', { name: makeLink }).click();
    await phone.waitForFunction((n) => document.querySelectorAll('li.share[data-kind="link"] input').length > n, before);
    const input = links.last();
    // A link is shown as it is written: no capitals, no letter spacing.
    assert.deepEqual(await input.evaluate((el) => [getComputedStyle(el).textTransform, getComputedStyle(el).letterSpacing]), ['none', 'normal']);
    await fitsPhone(phone, 'the sharing page');
    await checkA11y(phone, `sharing-phone-${lang}`);
    const link = await input.inputValue();
    await phone.context().close();

    // The public page behind the link, for anyone holding it (not logged in).
    const reader = await newPage(browser, { lang, viewport: PHONE });
    await reportWithTimeline(reader, link);
    await fitsPhone(reader, 'the shared link\'s page');
    await checkA11y(reader, `shared-link-phone-${lang}`);
    assert.deepEqual(reader.errors, []);
    await reader.context().close();

    // The company's report of the demo candidate, and its trial invitations and credential check.
    const company = await newPage(browser, { lang, viewport: PHONE });
    await login(company, 'sari', 'sari-demo', lang);
    await company.goto(`${BASE}/company`);
    const first = company.locator('li.candidate-card h2 a').first();
    await first.waitFor();
    await reportWithTimeline(company, new URL(await first.getAttribute('href'), BASE).href);
    await fitsPhone(company, 'the company report');
    await company.goto(`${BASE}/verify`);
    await company.waitForSelector('#credential-text');
    assert.deepEqual(await company.locator('#credential-text').evaluate((el) => [getComputedStyle(el).textTransform, getComputedStyle(el).letterSpacing]), ['none', 'normal']);
    await fitsPhone(company, 'the credential check');
    assert.deepEqual(company.errors, []);
    await company.context().close();
  });
}

for (const lang of ['en', 'fi']) {
  test(`feedback (${lang}): in a trial its name, the company and the time left stay in view; Back shows the trial`, async () => {
    const T = {
      en: {
        submit: 'Submit', start: 'Start the trial', left: /Time left: 2\d:/, by: 'A trial of sari', help: 'I need help',
        about: '2 exercises to solve in 30 minutes', shared: 'What sari will see', code: 'the code you send in these exercises',
        results: "your results in this trial's exercises",
      },
      fi: {
        submit: 'Lähetä', start: 'Aloita koe', left: /Aikaa jäljellä: 2\d:/, by: 'Yrityksen sari koe', help: 'Tarvitsen apua',
        about: '2 tehtävää, aikaa 30 minuuttia', shared: 'Mitä sari näkee', code: 'koodin, jonka lähetät näihin tehtäviin',
        results: 'tuloksesi kokeen tehtävistä',
      },
    }[lang];
    const company = await newPage(browser, { lang: 'en' });
    await login(company, 'sari', 'sari-demo');
    await company.getByRole('link', { name: 'Trials' }).click();
    const title = `Trial ${lang} ${Date.now().toString(36)}`;
    await company.fill('#trial-title', title);
    await company.fill('#trial-minutes', '30');
    await company.fill('#trial-filter', 'hello');
    await company.locator('.pick-list input[value="hello"]').check();
    await company.fill('#trial-filter', 'greeting');
    await company.locator('.pick-list input[value="greeting"]').check();
    await company.getByRole('button', { name: 'Create the trial' }).click();
    await company.waitForURL(/\/trials\/\d+$/);
    const resultsUrl = company.url();
    await company.goto(`${BASE}/trials`);
    const invite = await company.locator('.trial-card', { hasText: title }).locator('input').inputValue();

    const candidate = await newPage(browser, { lang });
    await login(candidate, 'yusuf', 'yusuf-demo', lang);
    await candidate.goto(invite);
    // Before it starts: what the trial is, how long it takes and what the company will see.
    await candidate.getByRole('button', { name: T.start }).waitFor();
    const landing = await candidate.textContent('main');
    for (const words of [title, T.by, T.about, T.shared, T.results, T.code]) assert.ok(landing.includes(words), `${words} in: ${landing}`);
    assert.equal(await candidate.getByRole('timer').count(), 0, 'nothing has started yet');
    await checkA11y(candidate, `trial-landing-${lang}`);
    await candidate.getByRole('button', { name: T.start }).click();
    await candidate.getByRole('timer').waitFor();
    await candidate.locator('.card-list a[href*="/exercises/hello"]').click();
    await candidate.waitForSelector('.cm-content');
    const banner = candidate.locator('.trial-banner');
    assert.match(await banner.textContent(), new RegExp(title));
    assert.ok((await banner.textContent()).includes(T.by));
    assert.match(await banner.getByRole('timer').textContent(), T.left);
    assert.equal(await candidate.getByRole('button', { name: T.help }).count(), 0, 'no help button in a company trial');
    await candidate.selectOption('#language-select', 'python');
    await setCode(candidate, 'name = input().strip()\nprint(f"Hello, {name}!")\n');
    await candidate.getByRole('button', { name: T.submit, exact: true }).click();
    assert.equal(await finalVerdict(candidate), 'accepted');
    await candidate.goBack();
    await candidate.getByRole('timer').waitFor();
    assert.equal(await candidate.getByRole('button', { name: T.start }).count(), 0, 'Back shows the trial, not Start again');
    assert.deepEqual(candidate.errors, []);
    await candidate.context().close();
    // On another device (nothing kept in its browser) the invitation shows the running trial too.
    const other = await newPage(browser, { lang });
    await login(other, 'yusuf', 'yusuf-demo', lang);
    await other.goto(invite);
    assert.match(await other.getByRole('timer').textContent(), T.left);
    assert.equal(await other.getByRole('button', { name: T.start }).count(), 0, 'the running trial, not Start again');
    await other.context().close();

    // The total is on a common scale: one of two exercises solved in full is 50 %.
    await company.goto(resultsUrl);
    const row = company.locator('.trial-table tr[data-username="yusuf"]');
    await row.waitFor();
    assert.equal((await row.locator('td').last().textContent()).trim(), '50 %');
    assert.match(await row.locator('td').nth(1).textContent(), /^100 %/);
    assert.ok((await company.locator('.trial-table thead').textContent()).includes('% of the maximum'));
    // The CSV is on the same scale, named in its header.
    const csv = await company.evaluate(async (u) => (await fetch(u)).text(), `${BASE}/api/v1/trials/${resultsUrl.split('/').pop()}/results.csv`);
    const [head, ...rows] = csv.trim().split('\r\n');
    assert.equal(head, 'candidate,username,opened_at,ends_at,hello (% of max),greeting (% of max),total (mean % of max)');
    assert.match(rows.find((r) => r.includes(',yusuf,')) ?? '', /,100,0,50$/);
    await company.context().close();
  });
}

for (const [lang, basics, crumb] of [['en', 'Track: Basics', /Basics · Tier 1/], ['fi', 'Polku: Perusteet', /Perusteet · Taso 1/]]) {
  test(`feedback (${lang}): track names in the user's language`, async () => {
    const page = await newPage(browser, { lang });
    await login(page, 'aino', 'aino-demo', lang);
    await page.goto(`${BASE}/`);
    await page.waitForSelector('.exercise-card');
    const headings = await page.locator('section.track h2').allTextContents();
    assert.ok(headings.includes(basics), headings.join(' | '));
    assert.ok(!headings.some((h) => /: basics$/.test(h)), headings.join(' | '));
    await page.goto(`${BASE}/exercises/hello`);
    await page.waitForSelector('.crumbs');
    assert.match(await page.textContent('.crumbs'), crumb);
    await page.context().close();
  });
}
