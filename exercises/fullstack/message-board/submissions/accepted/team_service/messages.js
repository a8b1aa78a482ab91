// The messages of the board, kept in memory. Each function answers [HTTP status, JSON value];
// server.js sends it.
const board = new Map(); // id -> {id, author, text, replies: [{author, text}]}
let nextId = 1;
const MAX_TEXT = 280;

// {author, text} of a request body, or the reason it is refused.
function checked(body) {
  if (!body || typeof body !== 'object') return {error: 'send JSON {"author", "text"}'};
  const {author, text} = body;
  if (typeof author !== 'string' || author.trim() === '') return {error: 'author is empty'};
  if (typeof text !== 'string' || text.trim() === '') return {error: 'text is empty'};
  if ([...text].length > MAX_TEXT) return {error: `text is over ${MAX_TEXT} characters`};
  return {author, text};
}

function list() {
  const newest = [...board.values()].reverse();
  return [200, newest.map((m) => ({id: m.id, author: m.author, text: m.text,
                                   replies: m.replies.length}))];
}

function get(id) {
  const message = board.get(id);
  return message ? [200, message] : [404, {error: 'not found'}];
}

function post(body) {
  const fields = checked(body);
  if (fields.error) return [400, fields];
  const message = {id: nextId++, author: fields.author, text: fields.text, replies: []};
  board.set(message.id, message);
  return [201, message];
}

function reply(id, body) {
  const message = board.get(id);
  if (!message) return [404, {error: 'not found'}];
  const fields = checked(body);
  if (fields.error) return [400, fields];
  const answer = {author: fields.author, text: fields.text};
  message.replies.push(answer);
  return [201, answer];
}

module.exports = {list, get, post, reply};
