// Every page: "/" jumps to the search box (unless the reader is already typing somewhere).

function typing(target) {
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}

document.addEventListener('keydown', (ev) => {
  if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey || typing(ev.target)) return;
  const box = document.querySelector('#search-q') || document.querySelector('form.site-search input[name="q"]');
  if (!box) return;
  ev.preventDefault();
  box.focus();
  box.select();
});
