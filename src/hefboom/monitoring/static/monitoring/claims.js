// Assessing evidence for a contribution claim: picking a test type fills in its two numbers;
// typing other numbers switches the picker to "own numbers". Without JavaScript the server
// applies the preset instead.
(function () {
  "use strict";

  function setUp(select) {
    var presets = JSON.parse(select.dataset.presets);
    var form = select.form;
    var ifTrue = form.elements.namedItem("p_if_true");
    var ifFalse = form.elements.namedItem("p_if_false");
    if (!ifTrue || !ifFalse) return;

    select.addEventListener("change", function () {
      var pair = presets[select.value];
      if (pair) {
        ifTrue.value = pair[0];
        ifFalse.value = pair[1];
      }
    });
    function ownNumbers() {
      var pair = presets[select.value];
      if (pair && (Number(ifTrue.value) !== Number(pair[0]) || Number(ifFalse.value) !== Number(pair[1]))) {
        select.value = "custom";
      }
    }
    ifTrue.addEventListener("input", ownNumbers);
    ifFalse.addEventListener("input", ownNumbers);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("select[data-presets]").forEach(setUp);
  });
})();
