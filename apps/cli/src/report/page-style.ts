// The page's stylesheet, inlined: the report is one file that opens from disk.
export const PAGE_STYLE = `
:root{--explicit:#c62828;--suggestive:#ef6c00;--sfw:#2e7d32;--failed:#5d4037;--ink:#1d2329;--mute:#5f6b76;--line:#dde2e7;--focus:#1565c0;
font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);background:#f6f7f9}
body{margin:0}
header{padding:16px 20px 8px;background:#fff;border-bottom:1px solid var(--line)}
h1{font-size:20px;margin:0 0 2px}
h1 .src{font-weight:400;color:var(--mute);font-size:15px}
.gen{margin:0 0 12px;color:var(--mute);font-size:12px}
.filters{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:10px}
.f{display:flex;align-items:baseline;gap:6px;padding:6px 12px;border:2px solid var(--c);border-radius:8px;background:#fff;color:var(--ink);font:inherit;cursor:pointer}
.f .count{font-size:22px;font-weight:700;color:var(--c)}
.f[aria-pressed=false]{opacity:.45;border-style:dashed}
.f:focus-visible,button:focus-visible,input:focus-visible,a:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.explicit{--c:var(--explicit)}.suggestive{--c:var(--suggestive)}.sfw{--c:var(--sfw)}.failed{--c:var(--failed)}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0 0 8px;font-size:13px}
.facts dt{color:var(--mute)}.facts dd{margin:0}
.note{color:var(--mute)}
.warn{margin:8px 0;padding:8px 12px;border-left:4px solid var(--explicit);background:#fdecea;font-size:13px}
.warn p{margin:2px 0}
.controls{display:flex;flex-wrap:wrap;align-items:center;gap:14px;margin-top:8px}
#q{width:min(420px,60vw);padding:6px 10px;font:inherit;border:1px solid #aab4be;border-radius:6px}
#shown{color:var(--mute)}
.legend{display:flex;gap:12px;font-size:12px;color:var(--mute);align-items:center}
.legend i{display:inline-block;width:14px;height:12px;vertical-align:middle;margin-right:4px;border-radius:2px}
.cols,.v{display:grid;grid-template-columns:136px minmax(180px,1.3fr) 64px 92px 56px 56px minmax(260px,2.4fr);gap:0 12px;align-items:center}
.cols{position:sticky;top:0;z-index:2;padding:6px 20px;background:#eef1f4;border-bottom:1px solid var(--line);font-size:12px;color:var(--mute)}
.cols button{font:inherit;color:inherit;background:none;border:0;padding:2px 0;cursor:pointer;text-align:left}
.cols button[aria-pressed=true]{color:var(--ink);font-weight:600}
.cols .num,.v .num{text-align:right}
.cols .num button{text-align:right}
ol#videos{list-style:none;margin:0;padding:0}
.v[hidden]{display:none}
.v{padding:6px 20px;border-bottom:1px solid var(--line);background:#fff;content-visibility:auto;contain-intrinsic-size:auto 86px}
.v.explicit{box-shadow:inset 4px 0 var(--explicit)}.v.suggestive{box-shadow:inset 4px 0 var(--suggestive)}.v.failed{box-shadow:inset 4px 0 var(--failed);background:#fbf8f7}
.poster{width:128px;height:72px;display:flex;align-items:center;justify-content:center;background:#e9ecef;border-radius:4px;overflow:hidden;color:var(--mute);font-size:11px}
.poster img{display:block;max-width:128px;max-height:72px}
.poster.none{background:repeating-linear-gradient(45deg,#eceff1 0 6px,#e3e7ea 6px 12px)}
.name{min-width:0}
.path{display:block;font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:13px;overflow-wrap:anywhere}
.meta{display:block;color:var(--mute);font-size:12px}
.badge{display:inline-block;padding:2px 8px;border-radius:10px;color:#fff;background:var(--c);font-size:12px;font-weight:600}
.err{font-size:13px;overflow-wrap:anywhere}
.error-code{padding:1px 6px;border-radius:4px;background:#efe4e1;color:var(--failed);font-weight:700}
.retry{font-size:11px;color:var(--focus)}
.msg{color:var(--mute)}
.tl{min-width:0}
.track{position:relative;height:30px;background:#e4e8ec;border-radius:3px}
.sc{position:absolute;top:0;bottom:0;background:#dfe4e9}
.sc.odd{background:#c9d1d9}
.sc.gap{background:repeating-linear-gradient(135deg,#eef1f4 0 4px,#cfd6dd 4px 6px)}
.band{box-sizing:border-box;position:absolute;top:0;bottom:0;min-width:2px;background:rgba(198,40,40,.28);border-left:1px solid var(--explicit);border-right:1px solid var(--explicit)}
.tick{position:absolute;top:0;bottom:0;width:11px;margin-left:-5.5px;cursor:default;z-index:1}
.tick::before{content:"";position:absolute;left:4px;width:3px;bottom:0;height:var(--h);background:var(--c);border-radius:1px}
.tick.explicit{--c:var(--explicit)}.tick.suggestive{--c:var(--suggestive)}.tick.sfw{--c:var(--sfw)}
.tick.p::after{content:"";position:absolute;left:1.5px;top:-7px;border:4px solid transparent;border-top-color:var(--focus)}
.tick:hover::before,.tick:focus::before{left:3px;width:5px}
.tick:focus{outline:2px solid var(--focus);outline-offset:1px}
.axis{display:flex;justify-content:space-between;font-size:10px;color:var(--mute)}
#tip{position:absolute;z-index:5;padding:4px 8px;border-radius:4px;background:#1d2329;color:#fff;font-size:12px;pointer-events:none;white-space:nowrap}
.empty{padding:40px 20px;color:var(--mute)}
@media (max-width:900px){.cols{display:none}.v{grid-template-columns:136px 1fr;gap:4px 12px}.tl,.err{grid-column:1/-1}}
`;
