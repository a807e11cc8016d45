// The ledger import's progress: while the form's POST runs, poll the page's progress handler
// (keyed by the import id the form carries) and show its line of text in the status element.
(function () {
    "use strict";
    var form = document.querySelector("form[data-import-progress]");
    if (!form) {
        return;
    }

    var status = form.querySelector("[data-testid=import-progress]");
    var timer = null;

    function poll() {
        fetch(form.getAttribute("data-import-progress"), { credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (state) {
                if (state && state.text) {
                    status.textContent = state.text;
                    status.hidden = false;
                }
            })
            .catch(function () { /* a missed poll is retried by the next tick */ });
    }

    form.addEventListener("submit", function () {
        if (timer === null) {
            timer = window.setInterval(poll, 1000);
        }
    });
})();
