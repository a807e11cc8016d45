// Pages on a phone (css/phone.css; docs/architecture.md, "Pages on a phone").
// Runs right after the header, so a phone never shows the unfolded header first.
// Without this script the header shows everything, as on a wide screen.
(function () {
  'use strict';
  var header = document.querySelector('.site-header');
  var button = header && header.querySelector('.menu-toggle');
  if (header && button) {
    header.classList.add('menu-ready');
    var setOpen = function (open) {
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
      header.classList.toggle('menu-open', open);
    };
    button.addEventListener('click', function () {
      setOpen(button.getAttribute('aria-expanded') !== 'true');
    });
    header.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
        setOpen(false);
        button.focus();
      }
    });
  }

  // Folding panels marked data-open-wide (the list filters) start folded on a phone and open on a wide screen.
  document.addEventListener('DOMContentLoaded', function () {
    if (!window.matchMedia('(min-width: 641px)').matches) {
      return;
    }
    var panels = document.querySelectorAll('details[data-open-wide]');
    for (var i = 0; i < panels.length; i++) {
      panels[i].open = true;
    }
  });
})();
