/**
 * The UI's one stylesheet and one script. The server serves them as files (so its Content-Security-Policy
 * can forbid inline code); the static report inlines them so it stays a single self-contained file.
 */
export const CSS = `
:root{--ink:#1d1d1f;--muted:#5f6368;--line:#d9d9de;--bg:#fafaf7;--card:#fff;--accent:#1f5fa8;--bad:#b3261e;--warn:#f4b400}
*{box-sizing:border-box}
body{overflow-wrap:anywhere;font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.4rem;z-index:9}
header.top{background:#14213d;color:#fff;padding:.6rem 1.5rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
header.top a{color:#fff;text-decoration:none;font-weight:700}
main{max-width:84rem;margin:auto;padding:1rem 1.5rem}
h1{font-size:1.6rem;margin:.4rem 0}h2{font-size:1.3rem;border-top:3px solid var(--ink);padding-top:.5rem;margin-top:2rem}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
.meta{color:var(--muted);font-size:.92rem}
:focus-visible{outline:3px solid var(--warn);outline-offset:2px}
.cite{display:inline-block;font-size:.75rem;background:#e8eef8;border-radius:.6rem;padding:0 .45rem;margin:0 .1rem;text-decoration:none;color:#234}
.cite:hover,.cite:focus{background:#234;color:#fff}
.panel{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:.6rem 1rem;margin:.8rem 0}
.conflicts{border-left:5px solid var(--bad);background:#fff5f4}
.conflicts li{margin:.3rem 0}
.side{display:inline-block;border:1px solid #e3b5b1;border-radius:.3rem;padding:0 .3rem;margin:.1rem}
.qgroup{border-top:1px solid var(--line);padding:.4rem 0}
.qgroup ul{margin:.2rem 0;padding-left:1.2rem}
.misquote{background:#fff4d6}.badge{font-size:.72rem;font-weight:700;padding:0 .35rem;border-radius:.3rem;background:var(--bad);color:#fff}
ins{background:#d4f7d4;text-decoration:none}del{background:#ffd6d6}
.scroll{overflow-x:auto}
table{border-collapse:collapse}
.matrix{font-size:.85rem}.matrix th,.matrix td{border:1px solid var(--line);padding:.25rem .45rem}
.matrix thead th{writing-mode:vertical-rl;transform:rotate(180deg);vertical-align:bottom;white-space:nowrap}
.matrix td.on{background:var(--accent);color:#fff;text-align:center}.matrix td.on.only{background:#7b1fa2}.matrix td.off.omitted{background:#ffe3e0}
.list th,.list td{border-bottom:1px solid var(--line);padding:.4rem .5rem;text-align:left}.list td.n{text-align:right}
.filters{display:flex;gap:.6rem;flex-wrap:wrap;align-items:end;margin:.6rem 0}.filters label{display:flex;flex-direction:column;font-size:.85rem}
input,select,button{font:inherit;padding:.3rem .5rem}
.toggles{display:flex;gap:1rem;flex-wrap:wrap;font-size:.9rem;margin:.5rem 0}
.sources{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(20rem,1fr);gap:1rem;overflow-x:auto;padding-bottom:.5rem}
.sources>.source{content-visibility:auto;contain-intrinsic-size:auto 20rem auto 60rem}
article.source{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:.7rem 1rem;font-size:.93rem}
article.source h4{margin:.1rem 0 .2rem;font-size:1rem}
.text{white-space:normal}
.ent-person{border-bottom:2px solid #8e44ad}.ent-organization{border-bottom:2px solid #16a085}.ent-place{border-bottom:2px solid #d35400}.ent-other{border-bottom:1px dotted #888}
.quote{background:#eaf3ff}.num{background:#fff0b3;font-weight:600}.date{text-decoration:underline dotted}
.hide-ent .ent{border-bottom:none}.hide-quote .quote{background:none}.hide-num .num{background:none;font-weight:inherit}
.cited.hl{outline:2px solid #e67e22;background:#ffe0b2}
.removed{display:none;margin-top:.5rem;border-top:1px dashed var(--line);color:var(--muted);font-size:.85rem}
.show-removed .removed{display:block}
.flags{color:var(--bad);font-weight:600}
svg text{font:12px system-ui,sans-serif;fill:var(--ink)}
.entities span{white-space:nowrap}
@media (max-width:700px){main{padding:.5rem}.sources{grid-auto-flow:row;grid-auto-columns:auto;overflow-x:visible}header.top span{display:none}}
main,section,.panel{min-width:0;max-width:100%}
`;

export const SCRIPT = `(function(){
function clear(){document.querySelectorAll('.hl').forEach(function(x){x.classList.remove('hl')})}
function light(e){var a=e.target.closest&&e.target.closest('a.cite');clear();if(!a||!a.dataset.k)return;
a.dataset.k.split(' ').forEach(function(k){document.querySelectorAll('[data-c~="'+k+'"]').forEach(function(x){x.classList.add('hl')})})}
document.addEventListener('mouseover',light);document.addEventListener('focusin',light);
document.querySelectorAll('input[data-toggle]').forEach(function(box){
var target=document.querySelector(box.getAttribute('data-target')||'body');
function apply(){target.classList.toggle(box.dataset.toggle,box.dataset.invert?!box.checked:box.checked)}
box.addEventListener('change',apply);apply()});
})();`;
