// The job search form folds into its summary after a search, so on a phone the results come
// first; on a wide screen there is room for both, so it opens. Without script it stays folded
// and opens with a tap on its summary.
(function () {
    'use strict';
    if (window.matchMedia('(min-width: 720px)').matches) {
        document.querySelectorAll('details.search-fold').forEach(function (fold) { fold.open = true; });
    }
}());
