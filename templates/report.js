// The article table's search, filters and sorting; one article at a time (permalink, highlight,
// print, its data as JSON). Progressive enhancement: without this script the controls stay hidden
// and every section and link still works.
(function () {
  "use strict";
  var doc = document;
  var controls = doc.getElementById("article-filters");
  var table = doc.getElementById("article-table");
  if (!controls || !table) { return; }
  var $ = function (id) { return doc.getElementById(id); };
  var search = $("filter-search"), theme = $("filter-theme"), enterprise = $("filter-enterprise");
  var source = $("filter-source"), from = $("filter-from"), to = $("filter-to");
  var status = $("filter-status"), empty = $("filter-empty");
  var results = $("search-results"), hitList = $("search-hits");
  var tbody = table.tBodies[0];
  var CONTEXT = 16, KWIC_LINES = 3, RESULTS_SHOWN = 200;
  var KEYS = { q: search, theme: theme, ent: enterprise, src: source, from: from, to: to };

  // --- folding: full-width and half-width, case, 〇/○ read alike; one character stays one
  // character, so a match's place in the folded text is its place in the printed text.
  var FOLDABLE = /[A-Z\u00a0-\u33ff\ufb00-\uffff]/g;
  var folded = {};
  function foldChar(c) {
    var f = folded[c];
    if (f === undefined) {
      f = (c.normalize ? c.normalize("NFKC") : c).toLowerCase();
      if (f.length !== 1) { f = c.toLowerCase().length === 1 ? c.toLowerCase() : c; }
      if (f === "\u3007") { f = "\u25cb"; }
      folded[c] = f;
    }
    return f;
  }
  function fold(text) { return (text || "").replace(FOLDABLE, foldChar); }
  function queryWords(text) { return fold(text).split(/\s+/).filter(Boolean); }

  // --- the articles' own text: title, subtitle, author, unit, abstract and body, never chips
  function segmentsOf(article) { return article.querySelectorAll(".zx, .article-body > *"); }
  var rows = Array.prototype.map.call(tbody.rows, function (row) {
    return {
      element: row, id: row.getAttribute("data-article"),
      themes: (row.getAttribute("data-themes") || "").split(" "),
      enterprises: (row.getAttribute("data-enterprises") || "").split(" "),
      file: row.getAttribute("data-file") || "", date: row.getAttribute("data-date") || "",
      segments: null
    };
  });
  function article(row) { return $(row.id); }
  function segments(row) {
    if (!row.segments) {
      row.segments = Array.prototype.map.call(segmentsOf(article(row)), function (element) {
        var text = element.textContent;
        return { text: text, folded: fold(text) };
      });
    }
    return row.segments;
  }
  function matchesIn(segs, words) {
    var hits = [];
    for (var w = 0; w < words.length; w += 1) {
      var found = false;
      for (var s = 0; s < segs.length; s += 1) {
        var at = segs[s].folded.indexOf(words[w]);
        while (at >= 0) {
          found = true;
          hits.push({ segment: s, start: at, end: at + words[w].length });
          at = segs[s].folded.indexOf(words[w], at + words[w].length);
        }
      }
      if (!found) { return null; }
    }
    hits.sort(function (a, b) { return a.segment - b.segment || a.start - b.start; });
    return hits;
  }

  function occurrences(text, words) {
    var hits = [];
    words.forEach(function (word) {
      for (var at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
        hits.push({ start: at, end: at + word.length });
      }
    });
    return hits.sort(function (a, b) { return a.start - b.start; });
  }

  // --- filters, sorting and the URL
  var sortKey = "n", sortDescending = false;
  function passesFilters(row) {
    return (!theme.value || row.themes.indexOf(theme.value) >= 0) &&
      (!enterprise.value || row.enterprises.indexOf(enterprise.value) >= 0) &&
      (!source.value || row.file === source.value) &&
      (!from || !from.value || (row.date && row.date >= from.value)) &&
      (!to || !to.value || (row.date && row.date <= to.value));
  }
  function sortValue(row, key, type) {
    var cell = row.element;
    if (type === "number") { return parseFloat(cell.getAttribute("data-" + key)) || 0; }
    if (key === "source") { return cell.getAttribute("data-source") || cell.getAttribute("data-file") || ""; }
    var index = { title: 1, author: 2, unit: 3, theme: 4 }[key];
    return cell.cells[index].textContent.trim();
  }
  function sortRows() {
    var header = table.querySelector('th[data-sort="' + sortKey + '"]');
    var type = header ? header.getAttribute("data-type") : "number";
    var collator = window.Intl ? new Intl.Collator("zh-CN") : null;
    var ordered = rows.slice().sort(function (a, b) {
      var x = sortValue(a, sortKey, type), y = sortValue(b, sortKey, type);
      var order = type === "number" ? x - y : (collator ? collator.compare(x, y) : (x < y ? -1 : x > y ? 1 : 0));
      if (sortDescending) { order = -order; }
      return order || (parseFloat(a.element.getAttribute("data-n")) - parseFloat(b.element.getAttribute("data-n")));
    });
    ordered.forEach(function (row) { tbody.appendChild(row.element); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      var key = th.getAttribute("data-sort");
      th.setAttribute("aria-sort", key === sortKey ? (sortDescending ? "descending" : "ascending") : "none");
    });
    return ordered;
  }
  function stateString() {
    var parts = [];
    Object.keys(KEYS).forEach(function (key) {
      var control = KEYS[key];
      if (control && control.value.trim()) { parts.push(key + "=" + encodeURIComponent(control.value.trim())); }
    });
    if (sortKey !== "n" || sortDescending) { parts.push("sort=" + sortKey + (sortDescending ? "-desc" : "")); }
    return parts.join("&");
  }
  function readHash() {
    var anchor = "", params = {};
    location.hash.slice(1).split("&").forEach(function (part) {
      if (!part) { return; }
      var equals = part.indexOf("=");
      if (equals < 0) { anchor = decodeURIComponent(part); return; }
      params[decodeURIComponent(part.slice(0, equals))] = decodeURIComponent(part.slice(equals + 1).replace(/\+/g, " "));
    });
    return { anchor: anchor, params: params, stated: Object.keys(params).length > 0 };
  }
  function setControls(params) {
    Object.keys(KEYS).forEach(function (key) { if (KEYS[key]) { KEYS[key].value = params[key] || ""; } });
    var sort = (params.sort || "n").split("-");
    sortKey = table.querySelector('th[data-sort="' + sort[0] + '"]') ? sort[0] : "n";
    sortDescending = sort[1] === "desc";
  }
  function writeUrl() {
    var state = stateString();
    history.replaceState(null, "", state ? "#" + state : location.pathname + location.search);
  }

  // --- results: per hit the number of matches and a few lines in context
  function kwicLine(segment, hit) {
    var line = doc.createElement("li");
    var left = Math.max(0, hit.start - CONTEXT), right = Math.min(segment.text.length, hit.end + CONTEXT);
    line.appendChild(doc.createTextNode((left > 0 ? "…" : "") + segment.text.slice(left, hit.start)));
    var mark = doc.createElement("mark");
    mark.textContent = segment.text.slice(hit.start, hit.end);
    line.appendChild(mark);
    line.appendChild(doc.createTextNode(segment.text.slice(hit.end, right) + (right < segment.text.length ? "…" : "")));
    return line;
  }
  function resultItem(row, hits, state) {
    var item = doc.createElement("li");
    var head = doc.createElement("p");
    var link = doc.createElement("a");
    link.href = "#" + row.id + (state ? "&" + state : "");
    link.textContent = row.element.cells[1].textContent.trim();
    head.appendChild(link);
    var count = doc.createElement("span");
    count.className = "hit-count";
    count.textContent = " " + hits.length + " 处";
    head.appendChild(count);
    var who = row.element.cells[2].textContent.trim() + " · " + row.element.cells[3].textContent.trim();
    var byline = doc.createElement("small");
    byline.textContent = " " + who;
    head.appendChild(byline);
    item.appendChild(head);
    var lines = doc.createElement("ul");
    lines.className = "kwic";
    var segs = segments(row);
    hits.slice(0, KWIC_LINES).forEach(function (hit) { lines.appendChild(kwicLine(segs[hit.segment], hit)); });
    item.appendChild(lines);
    return item;
  }

  function apply(updateUrl) {
    var words = queryWords(search.value);
    var ordered = sortRows(), shown = 0, matches = 0, state = stateString();
    hitList.textContent = "";
    ordered.forEach(function (row) {
      var hits = passesFilters(row) && (words.length ? matchesIn(segments(row), words) : []);
      var visible = !!hits;
      row.element.hidden = !visible;
      var element = article(row);
      if (element) { element.classList.toggle("filtered-out", !visible); }
      if (!visible) { return; }
      shown += 1;
      if (words.length) {
        matches += hits.length;
        if (shown <= RESULTS_SHOWN) { hitList.appendChild(resultItem(row, hits, state)); }
      }
    });
    results.hidden = words.length === 0;
    var filtered = words.length > 0 || !!(theme.value || enterprise.value || source.value || (from && from.value) || (to && to.value));
    status.textContent = filtered ?
      "显示 " + shown + " / " + rows.length + " 篇文章" + (words.length ? "，共 " + matches + " 处" : "") :
      "共 " + rows.length + " 篇文章";
    empty.hidden = shown > 0;
    if (updateUrl) { writeUrl(); }
  }

  // --- one article: marked as current, its matches highlighted, printed alone
  var HIGHLIGHT = "zg-hit";
  try {
    // set here: the HTML checker's CSS parser does not know ::highlight() yet
    var sheet = doc.styleSheets[0];
    sheet.insertRule("::highlight(" + HIGHLIGHT + "){background-color:#ffb000;color:#000}", sheet.cssRules.length);
  } catch (error) {
    // a browser without highlights shows the matches in the results list only
  }
  function textPosition(nodes, offset) {
    for (var i = 0; i < nodes.length; i += 1) {
      if (offset <= nodes[i].length || i === nodes.length - 1) { return [nodes[i], Math.min(offset, nodes[i].length)]; }
      offset -= nodes[i].length;
    }
    return null;
  }
  function highlight(element, words) {
    var ranges = [];
    if (words.length) {
      Array.prototype.forEach.call(segmentsOf(element), function (segment) {
        var walker = doc.createTreeWalker(segment, NodeFilter.SHOW_TEXT), nodes = [], node;
        while ((node = walker.nextNode())) { nodes.push(node); }
        var hits = occurrences(fold(segment.textContent), words);
        hits.forEach(function (hit) {
          var start = textPosition(nodes, hit.start), end = textPosition(nodes, hit.end);
          if (!start || !end) { return; }
          var range = doc.createRange();
          range.setStart(start[0], start[1]);
          range.setEnd(end[0], end[1]);
          ranges.push(range);
        });
      });
    }
    if (window.CSS && CSS.highlights && window.Highlight) {
      if (ranges.length) { CSS.highlights.set(HIGHLIGHT, new Highlight(...ranges)); } else { CSS.highlights.delete(HIGHLIGHT); }
    }
    element.setAttribute("data-matches", String(ranges.length));
    var note = element.querySelector(".tool-status");
    if (note) { note.textContent = words.length ? "本文命中 " + ranges.length + " 处" : ""; }
    return ranges;
  }
  function open(anchor, stated) {
    var previous = doc.querySelector("article.current");
    if (previous) { previous.classList.remove("current"); }
    var target = anchor ? $(anchor) : null;
    var isArticle = !!(target && target.classList.contains("article"));
    doc.body.classList.toggle("has-current", isArticle);
    if (!isArticle) {
      if (window.CSS && CSS.highlights) { CSS.highlights.delete(HIGHLIGHT); }
      if (stated) { (target || $("articles")).scrollIntoView(); }
      return;
    }
    target.classList.add("current");
    var ranges = highlight(target, queryWords(search.value));
    if (ranges.length) {
      ranges[0].startContainer.parentElement.scrollIntoView({ block: "center" });
    } else if (stated) {
      target.scrollIntoView();
    }
  }
  function followHash() {
    var hash = readHash();
    if (hash.stated) {
      setControls(hash.params);
      apply(false);
    }
    open(hash.anchor, hash.stated);
  }

  // --- an article's data as one JSON record
  function textOf(element, selector) {
    var found = element.querySelector(selector);
    return found ? found.textContent : null;
  }
  function record(element) {
    var extra = JSON.parse(element.getAttribute("data-record"));
    var title = textOf(element, ".zt");
    var data = {
      id: extra.id, title: extra.title_inferred ? null : title, display_title: title, title_inferred: extra.title_inferred,
      subtitle: textOf(element, ".subtitle"), author: textOf(element, ".author"), affiliation: textOf(element, ".zu"),
      role: textOf(element, ".zr"), abstract: textOf(element, ".za"), source: extra.source, page: extra.page,
      primary_theme: extra.primary_theme, themes: extra.themes
    };
    var chips = element.querySelectorAll(".facts .chip");
    data.themes.forEach(function (theme, i) { if (chips[i]) { theme.name = chips[i].firstChild.textContent.trim(); } });
    data.link = location.href.split("#")[0] + "#" + element.id;
    data.body = Array.prototype.map.call(element.querySelectorAll(".article-body > *"), function (p) { return p.textContent; }).join("\n\n");
    return data;
  }
  function say(element, text) {
    var note = element.querySelector(".tool-status");
    if (note) { note.textContent = text; }
  }
  function copyText(text, element) {
    function fallback() {
      var area = doc.createElement("textarea");
      area.value = text;
      area.setAttribute("aria-hidden", "true");
      area.className = "visually-hidden";
      doc.body.appendChild(area);
      area.select();
      var done = false;
      try { done = doc.execCommand("copy"); } catch (error) { done = false; }
      doc.body.removeChild(area);
      say(element, done ? "已复制本文数据" : "无法复制：请用“保存数据”");
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { say(element, "已复制本文数据"); }, fallback);
    } else { fallback(); }
  }
  function save(text, element) {
    var link = doc.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    link.download = element.id + ".json";
    doc.body.appendChild(link);
    link.click();
    doc.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    say(element, "已保存 " + link.download);
  }
  function printArticle(element) {
    var state = stateString();
    var hash = "#" + element.id + (state ? "&" + state : "");
    if (location.hash !== hash) { history.replaceState(null, "", hash); }
    open(element.id, false);
    window.print();
  }
  doc.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".article-tools button") : null;
    if (!button) { return; }
    var element = button.closest("article.article");
    var act = button.getAttribute("data-act");
    if (act === "print") { printArticle(element); }
    if (act === "copy") { copyText(JSON.stringify(record(element), null, 2), element); }
    if (act === "save") { save(JSON.stringify(record(element), null, 2) + "\n", element); }
  });
  window.addEventListener("beforeprint", function () {
    var current = doc.querySelector("article.current");
    if (current) { Array.prototype.forEach.call(current.querySelectorAll("details.why"), function (d) { d.open = true; }); }
  });

  // --- wiring
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    var key = th.getAttribute("data-sort");
    if (!key) { return; }
    var button = doc.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      sortDescending = sortKey === key ? !sortDescending : th.getAttribute("data-type") === "number" && key !== "n";
      sortKey = key;
      apply(true);
    });
  });
  search.addEventListener("input", function () { apply(true); });
  [theme, enterprise, source, from, to].forEach(function (control) {
    if (control) { control.addEventListener("change", function () { apply(true); }); }
  });
  $("filter-reset").addEventListener("click", function () {
    setControls({});
    apply(true);
    search.focus();
  });
  var marks = $("toggle-marks");
  if (marks) {
    marks.addEventListener("change", function () { doc.body.classList.toggle("plain-text", !marks.checked); });
  }
  Array.prototype.forEach.call(doc.querySelectorAll("article.article"), function (element) {
    var tools = doc.createElement("div");
    tools.className = "article-tools";
    var link = doc.createElement("a");
    link.className = "permalink";
    link.href = "#" + element.id;
    link.textContent = "本文链接";
    tools.appendChild(link);
    [["print", "打印本文"], ["copy", "复制数据"], ["save", "保存数据（JSON）"]].forEach(function (tool) {
      var button = doc.createElement("button");
      button.type = "button";
      button.setAttribute("data-act", tool[0]);
      button.textContent = tool[1];
      tools.appendChild(button);
    });
    var note = doc.createElement("span");
    note.className = "tool-status";
    note.setAttribute("role", "status");
    tools.appendChild(note);
    var head = element.querySelector(".article-head");
    head.parentNode.insertBefore(tools, head.nextSibling);
  });
  window.addEventListener("hashchange", followHash);
  controls.hidden = false;
  var initial = readHash();
  if (initial.stated) { setControls(initial.params); }
  apply(false);
  open(initial.anchor, initial.stated);
}());
