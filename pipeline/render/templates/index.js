/* newsclaims corpus index: sortable columns. Without script the table is in manifest order. */
(function () {
  "use strict";
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

  function key(cell) {
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  }

  function compare(type, a, b) {
    if (a === "" || b === "") { return (a === "") - (b === ""); } // blanks last, both ways
    return type === "number" ? Number(a) - Number(b) : collator.compare(a, b);
  }

  document.querySelectorAll("table.sortable").forEach(function (table) {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var body = table.tBodies[0];
    headers.forEach(function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        headers.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", dir);
        var type = th.dataset.type || "text";
        var rows = Array.prototype.slice.call(body.rows);
        rows.forEach(function (row, i) { row.dataset.order = i; });
        rows.sort(function (a, b) {
          var ka = key(a.cells[col]), kb = key(b.cells[col]);
          if (ka === "" || kb === "") { return compare(type, ka, kb); }
          var c = compare(type, ka, kb) * (dir === "ascending" ? 1 : -1);
          return c || a.dataset.order - b.dataset.order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
