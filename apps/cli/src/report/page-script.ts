// The page's script, inlined (plain ES2020, no dependencies): filters, path search, sorting,
// the frame tooltip on hover and keyboard focus, and arrow keys between a strip's frames.
// The rows are in the HTML already; the script only hides, reorders and annotates them.
export const PAGE_SCRIPT = `
(() => {
  'use strict';
  const list = document.getElementById('videos');
  const shownOut = document.getElementById('shown');
  const search = document.getElementById('q');
  const tip = document.getElementById('tip');
  const RANK = { explicit: 0, suggestive: 1, failed: 2, sfw: 3 };
  const num = (s) => (s === undefined ? null : Number(s));
  const rows = Array.from(list.children, (el) => ({
    el,
    path: el.dataset.path,
    lower: el.dataset.path.toLowerCase(),
    status: el.dataset.status,
    nsfw: num(el.dataset.nsfw),
    quality: num(el.dataset.quality),
    duration: num(el.dataset.duration),
  }));
  const visible = new Set(['explicit', 'suggestive', 'sfw', 'failed']);
  let query = '';

  function apply() {
    let n = 0;
    for (const r of rows) {
      const show = visible.has(r.status) && (query === '' || r.lower.includes(query));
      if (r.el.hidden === show) r.el.hidden = !show;
      if (show) n++;
    }
    shownOut.textContent = n + ' of ' + rows.length + ' shown';
  }

  for (const b of document.querySelectorAll('button[data-filter]')) {
    b.addEventListener('click', () => {
      const on = b.getAttribute('aria-pressed') !== 'true';
      b.setAttribute('aria-pressed', String(on));
      if (on) visible.add(b.dataset.filter);
      else visible.delete(b.dataset.filter);
      apply();
    });
  }
  search.addEventListener('input', () => {
    query = search.value.trim().toLowerCase();
    apply();
  });
  document.addEventListener('keydown', (e) => {
    const typing = e.target instanceof HTMLInputElement;
    if (e.key === '/' && !typing) {
      e.preventDefault();
      search.focus();
      search.select();
    } else if (e.key === 'Escape' && e.target === search) {
      search.value = '';
      query = '';
      apply();
    }
  });

  // Sorting: the first press of a column sorts the reviewer's way (worst first, paths A–Z),
  // the next press reverses. Rows without the value (failed ones) always go last.
  const byPath = (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const KEYS = {
    verdict: (a, b) => RANK[a.status] - RANK[b.status] || (b.nsfw ?? -1) - (a.nsfw ?? -1),
    nsfw: (a, b) => b.nsfw - a.nsfw,
    quality: (a, b) => a.quality - b.quality,
    duration: (a, b) => b.duration - a.duration,
    path: () => 0,
  };
  const FIELD = { nsfw: 'nsfw', quality: 'quality', duration: 'duration' };
  let sortKey = 'verdict';
  let reversed = false;
  function sortRows() {
    const field = FIELD[sortKey];
    const cmp = KEYS[sortKey];
    const sign = reversed ? -1 : 1;
    rows.sort((a, b) => {
      if (field) {
        const ma = a[field] === null, mb = b[field] === null;
        if (ma || mb) return ma === mb ? byPath(a, b) : ma ? 1 : -1;
      }
      return sign * (cmp(a, b) || byPath(a, b));
    });
    const frag = document.createDocumentFragment();
    for (const r of rows) frag.appendChild(r.el);
    list.appendChild(frag);
  }
  for (const b of document.querySelectorAll('button[data-sort]')) {
    b.addEventListener('click', () => {
      reversed = sortKey === b.dataset.sort ? !reversed : false;
      sortKey = b.dataset.sort;
      for (const o of document.querySelectorAll('button[data-sort]')) {
        const on = o === b;
        o.setAttribute('aria-pressed', String(on));
        o.querySelector('.dir').textContent = on ? (reversed ? ' ▲' : ' ▼') : '';
      }
      sortRows();
    });
  }

  // The tooltip: one element, placed above the tick under the pointer or with the focus.
  // A tick's data-f is "t scene nsfw suggestive quality"; its class names the verdict.
  function tipText(tick) {
    const [t, scene, nsfw, sugg, quality] = tick.dataset.f.split(' ');
    const verdict = ['explicit', 'suggestive', 'sfw'].find((v) => tick.classList.contains(v));
    return Number(t).toFixed(2) + ' s · scene ' + scene + ' · ' + verdict + ' · nsfw ' + nsfw +
      ' · suggestive ' + sugg + ' · quality ' + quality + (tick.classList.contains('p') ? ' · poster' : '');
  }
  function showTip(tick) {
    tip.textContent = tipText(tick);
    tip.hidden = false;
    const r = tick.getBoundingClientRect();
    const w = tip.offsetWidth;
    const x = Math.min(Math.max(4, r.left + r.width / 2 - w / 2), document.documentElement.clientWidth - w - 4);
    tip.style.left = x + window.scrollX + 'px';
    tip.style.top = r.top + window.scrollY - tip.offsetHeight - 8 + 'px';
  }
  const tickOf = (t) => (t instanceof Element ? t.closest('.tick') : null);
  list.addEventListener('pointerover', (e) => {
    const t = tickOf(e.target);
    if (t) showTip(t);
  });
  list.addEventListener('pointerout', (e) => {
    if (tickOf(e.target) && document.activeElement !== tickOf(e.target)) tip.hidden = true;
  });
  list.addEventListener('focusin', (e) => {
    const t = tickOf(e.target);
    if (!t) return;
    if (!t.hasAttribute('aria-label')) t.setAttribute('aria-label', 'frame at ' + tipText(t));
    showTip(t);
  });
  list.addEventListener('focusout', (e) => {
    if (tickOf(e.target)) tip.hidden = true;
  });
  // One tab stop per strip; the arrow keys, Home and End move between its frames.
  list.addEventListener('keydown', (e) => {
    const t = tickOf(e.target);
    if (!t) return;
    const ticks = Array.from(t.parentElement.querySelectorAll('.tick'));
    const i = ticks.indexOf(t);
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: ticks.length - 1 }[e.key];
    if (to === undefined || !ticks[to]) return;
    e.preventDefault();
    t.tabIndex = -1;
    ticks[to].tabIndex = 0;
    ticks[to].focus();
  });
  apply();
})();
`;
