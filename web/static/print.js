// Print buttons. The Content-Security-Policy (script-src 'self') refuses inline onclick handlers, so buttons carry
// data-print and this file, served from our own origin, wires them. Without JavaScript the buttons stay hidden
// (class js-only) and the browser's own Print menu works as ever.
document.documentElement.classList.add('js');
document.addEventListener('click', function (event) {
  var button = event.target.closest ? event.target.closest('[data-print]') : null;
  if (button) { event.preventDefault(); window.print(); }
});
