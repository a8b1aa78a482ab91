// The messages of the board, kept in memory. Each function answers [HTTP status, JSON value];
// server.js sends it. The rules are in the exercise's statement.
const board = new Map(); // id -> {id, author, text, replies: [{author, text}]}
let nextId = 1;

// GET /api/messages: [200, the messages, newest first, each with its number of replies].
function list() {
  throw new Error('not implemented');
}

// GET /api/messages/ID: [200, the message with its replies], or [404, {error}].
function get(id) {
  throw new Error('not implemented');
}

// POST /api/messages: [201, the new message], or [400, {error}].
function post(body) {
  throw new Error('not implemented');
}

// POST /api/messages/ID/replies: [201, the reply], [400, {error}] or [404, {error}].
function reply(id, body) {
  throw new Error('not implemented');
}

module.exports = {list, get, post, reply};
