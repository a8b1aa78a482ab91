// A tiny in-memory stand-in for `koodikoe serve`, for looking at the UI while
// developing it (node dev/mock-server.mjs [port]). The committed browser tests
// never use it: they run against the real server.
// Fake judge: a source containing "#ok" passes every test, "#ce" fails to
// compile, "#tle" runs too long on the second test; anything else passes test 1 only.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { spawnSync } from 'node:child_process';

const port = Number(process.argv[2] ?? 8080);
const dist = path.resolve(new URL('.', import.meta.url).pathname, '../../../web/ui/dist');
const users = { aino: ['aino-demo', 'candidate'], yusuf: ['yusuf-demo', 'candidate'], mikko: ['mikko-demo', 'trainer'] };
const sessions = new Map();
const prefs = { aino: { language: 'fi', nickname: 'Aino' }, yusuf: { language: 'en', nickname: null }, mikko: { language: 'fi', nickname: null } };
const exercises = [
  { id: 'hello', title: 'Hello', titles: { en: 'Hello', fi: 'Hei' }, track: 'basics', tier: 1, kind: 'batch', languages: ['python', 'c', 'cpp', 'java', 'javascript', 'rust'], skills: ['output'],
    statement: { en: '# Hello\n\nPrint `Hello, World!`.\n\n<script>alert(1)</script>', fi: '# Hei\n\nTulosta `Hello, World!`.' }, samples: [{ name: '1', input: '', output: 'Hello, World!\n' }] },
  { id: 'square', title: 'Square', titles: { en: 'Square', fi: 'Neliö' }, track: 'basics', tier: 1, kind: 'batch', languages: ['python', 'c', 'cpp', 'java', 'go', 'haskell'], skills: ['arithmetic', 'input'],
    statement: { en: 'Read an integer *n* and print *n*².\n\n## Input\nOne line with *n* (|n| ≤ 10⁴).\n\n## Output\nThe square.', fi: 'Lue kokonaisluku *n* ja tulosta *n*².\n\n## Syöte\nYksi rivi, jolla *n*.\n\n## Tuloste\nNeliö.' },
    samples: [{ name: '1', input: '3\n', output: '9\n' }, { name: '2', input: '-4\n', output: '16\n' }] },
  { id: 'sum-loop', title: 'Sum of numbers', titles: { en: 'Sum of numbers', fi: 'Lukujen summa' }, track: 'basics', tier: 2, kind: 'batch', languages: ['python', 'c'], skills: ['loops'],
    statement: { en: 'Sum the numbers.', fi: 'Laske lukujen summa.' }, samples: [{ name: '1', input: '3\n1 2 3\n', output: '6\n' }] },
  { id: 'thermostat', title: 'Thermostat', track: 'iot', tier: 3, kind: 'iot', languages: ['c', 'cpp'], skills: ['control', 'embedded'], statement: { en: 'Keep the room warm.' }, samples: [] },
];
// The test package "hello", judged for real for Python and C sources.
const pkg = path.resolve(new URL('.', import.meta.url).pathname, '../../packages/hello');
const readCases = (dir) => fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.in')).sort().map((f) => ({ name: f.slice(0, -3), input: fs.readFileSync(path.join(dir, f), 'utf8'), output: fs.readFileSync(path.join(dir, f.slice(0, -3) + '.ans'), 'utf8') })) : [];
if (fs.existsSync(pkg)) {
  const st = (l) => { const f = path.join(pkg, 'problem_statement', `problem.${l}.md`); return fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined; };
  exercises[0] = { id: 'hello', title: 'Hello', titles: { en: 'Hello', fi: 'Hei' }, track: 'basics', tier: 1, kind: 'batch', languages: ['python', 'c', 'cpp', 'java', 'javascript', 'rust'], skills: ['input', 'output'],
    statement: { en: st('en'), fi: st('fi') }, samples: readCases(path.join(pkg, 'data/sample')), secret: readCases(path.join(pkg, 'data/secret')), real: true };
}
function realRun(language, source, input) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kkmock-'));
  try {
    if (language === 'c') {
      fs.writeFileSync(path.join(dir, 'main.c'), source);
      const c = spawnSync('gcc', ['-O2', '-o', 'main', 'main.c'], { cwd: dir, encoding: 'utf8' });
      if (c.status !== 0) return { compile: c.stderr };
      const r = spawnSync('./main', [], { cwd: dir, input, encoding: 'utf8', timeout: 2000 });
      return { out: r.stdout ?? '', code: r.status };
    }
    const r = spawnSync('python3', ['-c', source], { input, encoding: 'utf8', timeout: 2000 });
    if (r.status !== 0 && /SyntaxError/.test(r.stderr)) return { compile: r.stderr };
    return { out: r.stdout ?? '', code: r.status };
  } finally { fs.rmSync(dir, { recursive: true, force: true }); }
}

for (const e of exercises) { e.time_limit = 2; e.memory_limit_mib = 256; e.hints_released = false; e.hints = null; }
const submissions = [];
const comments = new Map();
const workshops = [{ id: 1, title: 'Maanantain työpaja', exercises: ['hello', 'square', 'sum-loop'], starts_at: new Date(Date.now() - 3600e3).toISOString(), ends_at: new Date(Date.now() + 3 * 3600e3).toISOString(), join_code: 'DEMO42', scoreboard: true, members: new Map(), help: [] }];
const listeners = new Map();

const send = (res, code, body, headers = {}) => { res.writeHead(code, { 'Content-Type': 'application/json', ...headers }); res.end(body === undefined ? '' : JSON.stringify(body)); };
const err = (res, code, error, message) => send(res, code, { error, message });
const who = (req) => { const m = /kk_session=([^;]+)/.exec(req.headers.cookie ?? ''); return m ? sessions.get(m[1]) : undefined; };
const summary = (e, u) => {
  const mine = submissions.filter((s) => s.user === u && s.exercise === e.id && s.kind === 'submission');
  const status = mine.some((s) => s.verdict === 'accepted') ? 'solved' : mine.length ? 'attempted' : 'new';
  return { id: e.id, title: e.title, titles: e.titles, track: e.track, tier: e.tier, kind: e.kind, languages: e.languages, skills: e.skills, status };
};

function judge(sub, input) {
  const ex = exercises.find((e) => e.id === sub.exercise);
  if (ex.real) return judgeReal(sub, ex, input);
  const tests = sub.kind === 'run' && input === undefined ? ex.samples.map((s) => s.name) : sub.kind === 'run' ? ['custom'] : ['1', '2', '3', '4', '5'];
  let i = 0;
  sub.status = 'judging';
  const step = () => {
    if (sub.source.includes('#ce')) {
      sub.status = 'done'; sub.verdict = 'compile_error'; sub.score = 0;
      sub.compile = { status: 'compile_error', output: "main.c: In function 'main':\nmain.c:3:5: error: expected ';' before 'return'\n    3 |     return 0\n      |     ^~~~~~" };
      return emitDone(sub);
    }
    if (i < tests.length) {
      const name = tests[i];
      const ok = sub.source.includes('#ok') || (i === 0 && !sub.source.includes('#tle'));
      const verdict = input !== undefined ? 'ok' : ok ? 'accepted' : sub.source.includes('#tle') && i === 1 ? 'time_limit_exceeded' : 'wrong_answer';
      const out = input !== undefined ? `you typed: ${input}` : ok ? ex.samples[i]?.output ?? '' : 'something else\n';
      const test = { name, group: sub.kind === 'run' ? 'sample' : 'secret', verdict: input !== undefined ? 'ok' : verdict, score: ok ? 1 : 0, cpu_ms: 12 + i * 7, wall_ms: 20 + i * 9, memory_kib: 3400,
        feedback: ok ? '' : 'line 1: expected "9", got "something"', output: sub.kind === 'run' ? out : undefined };
      sub.tests.push(test);
      i++;
      for (const l of listeners.get(String(sub.id)) ?? []) l.write(`event: progress\ndata: ${JSON.stringify({ done: i, total: tests.length, test })}\n\n`);
      setTimeout(step, 450);
    } else {
      sub.status = 'done';
      sub.verdict = input !== undefined ? null : sub.tests.find((t) => t.verdict !== 'accepted')?.verdict ?? 'accepted';
      sub.score = sub.tests.filter((t) => t.verdict === 'accepted').length * 20;
      sub.max_score = input !== undefined ? null : 100;
      if (input !== undefined) sub.output = `you typed: ${input}`;
      sub.compile = { status: 'ok', output: '' };
      emitDone(sub);
    }
  };
  setTimeout(step, 600);
}
function judgeReal(sub, ex, input) {
  const cases = input !== undefined ? [{ name: 'custom', input, output: '' }] : sub.kind === 'run' ? ex.samples : ex.secret;
  let i = 0;
  const step = () => {
    sub.status = 'judging';
    if (i < cases.length) {
      const c = cases[i];
      const r = realRun(sub.language, sub.source, c.input);
      if (r.compile) { sub.status = 'done'; sub.verdict = 'compile_error'; sub.score = 0; sub.compile = { status: 'compile_error', output: r.compile }; return emitDone(sub); }
      const verdict = input !== undefined ? 'ok' : r.code !== 0 ? 'run_time_error' : r.out.trim() === c.output.trim() ? 'accepted' : 'wrong_answer';
      const test = { name: c.name, group: sub.kind === 'run' ? 'sample' : 'secret', verdict, score: verdict === 'accepted' ? 1 : 0, cpu_ms: 9, wall_ms: 15, memory_kib: 7800, feedback: verdict === 'wrong_answer' ? 'The first line differs.' : '', output: sub.kind === 'run' ? r.out : undefined };
      sub.tests.push(test); i++;
      for (const l of listeners.get(String(sub.id)) ?? []) l.write(`event: progress\ndata: ${JSON.stringify({ done: i, total: cases.length, test })}\n\n`);
      return setTimeout(step, 250);
    }
    sub.status = 'done';
    sub.verdict = input !== undefined ? null : sub.tests.find((t) => t.verdict !== 'accepted')?.verdict ?? 'accepted';
    sub.score = sub.tests.filter((t) => t.verdict === 'accepted').length;
    sub.max_score = cases.length;
    if (input !== undefined) sub.output = sub.tests[0].output;
    sub.compile = { status: 'ok', output: '' };
    emitDone(sub);
  };
  setTimeout(step, 300);
}

function emitDone(sub) {
  for (const l of listeners.get(String(sub.id)) ?? []) { l.write(`event: done\ndata: ${JSON.stringify(sub)}\n\n`); l.end(); }
  listeners.delete(String(sub.id));
}

async function body(req) { let s = ''; for await (const c of req) s += c; try { return s ? JSON.parse(s) : {}; } catch { return {}; } }

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  const p = url.pathname;
  const m = (re) => re.exec(p);
  if (p === '/healthz') return send(res, 200, { status: 'ok' });
  if (!p.startsWith('/api/')) {
    let file = path.join(dist, p);
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(dist, 'index.html');
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
    res.writeHead(200, { 'Content-Type': type }); return fs.createReadStream(file).pipe(res);
  }
  if (p === '/api/v1/session' && req.method === 'POST') {
    const b = await body(req);
    const u = users[b.username];
    if (!u || u[0] !== b.password) return err(res, 401, 'bad_credentials', 'Wrong username or password.');
    const tok = Math.random().toString(36).slice(2);
    sessions.set(tok, b.username);
    return send(res, 200, { token: tok, role: u[1], username: b.username, csrf: 'c' + tok }, { 'Set-Cookie': [`kk_session=${tok}; Path=/; HttpOnly; SameSite=Strict`, `kk_csrf=c${tok}; Path=/; SameSite=Strict`] });
  }
  const u = who(req);
  if (!u) return err(res, 401, 'unauthenticated', 'Log in first.');
  if (req.method !== 'GET' && req.headers['x-csrf-token'] !== 'c' + /kk_session=([^;]+)/.exec(req.headers.cookie)[1]) return err(res, 403, 'csrf', 'Missing CSRF token.');
  const role = users[u][1];
  let g;
  if (p === '/api/v1/session' && req.method === 'DELETE') return send(res, 200, {}, { 'Set-Cookie': 'kk_session=; Path=/; Max-Age=0' });
  if (p === '/api/v1/me' && req.method === 'GET') return send(res, 200, { username: u, role, ...prefs[u] });
  if (p === '/api/v1/me' && req.method === 'PUT') { Object.assign(prefs[u], await body(req)); return send(res, 200, { username: u, role, ...prefs[u] }); }
  if (p === '/api/v1/exercises') return send(res, 200, exercises.map((e) => summary(e, u)));
  if ((g = m(/^\/api\/v1\/exercises\/([^/]+)$/))) {
    const e = exercises.find((x) => x.id === g[1]); if (!e) return err(res, 404, 'not_found', 'No such exercise.');
    const { secret, real, ...shown } = e;
    return send(res, 200, { ...shown, ...summary(e, u) });
  }
  if ((p === '/api/v1/submissions' || p === '/api/v1/runs') && req.method === 'POST') {
    const b = await body(req);
    const sub = { id: submissions.length + 1, exercise: b.exercise, user: u, language: b.language, source: b.source, status: 'queued', verdict: null, score: null, max_score: 100, compile: null, tests: [], created_at: new Date().toISOString(), kind: p.endsWith('runs') ? 'run' : 'submission' };
    submissions.push(sub);
    for (const w of workshops) { const ws = w.members.get(u); if (ws && sub.kind === 'submission') { ws.exercise = b.exercise; ws.attempts++; ws.last = sub; } }
    judge(sub, b.input);
    return send(res, 202, { id: sub.id });
  }
  if (p === '/api/v1/submissions') return send(res, 200, submissions.filter((s) => s.user === u && s.kind === 'submission' && s.exercise === url.searchParams.get('exercise')).reverse().map(({ source, tests, ...rest }) => rest));
  if ((g = m(/^\/api\/v1\/submissions\/(\d+)$/))) return send(res, 200, submissions[g[1] - 1]);
  if ((g = m(/^\/api\/v1\/submissions\/(\d+)\/events$/))) {
    const sub = submissions[g[1] - 1];
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    if (sub.status === 'done') { res.write(`event: done\ndata: ${JSON.stringify(sub)}\n\n`); return res.end(); }
    if (!listeners.has(g[1])) listeners.set(g[1], []);
    listeners.get(g[1]).push(res); return;
  }
  if ((g = m(/^\/api\/v1\/submissions\/(\d+)\/comments$/))) {
    if (!comments.has(g[1])) comments.set(g[1], []);
    if (req.method === 'GET') return send(res, 200, comments.get(g[1]));
    const b = await body(req); const c = { id: Date.now(), line: b.line, text: b.text, author: u, role, created_at: new Date().toISOString() };
    comments.get(g[1]).push(c); return send(res, 201, c);
  }
  if (p === '/api/v1/progress') {
    const solved = exercises.filter((e) => summary(e, u).status === 'solved');
    const count = (key) => { const r = {}; for (const e of exercises) for (const k of [].concat(key(e))) { r[k] ??= { solved: 0, total: 0 }; r[k].total++; if (solved.includes(e)) r[k].solved++; } return r; };
    return send(res, 200, { solved: solved.map((e) => e.id), by_tier: count((e) => String(e.tier)), by_skill: count((e) => e.skills), by_track: count((e) => e.track) });
  }
  const pub = (w) => ({ id: w.id, title: w.title, exercises: w.exercises, starts_at: w.starts_at, ends_at: w.ends_at, scoreboard: w.scoreboard, ...(role === 'trainer' ? { join_code: w.join_code } : {}) });
  if (p === '/api/v1/workshops' && req.method === 'GET') return send(res, 200, workshops.filter((w) => role === 'trainer' || w.members.has(u)).map(pub));
  if (p === '/api/v1/workshops' && req.method === 'POST') {
    const b = await body(req); const w = { ...b, id: workshops.length + 1, join_code: 'K' + Math.random().toString(36).slice(2, 7).toUpperCase(), members: new Map(), help: [] };
    workshops.push(w); return send(res, 201, { id: w.id, join_code: w.join_code });
  }
  if (p === '/api/v1/workshops/join') {
    const b = await body(req); const w = workshops.find((x) => x.join_code === b.code);
    if (!w) return err(res, 404, 'not_found', 'No workshop has that code. Check it and try again.');
    w.members.set(u, { nickname: b.nickname, exercise: null, attempts: 0, last: null, joined: Date.now() }); prefs[u].nickname = b.nickname;
    return send(res, 200, { id: w.id });
  }
  if ((g = m(/^\/api\/v1\/workshops\/(\d+)(\/.*)?$/))) {
    const w = workshops[g[1] - 1]; if (!w) return err(res, 404, 'not_found', 'No such workshop.');
    const rest = g[2] ?? '';
    if (rest === '') return send(res, 200, pub(w));
    if (rest === '/live') {
      const participants = [...w.members.entries()].map(([name, x]) => ({ username: name, nickname: x.nickname, exercise: x.exercise, attempts: x.attempts, last_verdict: x.last?.verdict ?? null,
        last_submission_at: x.last?.created_at ?? null, minutes_on_exercise: Math.floor((Date.now() - x.joined) / 60000), needs_help: w.help.some((h) => h.username === name && !h.answered), last_submission_id: x.last?.id ?? null }));
      participants.push({ username: 'demo-stuck', nickname: 'Pekka', exercise: 'square', attempts: 6, last_verdict: 'wrong_answer', last_submission_at: new Date(Date.now() - 22 * 60e3).toISOString(), minutes_on_exercise: 31, needs_help: false });
      const heatmap = [{ exercise: 'square', test: '1', failures: 0 }, { exercise: 'square', test: '2', failures: 5 }, { exercise: 'square', test: '3', failures: 2 }, { exercise: 'square', test: '4', failures: 9 }, { exercise: 'hello', test: '1', failures: 1 }];
      return send(res, 200, { participants, heatmap, help: w.help });
    }
    if (rest === '/help') { const b = await body(req); const h = { id: w.help.length + 1, username: u, nickname: w.members.get(u)?.nickname, exercise: b.exercise, message: b.message, created_at: new Date().toISOString(), answered: false }; w.help.push(h); return send(res, 201, { id: h.id }); }
    if ((g = /^\/help\/(\d+)\/answer$/.exec(rest))) { w.help[g[1] - 1].answered = true; return send(res, 200, {}); }
    if (rest === '/hints') { const b = await body(req); const e = exercises.find((x) => x.id === b.exercise); e.hints_released = true; e.hints = { en: 'Multiply the number by itself.', fi: 'Kerro luku itsellään.' }; return send(res, 200, {}); }
    if (rest === '/extra-time') return send(res, 200, {});
    if (rest === '/scoreboard') return send(res, 200, [...w.members.values()].map((x) => ({ nickname: x.nickname, solved: 1, score: 100 })));
  }
  err(res, 404, 'not_found', 'No such API path.');
});
server.listen(port, () => console.log(`mock koodikoe on http://localhost:${port}`));
