// Site-wide behaviour: "/" focuses the header search box, unless the reader is typing somewhere.
const input = document.querySelector('.site-search input[name="q"]');
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || !input) return;
  const target = event.target;
  if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  event.preventDefault();
  input.focus();
  input.select();
});
