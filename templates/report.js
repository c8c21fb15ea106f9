// Search and filters for the article table. Progressive enhancement: without this
// script the controls stay hidden and every section and link still works.
(function () {
  "use strict";
  var controls = document.getElementById("article-filters");
  var table = document.getElementById("article-table");
  if (!controls || !table) { return; }
  var search = document.getElementById("filter-search");
  var theme = document.getElementById("filter-theme");
  var enterprise = document.getElementById("filter-enterprise");
  var reset = document.getElementById("filter-reset");
  var status = document.getElementById("filter-status");
  var empty = document.getElementById("filter-empty");

  function normalise(text) {
    return (text || "").toLowerCase().replace(/\s+/g, "");
  }

  var rows = Array.prototype.map.call(table.tBodies[0].rows, function (row) {
    var article = document.getElementById(row.getAttribute("data-article"));
    return {
      element: row,
      themes: (row.getAttribute("data-themes") || "").split(" "),
      enterprises: (row.getAttribute("data-enterprises") || "").split(" "),
      text: normalise(row.textContent + " " + (article ? article.textContent : ""))
    };
  });

  function apply() {
    var words = (search.value || "").toLowerCase().split(/\s+/).filter(Boolean);
    var wantTheme = theme.value;
    var wantEnterprise = enterprise.value;
    var shown = 0;
    rows.forEach(function (row) {
      var visible = (!wantTheme || row.themes.indexOf(wantTheme) >= 0) &&
        (!wantEnterprise || row.enterprises.indexOf(wantEnterprise) >= 0) &&
        words.every(function (word) { return row.text.indexOf(word) >= 0; });
      row.element.hidden = !visible;
      if (visible) { shown += 1; }
    });
    var filtered = words.length > 0 || wantTheme || wantEnterprise;
    status.textContent = filtered ? "显示 " + shown + " / " + rows.length + " 篇文章" : "共 " + rows.length + " 篇文章";
    empty.hidden = shown > 0;
  }

  search.addEventListener("input", apply);
  theme.addEventListener("change", apply);
  enterprise.addEventListener("change", apply);
  reset.addEventListener("click", function () {
    search.value = "";
    theme.value = "";
    enterprise.value = "";
    apply();
    search.focus();
  });
  var marks = document.getElementById("toggle-marks");
  if (marks) {
    marks.addEventListener("change", function () {
      document.body.classList.toggle("plain-text", !marks.checked);
    });
  }
  controls.hidden = false;
  apply();
}());
