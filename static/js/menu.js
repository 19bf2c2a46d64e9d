// The main menu is a <details> element: folded on a phone, where it would fill the first
// screen, and opened here on wider screens, where it fits on one line. Without this
// script the menu still opens with its own button.
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 48rem)");
  function place() {
    document.querySelectorAll("details[data-menu]").forEach(function (menu) {
      menu.open = wide.matches;
    });
  }
  place();
  wide.addEventListener("change", place);
})();
