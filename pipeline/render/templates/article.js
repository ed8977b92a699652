/* newsclaims article page: claim rows mark their sentence; pieces of one mention light up together. */
(function () {
  "use strict";
  var marked = [];

  function pieces(id) {
    return document.querySelectorAll('[data-mention-id="' + id + '"], [data-mention-part="' + id + '"]');
  }

  function mark(el, cls) {
    el.classList.add(cls);
    marked.push([el, cls]);
  }

  // A claim's subject and measure are character spans of the record's text, which the
  // article's text nodes hold in order: they are shown as CSS custom highlights (no DOM change).
  var textRoot = document.querySelector(".article-text");

  function rangeOf(span) {
    var bounds = (span || "").split(" ").map(Number);
    if (!textRoot || bounds.length !== 2 || !(bounds[1] > bounds[0])) { return null; }
    var walker = document.createTreeWalker(textRoot, NodeFilter.SHOW_TEXT);
    var seen = 0, range = document.createRange(), started = false, node;
    while ((node = walker.nextNode())) {
      var len = node.nodeValue.length;
      if (!started && bounds[0] < seen + len) { range.setStart(node, bounds[0] - seen); started = true; }
      if (started && bounds[1] <= seen + len) { range.setEnd(node, bounds[1] - seen); return range; }
      seen += len;
    }
    return null;
  }

  function highlight(row) {
    if (!window.CSS || !CSS.highlights || typeof Highlight === "undefined") { return; }
    [["claim-subject", row.dataset.subjectSpan], ["claim-measure", row.dataset.measureSpan]].forEach(function (pair) {
      var range = rangeOf(pair[1]);
      if (range) { CSS.highlights.set(pair[0], new Highlight(range)); } else { CSS.highlights.delete(pair[0]); }
    });
  }

  function activate(row) {
    marked.forEach(function (pair) { pair[0].classList.remove(pair[1]); });
    marked = [];
    mark(row, "active");
    highlight(row);
    var sentence = document.querySelectorAll('.sent[data-sentence="' + row.dataset.sentence + '"]');
    sentence.forEach(function (el) { mark(el, "marked"); });
    var ids = (row.dataset.values || "").split(" ").filter(Boolean);
    ids.forEach(function (id) { pieces(id).forEach(function (el) { mark(el, "hit"); }); });
    var target = sentence[0] || (ids.length && pieces(ids[0])[0]);
    if (target) {
      var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      target.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
    }
  }

  document.querySelectorAll("tr.claim").forEach(function (row) {
    // The row itself becomes the keyboard target; its link stays for pages without script.
    row.tabIndex = 0;
    row.setAttribute("aria-label", "Claim " + row.dataset.claimId + ": show sentence " +
      (Number(row.dataset.sentence) + 1) + " in the article");
    row.querySelectorAll("a.goto").forEach(function (a) { a.tabIndex = -1; });
    row.addEventListener("click", function (event) {
      var link = event.target.closest("a");
      if (link && !link.classList.contains("goto")) { return; }
      event.preventDefault();
      activate(row);
    });
    row.addEventListener("keydown", function (event) {
      if (event.target === row && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        activate(row);
      }
    });
  });

  // A mention cut in pieces (it crosses another) lights up as a whole.
  function linked(event, on) {
    var el = event.target.closest && event.target.closest("[data-mention-id], [data-mention-part]");
    if (!el) { return; }
    var id = el.dataset.mentionId || el.dataset.mentionPart;
    var all = pieces(id);
    if (all.length > 1) { all.forEach(function (p) { p.classList.toggle("linked", on); }); }
  }
  document.addEventListener("mouseover", function (e) { linked(e, true); });
  document.addEventListener("mouseout", function (e) { linked(e, false); });
  document.addEventListener("focusin", function (e) { linked(e, true); });
  document.addEventListener("focusout", function (e) { linked(e, false); });

  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
})();
