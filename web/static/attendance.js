// The running count of members marked present, under the attendance list, as the leader taps. Without JavaScript
// the count shows what the page was opened with (all present, or as saved) and the saved session counts anyway.
(function () {
  var output = document.getElementById('present-count');
  if (!output) return;
  var form = output.closest('form');
  function update() {
    var present = form.querySelectorAll('.marks input[type=radio][value=present]:checked').length;
    output.innerHTML = '';
    output.appendChild(document.createTextNode(output.getAttribute('data-label') + ': '));
    var strong = document.createElement('strong');
    strong.textContent = String(present);
    output.appendChild(strong);
    output.appendChild(document.createTextNode('/' + output.getAttribute('data-total')));
  }
  form.addEventListener('change', update);
})();
