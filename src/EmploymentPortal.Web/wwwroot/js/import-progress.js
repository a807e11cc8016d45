// A form marked data-disable-on-submit (the ledger import): once submitted, its button is disabled
// (no second upload of the same file) and its status line says the upload is on its way; the
// work itself then continues in the background, on the task's page.
(function () {
    "use strict";
    document.querySelectorAll("form[data-disable-on-submit]").forEach(function (form) {
        form.addEventListener("submit", function () {
            var button = form.querySelector("button[type=submit]");
            var status = form.querySelector("[role=status]");
            window.setTimeout(function () {
                if (button) {
                    button.disabled = true;
                }

                if (status) {
                    status.hidden = false;
                }
            }, 0);
        });
    });
})();
