// Sessions (docs/operations.md, "Sessions"): the idle warning with "keep me signed in", and local
// drafts of forms so an idle sign-out loses nothing typed. No inline script (CSP): settings and
// texts come from #session-timer's data attributes (Pages/Shared/_Session.cshtml).
(function () {
  'use strict';

  var timer = document.getElementById('session-timer');
  var DRAFT = 'ep.draft:';
  var PENDING = 'ep.draft.pending';

  // ---- Drafts --------------------------------------------------------------------------------
  // A draft is kept per page and form in sessionStorage (this tab only, gone when it closes).
  // Never kept: ID numbers (any field named like IdNumber, or marked data-no-draft), passwords,
  // hidden fields (the antiforgery token), files.
  function storage() {
    try { return window.sessionStorage; } catch (e) { return null; }
  }

  function draftKey(form, index) {
    return DRAFT + location.pathname + location.search + '#' + (form.id || index);
  }

  function skipped(field) {
    if (!field.name || field.disabled || field.closest('[data-no-draft]')) { return true; }
    var type = (field.type || '').toLowerCase();
    if (type === 'password' || type === 'hidden' || type === 'file' || type === 'submit' || type === 'button') { return true; }
    return /id.?number|idcard|身份证/i.test(field.name + ' ' + (field.id || '') + ' ' + (field.getAttribute('autocomplete') || ''));
  }

  function draftForms() {
    return Array.prototype.filter.call(document.querySelectorAll('main form'), function (form) {
      return (form.getAttribute('method') || '').toLowerCase() === 'post' && !form.hasAttribute('data-no-draft');
    });
  }

  function save(form, index) {
    var store = storage();
    if (!store) { return; }
    var values = {};
    var any = false;
    Array.prototype.forEach.call(form.elements, function (field) {
      if (skipped(field)) { return; }
      var type = (field.type || '').toLowerCase();
      if (type === 'checkbox' || type === 'radio') {
        values[field.name + '=' + field.value] = field.checked;
      } else {
        values[field.name] = field.value;
        any = any || field.value !== '';
      }
    });
    if (any) {
      store.setItem(draftKey(form, index), JSON.stringify(values));
    }
  }

  function restore(form, index) {
    var store = storage();
    var text = store && store.getItem(draftKey(form, index));
    if (!text) { return false; }
    var values;
    try { values = JSON.parse(text); } catch (e) { store.removeItem(draftKey(form, index)); return false; }
    var restored = false;
    Array.prototype.forEach.call(form.elements, function (field) {
      if (skipped(field)) { return; }
      var type = (field.type || '').toLowerCase();
      if (type === 'checkbox' || type === 'radio') {
        var key = field.name + '=' + field.value;
        if (Object.prototype.hasOwnProperty.call(values, key)) { field.checked = values[key]; restored = true; }
      } else if (Object.prototype.hasOwnProperty.call(values, field.name) && field.value !== values[field.name]) {
        field.value = values[field.name];
        restored = true;
      }
    });
    return restored;
  }

  function drafts() {
    var store = storage();
    if (!store) { return; }
    var onLogin = timer === null && /\/Identity\/Account\/Login$/i.test(location.pathname);
    var pending = store.getItem(PENDING);
    if (pending && !onLogin) {
      // The last submit was answered by another page than its own: it succeeded, its draft goes.
      // Answered by its own page (a refusal shown with the form) or by the sign-in page: it stays.
      if (pending.indexOf(DRAFT + location.pathname + location.search + '#') !== 0) {
        store.removeItem(pending);
      }
      store.removeItem(PENDING);
    }
    if (!timer) { return; }
    var forms = draftForms();
    var restoredAny = false;
    forms.forEach(function (form, index) {
      if (restore(form, index)) { restoredAny = true; }
      form.addEventListener('input', function () { save(form, index); });
      form.addEventListener('change', function () { save(form, index); });
      form.addEventListener('submit', function () {
        save(form, index);
        store.setItem(PENDING, draftKey(form, index));
      });
    });
    if (restoredAny) {
      var note = document.createElement('p');
      note.className = 'notice notice--warning';
      note.setAttribute('role', 'status');
      note.setAttribute('data-testid', 'draft-restored');
      note.textContent = timer.getAttribute('data-draft-restored');
      var main = document.querySelector('main');
      if (main) { main.insertBefore(note, main.firstChild); }
    }
  }

  // ---- Idle warning --------------------------------------------------------------------------
  function idle() {
    if (!timer) { return; }
    var idleMs = parseInt(timer.getAttribute('data-idle-seconds'), 10) * 1000;
    var warnMs = parseInt(timer.getAttribute('data-warn-seconds'), 10) * 1000;
    var dialog = document.getElementById('session-warning');
    var countdown = dialog && dialog.querySelector('[data-session-countdown]');
    var deadline = Date.now() + idleMs;
    var tick = null;

    function signedOut() {
      var back = location.pathname + location.search;
      location.assign(timer.getAttribute('data-login') + '?reason=idle&ReturnUrl=' + encodeURIComponent(back));
    }

    function show() {
      if (!dialog) { return; }
      if (!dialog.open) {
        if (typeof dialog.showModal === 'function') { dialog.showModal(); } else { dialog.setAttribute('open', ''); }
      }
    }

    function hide() {
      if (dialog && dialog.open) {
        if (typeof dialog.close === 'function') { dialog.close(); } else { dialog.removeAttribute('open'); }
      }
    }

    function check() {
      var left = deadline - Date.now();
      if (left <= 0) {
        window.clearInterval(tick);
        signedOut();
        return;
      }
      if (left <= warnMs) {
        var seconds = Math.ceil(left / 1000);
        if (countdown) { countdown.textContent = Math.floor(seconds / 60) + ':' + ('0' + (seconds % 60)).slice(-2); }
        show();
      }
    }

    function keepAlive() {
      var headers = {};
      headers[timer.getAttribute('data-token-header')] = timer.getAttribute('data-token');
      fetch(timer.getAttribute('data-keep-alive'), { method: 'POST', credentials: 'same-origin', headers: headers, redirect: 'manual' })
        .then(function (response) {
          if (response.status === 204) {
            deadline = Date.now() + idleMs;
            hide();
          } else {
            signedOut();
          }
        })
        .catch(function () { signedOut(); });
    }

    var keep = dialog && dialog.querySelector('[data-session-keep]');
    if (keep) { keep.addEventListener('click', keepAlive); }
    if (dialog) { dialog.addEventListener('cancel', function (e) { e.preventDefault(); keepAlive(); }); }
    document.addEventListener('visibilitychange', check);
    tick = window.setInterval(check, 1000);
  }

  drafts();
  idle();
})();
