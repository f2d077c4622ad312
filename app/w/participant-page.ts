import type { WorkshopView } from "@/lib/workshop/view";
import { PARTICIPANT_SCRIPT } from "./participant-script";

// The participant's page as plain HTML: its own small stylesheet and script, no app bundle.
// The first view is in the page (as JSON), so the question shows before the live stream opens.
// The bar at the top is the one place the phone's state is told (colour and words, always in
// view): what happened to the vote, the reveal, the timer, the connection, the end.

const STYLE = `
*{box-sizing:border-box}html{scroll-padding-top:6rem}body{margin:0;font:16px/1.45 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;background:#fafaf9;color:#1c1917}
header{position:sticky;top:0;z-index:1}
#bar{display:grid;grid-template-columns:1fr auto;align-items:baseline;gap:0 .75rem;padding:.6rem 1rem .55rem;border-bottom:4px solid #a8a29e;background:#fff;color:#1c1917}
#state{margin:0;font-size:1.2rem;font-weight:700;line-height:1.3}
#state::before{font-weight:700;margin-right:.35rem}
#timer{font-size:1.2rem;font-weight:700;font-variant-numeric:tabular-nums;white-space:nowrap}
#detail{grid-column:1/-1;margin:.1rem 0 0;font-size:.95rem;line-height:1.35}#count{white-space:nowrap;font-weight:600}
#bar[data-state=sending]{background:#fef3c7;color:#713f12;border-color:#d97706}#bar[data-state=sending] #state::before{content:"\\2191"}
#bar[data-state=saved]{background:#dcfce7;color:#14532d;border-color:#16a34a}#bar[data-state=saved] #state::before{content:"\\2713"}
#bar[data-state=refused]{background:#fee2e2;color:#7f1d1d;border-color:#dc2626}#bar[data-state=refused] #state::before{content:"\\2715"}
#bar[data-state=revealed]{background:#e0f2fe;color:#0c4a6e;border-color:#0284c7}
#bar[data-state=timeup]{background:#ffedd5;color:#7c2d12;border-color:#ea580c}
#bar[data-state=offline]{background:#fef9c3;color:#713f12;border-color:#ca8a04}#bar[data-state=offline] #state::before{content:"\\21BB"}
#bar[data-state=paused]{background:#e7e5e4;color:#292524;border-color:#78716c}
#bar[data-state=ended]{background:#292524;color:#fafaf9;border-color:#0c0a09}
main{max-width:40rem;margin:0 auto;padding:1rem}
#where{margin:0;font-size:.8rem;font-weight:600;text-transform:uppercase;letter-spacing:.04em;color:#7a4f22}
h1{margin:.25rem 0;font-size:1.4rem;color:#3f2810}#prompt{margin:0 0 1rem;font-size:1.1rem;font-weight:600}
.legend{font-weight:600;margin:0 0 .5rem}
#choices{display:grid;gap:.5rem}
.choice{display:block;width:100%;min-height:3.5rem;text-align:left;padding:.75rem;border:2px solid #a8a29e;border-radius:.75rem;background:#fff;font:inherit;color:inherit;cursor:pointer}
.choice strong{display:block;font-size:1.05rem}.choice span{display:block;font-size:.9rem;color:#44403c}
.choice.chosen{border-color:#7a4f22;background:#fbf6ee;box-shadow:0 0 0 2px #7a4f22}
.choice:disabled{cursor:default;color:#44403c}
#choices.compact{grid-template-columns:repeat(auto-fill,minmax(9rem,1fr));gap:.4rem}#choices.compact .choice{min-height:0;padding:.4rem .6rem}#choices.compact .choice span{display:none}#choices.compact .choice strong{font-size:.95rem}
.levels{list-style:none;padding:0;margin:0}.levels .choice{cursor:default}
.choice:focus-visible{outline:3px solid #2b8fc4;outline-offset:2px}
#result:not(:empty){margin:0 0 1.25rem;padding:.75rem 1rem;border:2px solid #0284c7;border-radius:.75rem;background:#fff}
#result h2{font-size:1.1rem;margin:0 0 .25rem}#result p{margin:.25rem 0 0;font-weight:600}
.bars{list-style:none;padding:0;margin:.5rem 0}.bars li{display:grid;grid-template-columns:minmax(0,8rem) 1fr 2rem;gap:.5rem;align-items:center;margin:.25rem 0}
.bar-track{background:#e7e5e4;border-radius:.25rem;height:1rem;overflow:hidden}.bar{display:block;height:100%;background:#145e88}.bar-n{text-align:right;font-variant-numeric:tabular-nums}
.mine{font-weight:700}
#ended h1{font-size:1.6rem}#ended p{font-size:1.1rem}
`;

/** JSON inside a script element: "<" escaped, so no text can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

const ENDED_TITLE = "This workshop has ended";
const ENDED = `<h1>${ENDED_TITLE}</h1><p>Thank you for taking part. Your votes are with the facilitator: there is nothing more to do here, and you can close this page.</p>`;

function shell(body: string, { watching = false, state = "voting", text = "", hint = "" } = {}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Workshop · Stave</title>
<style>${STYLE}</style>
</head>
<body${watching ? " data-watching" : ""}>
<header><div id="bar" role="status" data-state="${state}"><p id="state">${text}</p><span id="timer" aria-hidden="true"></span><p id="detail"><span id="hint">${hint}</span> <span id="count"></span></p></div></header>
<main>
${body}
</main>
</body>
</html>`;
}

/** `watching`: joined only to watch, so the page shows the levels and the result and takes no vote. */
export function participantPage(view: WorkshopView, watching = false): string {
  const choices = watching
    ? `<h2 class="legend">The levels</h2><ol id="choices" class="levels"></ol>`
    : `<div role="radiogroup" aria-labelledby="vote-label"><p id="vote-label" class="legend">Your vote</p><div id="choices"></div></div>`;
  return shell(
    `<div id="question">
<p id="where"></p>
<h1 id="title"></h1>
<p id="prompt"></p>
<section id="result" aria-label="How the room voted"></section>
${choices}
<noscript><p>This page needs JavaScript to send your vote.</p></noscript>
</div>
<div id="ended" hidden>${ENDED}</div>
<script type="application/json" id="initial-view">${scriptJson(view)}</script>
<script>${PARTICIPANT_SCRIPT}</script>`,
    { watching, text: "Connecting…" },
  );
}

/** What a phone shows once its workshop has ended, reloaded or opened again: no question, no vote. */
export function endedPage(): string {
  return shell(`<div id="ended">${ENDED}</div>`, { state: "ended", text: "Workshop ended", hint: "Thank you!" });
}
