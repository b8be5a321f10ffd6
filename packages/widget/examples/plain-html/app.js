/* global document -- runs in the browser; the lint config assumes Node. */
// The page's own module: registers the elements, configures them and listens to their events.
import { configure } from "@real-skills/widget";
// Registers every rs-* element whose name is still free. `configure` below still comes first
// for the elements' first render, which waits for this module to finish.
import "@real-skills/widget/define";

configure({
  // The API of `pnpm start`; your page names its Real Skills endpoint here.
  endpoint: "http://localhost:4000/graphql",
  // The page's own backend signs an embed token for the employee signed in to the page.
  getToken: async () => {
    const response = await fetch("/api/real-skills-token", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    if (!response.ok) throw new Error(`token endpoint: ${response.status}`);
    return (await response.json()).token;
  },
});

// A lesson opened in the library also shows in the reading pane.
document.addEventListener("rs-lesson-open", (event) => {
  document.querySelector("rs-lesson")?.setAttribute("slug", event.detail.slug);
});

document.addEventListener("rs-complete", (event) => {
  for (const { skill, score, band } of event.detail.scores) {
    console.info(`Real Skills: ${skill} ${score} (${band})`);
  }
});

document.addEventListener("rs-error", (event) => {
  console.warn(`Real Skills: ${event.detail.code}: ${event.detail.message}`);
});
