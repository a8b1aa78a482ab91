// The front page: shows the free turns of a day and books one with a click.
const form = document.getElementById("booking-form");
const list = document.getElementById("free");
const message = document.getElementById("message");

async function showFree() {
  const date = form.elements.date.value;
  const answer = await fetch(`/api/slots?date=${encodeURIComponent(date)}`);
  if (!answer.ok) {
    message.textContent = `The turns cannot be shown (${answer.status}).`;
    return;
  }
  const { free } = await answer.json();
  list.replaceChildren(...free.map((hour) => {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.textContent = `${hour}:00 - ${hour + 1}:00`;
    button.addEventListener("click", () => book(date, hour));
    item.append(button);
    return item;
  }));
}

async function book(date, hour) {
  const flat = form.elements.flat.value;
  const answer = await fetch("/api/bookings", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ date, hour, flat }),
  });
  message.textContent = answer.ok ? `Booked ${date} at ${hour}:00.` : `Not booked (${answer.status}).`;
  showFree();
}

document.getElementById("show").addEventListener("click", showFree);
