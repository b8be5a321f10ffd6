/* global document, window, location -- runs in the browser; the lint config assumes Node. */
// Wires the demo page together. It lives in its own file so that the page runs under a
// Content-Security-Policy without 'unsafe-inline'.
const reader = document.querySelector("rs-lesson");
const language = document.querySelector("#language");
// Empty when the demo server has no embed key: then nobody can sign in.
const tokenEndpoint = document.currentScript?.dataset.tokenEndpoint;
// `?employee=…` picks the demo employee, so that several can try the page (and tests stay apart).
const employee = new URLSearchParams(location.search).get("employee");
// The HR page signs its reader in as an analyst (data-role="analyst"); the other pages as an employee.
const role = document.currentScript?.dataset.role;

// The token comes from the intranet's own backend, which knows who is signed in; the widget
// calls this whenever it needs a token, and once more when the API turns one down.
async function getToken() {
  const response = await fetch(tokenEndpoint, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ ...(employee ? { subject: employee } : {}), ...(role ? { role } : {}) }),
  });
  if (!response.ok) throw new Error(`The token endpoint answered ${response.status}`);
  const { token } = await response.json();
  return token;
}

if (tokenEndpoint) window.RealSkills?.configure({ getToken });

// <rs-library> announces each opened lesson; the aside shows the same lesson.
document.addEventListener("rs-lesson-open", (event) => {
  reader?.setAttribute("slug", event.detail.slug);
});

document.addEventListener("rs-error", (event) => {
  console.warn(`Real Skills: ${event.detail.code}: ${event.detail.message}`);
});

// A finished assessment belongs in the history: a fresh element loads it again.
document.addEventListener("rs-complete", () => {
  const history = document.querySelector("rs-history");
  history?.replaceWith(history.cloneNode());
});

// A page-wide language switch, through the same configure() a customer would call.
language?.addEventListener("change", () => {
  window.RealSkills?.configure({ locale: language.value || undefined });
});
