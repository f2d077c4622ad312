import type { WorkshopView } from "@/lib/workshop/view";
import { PARTICIPANT_SCRIPT } from "./participant-script";

// The participant's page as plain HTML: its own small stylesheet and script, no app bundle.
// The first view is in the page (as JSON), so the question shows before the live stream opens.

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.45 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;background:#fafaf9;color:#1c1917}
header{position:sticky;top:0;display:flex;justify-content:space-between;align-items:center;gap:.5rem;padding:.75rem 1rem;background:#fff;border-bottom:1px solid #e7e5e4}
header b{color:#3f2810}#live{font-size:.875rem;color:#145e88}
main{max-width:40rem;margin:0 auto;padding:1rem}
#where{margin:0;font-size:.8rem;font-weight:600;text-transform:uppercase;letter-spacing:.04em;color:#7a4f22}
h1{margin:.25rem 0;font-size:1.4rem;color:#3f2810}#prompt{margin:0 0 1rem;font-size:1.1rem;font-weight:600}
.legend{font-weight:600;margin:0 0 .5rem}
#choices{display:grid;gap:.5rem}
.choice{display:block;width:100%;min-height:3.5rem;text-align:left;padding:.75rem;border:2px solid #a8a29e;border-radius:.75rem;background:#fff;font:inherit;color:inherit;cursor:pointer}
.choice strong{display:block;font-size:1.05rem}.choice span{display:block;font-size:.9rem;color:#44403c}
.choice.chosen{border-color:#7a4f22;background:#fbf6ee;box-shadow:0 0 0 2px #7a4f22}
.choice:disabled{cursor:default;opacity:.75}
.levels{list-style:none;padding:0;margin:0}.levels .choice{cursor:default}
.choice:focus-visible{outline:3px solid #2b8fc4;outline-offset:2px}
#status{margin:1rem 0 .25rem;font-weight:600}#count{margin:0;color:#57534e;font-size:.9rem}#timer{font-weight:700;color:#145e88;font-variant-numeric:tabular-nums}
.bars{list-style:none;padding:0;margin:.5rem 0}.bars li{display:grid;grid-template-columns:8rem 1fr 2rem;gap:.5rem;align-items:center;margin:.25rem 0}
.bar-track{background:#e7e5e4;border-radius:.25rem;height:1rem;overflow:hidden}.bar{display:block;height:100%;background:#145e88}.bar-n{text-align:right;font-variant-numeric:tabular-nums}
h2{font-size:1.1rem;margin:1.25rem 0 .25rem}
`;

/** JSON inside a script element: "<" escaped, so no text can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

/** `watching`: joined only to watch, so the page shows the levels and the result and takes no vote. */
export function participantPage(view: WorkshopView, watching = false): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Workshop · Stave</title>
<style>${STYLE}</style>
</head>
<body${watching ? " data-watching" : ""}>
<header><b>Stave workshop</b><span id="timer" aria-hidden="true"></span><span id="live" role="status">Live</span></header>
<main>
<p id="where"></p>
<h1 id="title"></h1>
<p id="prompt"></p>
${watching ? `<h2 class="legend">The levels</h2><ol id="choices" class="levels"></ol>` : `<div role="radiogroup" aria-labelledby="vote-label"><p id="vote-label" class="legend">Your vote</p><div id="choices"></div></div>`}
<p id="status" role="status" aria-live="polite"></p>
<p id="count"></p>
<section id="result" aria-live="polite"></section>
<noscript><p>This page needs JavaScript to send your vote.</p></noscript>
</main>
<script type="application/json" id="initial-view">${scriptJson(view)}</script>
<script>${PARTICIPANT_SCRIPT}</script>
</body>
</html>`;
}
