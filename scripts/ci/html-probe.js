// Measures the report loaded in the probe page's iframe: sideways overflow, text drawn over other text,
// and text squeezed into columns narrower than 120 px. Writes one line "RESULT {json}" into #result,
// which `chromium --dump-dom` prints. Used by scripts/ci/html.
function measure(frame) {
  const d = frame.contentDocument;
  const width = frame.clientWidth;
  const bottom = d.body.getBoundingClientRect().bottom + parseFloat(getComputedStyle(d.body).marginBottom);
  const r = { width, scrollWidth: d.documentElement.scrollWidth, height: Math.ceil(bottom) };
  const boxes = [];
  const squeezed = [];
  const walker = d.createTreeWalker(d.body, NodeFilter.SHOW_TEXT);
  let node, id = 0;
  while ((node = walker.nextNode())) {
    const text = node.textContent.trim();
    if (!text || node.parentElement.closest('svg, title, style')) continue;
    const range = d.createRange();
    range.selectNodeContents(node);
    const lines = [...range.getClientRects()].filter(b => b.width > 0 && b.height > 0);
    for (const b of lines) boxes.push({ id, b, t: text.slice(0, 40) });
    let block = node.parentElement;
    while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
    if (lines.length > 1 && block && block.getBoundingClientRect().width < 120) {
      squeezed.push(text.slice(0, 40) + ' @' + Math.round(block.getBoundingClientRect().width) + 'px');
    }
    id++;
  }
  for (const t of d.querySelectorAll('svg text')) {
    const b = t.getBoundingClientRect();
    if (b.width > 0) boxes.push({ id: id++, b, t: t.textContent.slice(0, 40) });
  }
  for (const cell of d.querySelectorAll('td:not(.n), th:not(.n)')) {
    const w = cell.getBoundingClientRect().width;
    if (w < 120) squeezed.push('table cell "' + cell.textContent.trim().slice(0, 30) + '" @' + Math.round(w) + 'px');
  }
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.id === b.id) continue;
      const ix = Math.min(a.b.right, b.b.right) - Math.max(a.b.left, b.b.left);
      const iy = Math.min(a.b.bottom, b.b.bottom) - Math.max(a.b.top, b.b.top);
      if (ix > 1 && iy > 0.3 * Math.min(a.b.height, b.b.height)) overlaps.push(a.t + ' / ' + b.t);
    }
  }
  const beyond = [...d.body.querySelectorAll('*')]
    .filter(e => e.getBoundingClientRect().right > width + 0.5)
    .map(e => e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined ? '.' + e.className : ''));
  Object.assign(r, { texts: boxes.length, overlaps, squeezed, beyond: beyond.slice(0, 10) });
  return r;
}
const frame = document.getElementById('report');
frame.addEventListener('load', () => {
  let result;
  try { result = measure(frame); } catch (e) { result = { error: String(e) }; }
  document.getElementById('result').textContent = 'RESULT ' + JSON.stringify(result);
});
