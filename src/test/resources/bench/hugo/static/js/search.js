// Pagefind's stock UI (pagefind-ui.js, written by `pagefind --site`), from a file rather than inline.
window.addEventListener('DOMContentLoaded', () => new PagefindUI({ element: '#search', showSubResults: false }));
