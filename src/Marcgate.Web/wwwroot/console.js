// Progressive enhancement only: every page works without this file.
// The dashboard's receipt table follows the receipt log live over Server-Sent Events.
(function () {
  "use strict";
  var table = document.querySelector("table[data-live-receipts]");
  if (!table || !window.EventSource) {
    return;
  }
  var body = table.tBodies[0];
  var status = document.querySelector("[data-live-status]");
  var empty = document.querySelector("[data-empty]");
  var url = table.getAttribute("data-live-receipts") + "?after=" + encodeURIComponent(table.getAttribute("data-last-id") || "0");
  var source = new EventSource(url);
  source.addEventListener("open", function () { if (status) { status.hidden = false; } });
  source.addEventListener("error", function () { if (status) { status.hidden = true; } });
  source.addEventListener("receipt", function (event) {
    body.insertAdjacentHTML("afterbegin", event.data);
    var row = body.rows[0];
    if (row) { row.classList.add("fresh"); }
    while (body.rows.length > 50) { body.deleteRow(body.rows.length - 1); }
    if (empty) { empty.remove(); empty = null; }
  });
})();

// The export status window follows its export over Server-Sent Events; without script the page reloads itself.
(function () {
  "use strict";
  var table = document.querySelector("table[data-live-export]");
  if (!table || !window.EventSource || table.getAttribute("data-running") !== "true") {
    return;
  }
  var body = table.tBodies[0];
  var source = new EventSource(table.getAttribute("data-live-export") + "?after=" + encodeURIComponent(table.getAttribute("data-shown") || "0"));
  source.addEventListener("row", function (event) { body.insertAdjacentHTML("beforeend", event.data); });
  source.addEventListener("done", function (event) {
    source.close();
    var summary = document.querySelector("[data-export-summary]");
    if (summary) { summary.innerHTML = event.data; }
    var state = document.querySelector("[data-export-state]");
    if (state) { state.textContent = "finished"; }
  });
})();
