// The front page: lists the messages and posts a new one.
const form = document.getElementById('post-form');
const list = document.getElementById('messages');

async function show() {
  const answer = await fetch('/api/messages');
  if (!answer.ok) return;
  const messages = await answer.json();
  list.replaceChildren(...messages.map((message) => {
    const item = document.createElement('li');
    item.textContent = `${message.author}: ${message.text} (${message.replies} replies)`;
    return item;
  }));
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = {author: form.elements.author.value, text: form.elements.text.value};
  await fetch('/api/messages', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(body),
  });
  form.elements.text.value = '';
  show();
});

show();
