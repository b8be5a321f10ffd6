/* global document, window -- runs in the browser; the workspace lint config assumes Node. */
// Wires the demo page together. It lives in its own file so that the page runs under a
// Content-Security-Policy without 'unsafe-inline'.
const reader = document.querySelector("rs-lesson");
const language = document.querySelector("#language");

// <rs-library> announces each opened lesson; the aside shows the same lesson.
document.addEventListener("rs-lesson-open", (event) => {
  reader?.setAttribute("slug", event.detail.slug);
});

document.addEventListener("rs-error", (event) => {
  console.warn(`Real Skills: ${event.detail.code}: ${event.detail.message}`);
});

// A page-wide language switch, through the same configure() a customer would call.
language?.addEventListener("change", () => {
  window.RealSkills?.configure({ locale: language.value || undefined });
});
