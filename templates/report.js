// The article table's search, filters and sorting; one article at a time (permalink, highlight,
// print, its data as JSON). Progressive enhancement: without this script the controls stay hidden
// and every section and link still works. In the folder form the table's rows come from
// assets/table.js and the search reads the articles' text from search/*.js, loaded on the first search.
(function () {
  "use strict";
  var doc = document;
  var $ = function (id) { return doc.getElementById(id); };
  var CONTEXT = 16, KWIC_LINES = 3, RESULTS_SHOWN = 200, PAGE_ROWS = 100;
  var HIGHLIGHT = "zg-hit";
  var data = window.ZG_TABLE || null;

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

  // --- synonyms: the groups of words read alike (data/glossary.toml [search], in <main data-synonyms>).
  // A query word is the list of its forms: itself and, for each group it holds a word of, itself with
  // the longest such word replaced by each other word of the group (召开职代会: 召开职工代表大会 too).
  var main = $("main");
  var synonyms = JSON.parse((main && main.getAttribute("data-synonyms")) || "[]").map(function (group) { return group.map(fold); });
  function forms(word) {
    var all = [word];
    synonyms.forEach(function (group) {
      var inside = group.filter(function (form) { return word.indexOf(form) >= 0; }).sort(function (a, b) { return b.length - a.length; })[0];
      if (!inside) { return; }
      group.forEach(function (form) {
        var other = word.split(inside).join(form);
        if (all.indexOf(other) < 0) { all.push(other); }
      });
    });
    return all;
  }
  function queryWords(text) { return fold(text).split(/\s+/).filter(Boolean).map(forms); }
  // in reading order, one match per place: forms that overlap there (党建, 党建+) are one match
  function merged(hits) {
    hits.sort(function (a, b) { return (a.segment || 0) - (b.segment || 0) || a.start - b.start; });
    var places = [];
    hits.forEach(function (hit) {
      var last = places[places.length - 1];
      if (last && last.segment === hit.segment && hit.start < last.end) { last.end = Math.max(last.end, hit.end); } else { places.push(hit); }
    });
    return places;
  }
  function find(text, form, segment, hits) {
    for (var at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) {
      hits.push({ segment: segment, start: at, end: at + form.length });
    }
  }
  function occurrences(text, words) {
    var hits = [];
    words.forEach(function (word) { word.forEach(function (form) { find(text, form, undefined, hits); }); });
    return merged(hits);
  }
  // every word (one of its forms) somewhere in the segments (AND), each match with its segment
  function matchesIn(segs, words) {
    var hits = [];
    for (var w = 0; w < words.length; w += 1) {
      var before = hits.length;
      words[w].forEach(function (form) { segs.forEach(function (seg, s) { find(seg.folded, form, s, hits); }); });
      if (hits.length === before) { return null; }
    }
    return merged(hits);
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

  try {
    // set here: the HTML checker's CSS parser does not know ::highlight() yet; a constructed sheet,
    // since the folder form's stylesheet (a file: URL) cannot be edited from the page
    var rule = "::highlight(" + HIGHLIGHT + "){background-color:#ffb000;color:#000}";
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(rule);
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.concat([sheet]);
  } catch (error) {
    // a browser without highlights shows the matches in the results list only
  }

  // --- one article: the articles' own text (title, kicker, subtitle, author, unit, abstract, body;
  // never chips or labels; the title first, though the kicker is printed over it), its matches
  // highlighted, printed alone, its data as one JSON record
  function segmentsOf(article) {
    return [article.querySelector(".zt")].concat(Array.prototype.slice.call(article.querySelectorAll(".zx:not(.zt), .article-body > *")));
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
        occurrences(fold(segment.textContent), words).forEach(function (hit) {
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
    say(element, words.length ? "本文命中 " + ranges.length + " 处" : "");
    return ranges;
  }
  // kept: back or forward in the history, where the browser puts the page back where the reader left it
  function showArticle(target, words, stated, kept) {
    var previous = doc.querySelector("article.current");
    if (previous && previous !== target) { previous.classList.remove("current"); }
    target.classList.add("current");
    doc.body.classList.add("has-current");
    var ranges = highlight(target, words);
    // the first match in the middle of the screen; one in the title, the article from its top
    var first = ranges.length ? ranges[0].startContainer.parentElement : null;
    if (kept) {
      return;
    } else if (first && !first.closest(".article-head")) {
      first.scrollIntoView({ block: "center" });
    } else if (stated) {
      target.scrollIntoView();
    }
  }
  function textOf(element, selector) {
    var found = element.querySelector(selector);
    return found ? found.textContent : null;
  }
  function record(element) {
    var extra = JSON.parse(element.querySelector("[data-record]").getAttribute("data-record"));
    var title = textOf(element, ".zt");
    var rec = {
      id: extra.id, title: extra.title_inferred ? null : title, display_title: title, title_inferred: extra.title_inferred,
      kicker: textOf(element, ".kicker"), subtitle: textOf(element, ".subtitle"), author: textOf(element, ".author"), affiliation: textOf(element, ".zu"),
      role: textOf(element, ".zr"), abstract: textOf(element, ".za"), source: extra.source, page: extra.page || {},
      primary_theme: extra.primary_theme, themes: extra.themes
    };
    var chips = element.querySelectorAll(".facts .chip");
    rec.themes.forEach(function (theme, i) { if (chips[i]) { theme.name = chips[i].textContent.trim(); } });
    var permalink = element.querySelector(".permalink");
    rec.link = permalink ? permalink.href : location.href.split("#")[0];
    rec.body = Array.prototype.map.call(element.querySelectorAll(".article-body > *"), function (p) { return p.textContent; }).join("\n\n");
    return rec;
  }
  function say(element, text) {
    var note = element.querySelector(".tool-status");
    if (note) { note.textContent = text; }
  }
  function copyText(text, element) {
    var failed = function () { say(element, "无法复制：请用“保存数据”"); };
    if (!navigator.clipboard || !navigator.clipboard.writeText) { failed(); return; }
    navigator.clipboard.writeText(text).then(function () { say(element, "已复制本文数据"); }, failed);
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
  function addTools(element, permalink) {
    var tools = doc.createElement("div");
    tools.className = "article-tools";
    var link = doc.createElement("a");
    link.className = "permalink";
    link.href = permalink;
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
  }
  var beforePrint = null;
  doc.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".article-tools button") : null;
    if (!button) { return; }
    var element = button.closest("article.article");
    var act = button.getAttribute("data-act");
    if (act === "print") {
      if (beforePrint) { beforePrint(element); }
      window.print();
    }
    if (act === "copy") { copyText(JSON.stringify(record(element), null, 2), element); }
    if (act === "save") { save(JSON.stringify(record(element), null, 2) + "\n", element); }
  });
  window.addEventListener("beforeprint", function () {
    var current = doc.querySelector("article.current");
    if (current) { Array.prototype.forEach.call(current.querySelectorAll("details.why"), function (d) { d.open = true; }); }
  });

  // --- the table of contents on a phone: one row of tabs scrolling sideways; a fade marks each
  // edge with more tabs past it
  var tabs = doc.querySelector(".toc-list");
  if (tabs) {
    var edges = function () {
      tabs.classList.toggle("more-before", tabs.scrollLeft > 1);
      tabs.classList.toggle("more-after", tabs.scrollWidth - tabs.clientWidth - tabs.scrollLeft > 1);
    };
    tabs.addEventListener("scroll", edges, { passive: true });
    // a focused tab clear of the fades (the browser's own scrolling may leave it cut at the edge)
    tabs.addEventListener("focusin", function (event) { event.target.scrollIntoView({ block: "nearest", inline: "nearest" }); });
    window.addEventListener("resize", edges);
    edges();
  }

  // folder-only {
  // --- the way back to the table: the index keeps its state (search, filters, sort) per index file
  // for the tab's session; an article page's links back carry the state of its own link, else that one
  var RETURN_KEY = "zg-return:";
  function remember(state) {
    try { sessionStorage.setItem(RETURN_KEY + location.href.split("#")[0], state); } catch (error) { /* no storage: back to the whole table */ }
  }
  function returnState(indexUrl) {
    var params = readHash().params;
    var state = Object.keys(params).map(function (key) { return key + "=" + encodeURIComponent(params[key]); }).join("&");
    try { return state || sessionStorage.getItem(RETURN_KEY + indexUrl) || ""; } catch (error) { return state; }
  }

  // --- an article's own page (the folder form): it is the current article
  var own = doc.querySelector("body.article-page article.article");
  if (own) {
    addTools(own, location.href.split("#")[0]);
    var backLinks = Array.prototype.slice.call(doc.querySelectorAll("a[data-back]"));
    var opened = function () {
      var hash = readHash();
      showArticle(own, queryWords(hash.params.q || ""), false);
      backLinks.forEach(function (a) {
        var indexUrl = a.href.split("#")[0], state = returnState(indexUrl);
        a.href = indexUrl + "#articles" + (state ? "&" + state : "");
      });
    };
    window.addEventListener("hashchange", opened);
    opened();
    performance.mark("zg-ready");
    return;
  }
  // } folder-only

  // --- the article table
  var controls = $("article-filters");
  var table = $("article-table");
  if (!controls || !table) { return; }
  var search = $("filter-search"), theme = $("filter-theme"), enterprise = $("filter-enterprise");
  var source = $("filter-source"), from = $("filter-from"), to = $("filter-to");
  var status = $("filter-status"), empty = $("filter-empty");
  var results = $("search-results"), hitList = $("search-hits");
  var tbody = table.tBodies[0];
  var KEYS = { q: search, theme: theme, ent: enterprise, src: source, from: from, to: to };
  var byId = {};
  var rows = null;
  // folder-only {
  if (data) {
    var anchor = function (code) { return data.anchors[code]; };
    rows = data.rows.map(function (r) {
      return {
        id: r[0], n: r[1], title: r[2], inferred: r[3], author: r[4], unit: r[5], unitHref: r[6], theme: r[7], themeHref: r[8],
        score: r[9], chars: r[10], file: r[11], date: r[12], source: r[13] || r[11], label: r[14],
        themes: r[15].map(anchor), enterprises: r[16].map(anchor), href: data.articles + r[0] + ".html", element: null, segments: null
      };
    });
  }
  // } folder-only
  if (!rows) {
    rows = Array.prototype.map.call(tbody.rows, function (tr) {
      var cell = function (i) { return tr.cells[i].textContent.trim(); };
      return {
        id: tr.getAttribute("data-article"), n: parseFloat(cell(0)), title: cell(1), author: cell(2),
        unit: cell(3), theme: cell(4), score: parseFloat(cell(5)) || 0,
        chars: parseFloat(cell(6).replace(/,/g, "")) || 0, file: tr.getAttribute("data-file") || "",
        date: tr.getAttribute("data-date") || "", source: tr.getAttribute("data-source") || tr.getAttribute("data-file") || "",
        themes: (tr.getAttribute("data-themes") || "").split(" "),
        enterprises: (tr.getAttribute("data-enterprises") || "").split(" "),
        href: "#" + tr.getAttribute("data-article"), element: tr, segments: null
      };
    });
  }
  rows.forEach(function (row) { byId[row.id] = row; });

  // the articles' text: from the page itself, or (folder form) from the search files
  var loading = null, loaded = 0;
  function segments(row) {
    if (!row.segments && !data) {
      row.segments = Array.prototype.map.call(segmentsOf($(row.id)), function (element) {
        var text = element.textContent;
        return { text: text, folded: fold(text) };
      });
    }
    return row.segments;
  }
  // folder-only {
  var unpacked = null;
  window.ZG = {
    search: function (list) {
      list.forEach(function (item) {
        var row = byId[item[0]];
        if (row) { row.segments = item[1].map(function (text) { return { text: text, folded: fold(text) }; }); }
      });
    },
    packed: function (text) {
      var raw = atob(text), bytes = new Uint8Array(raw.length);
      for (var i = 0; i < raw.length; i += 1) { bytes[i] = raw.charCodeAt(i); }
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      unpacked = new Response(stream).text().then(function (json) { window.ZG.search(JSON.parse(json)); });
    }
  };
  var first = null;
  // the first search file is read ahead while the page is idle (or when the search box is
  // focused): a search then shows its first results at once, and the others follow as they load
  function loadFirstSearchFile(then) {
    if (!first) {
      first = new Promise(function (resolve) {
        var script = doc.createElement("script");
        script.src = data.search[0];
        script.onload = function () {
          var ready = unpacked || Promise.resolve();
          unpacked = null;
          ready.then(resolve);
        };
        doc.head.appendChild(script);
      });
    }
    if (then) { first.then(then); }
  }
  function loadSearchFiles() {
    if (loading || !data) { return; }
    loading = true;
    loadFirstSearchFile(function () {
      loaded = 1;
      apply(false);
      next();
    });
    var next = function () {
      if (loaded >= data.search.length) { return; }
      var script = doc.createElement("script");
      script.src = data.search[loaded];
      script.onload = function () {
        var done = function () {
          loaded += 1;
          // the results are redrawn every few files while the rest load, and once at the end
          if (loaded % 8 === 0 || loaded >= data.search.length) { apply(false); }
          next();
        };
        if (unpacked) { unpacked.then(done); unpacked = null; } else { done(); }
      };
      doc.head.appendChild(script);
    };
  }
  // } folder-only

  // --- filters, sorting and the URL
  var sortKey = "n", sortDescending = false;
  var NUMERIC = { n: true, score: true, chars: true };
  var collator = window.Intl ? new Intl.Collator("zh-CN") : null;
  function passesFilters(row) {
    return (!theme.value || row.themes.indexOf(theme.value) >= 0) &&
      (!enterprise.value || row.enterprises.indexOf(enterprise.value) >= 0) &&
      (!source.value || row.file === source.value) &&
      (!from || !from.value || (row.date && row.date >= from.value)) &&
      (!to || !to.value || (row.date && row.date <= to.value));
  }
  function sorted() {
    return rows.slice().sort(function (a, b) {
      var x = a[sortKey], y = b[sortKey];
      var order = NUMERIC[sortKey] ? x - y : (collator ? collator.compare(x, y) : (x < y ? -1 : x > y ? 1 : 0));
      if (sortDescending) { order = -order; }
      return order || a.n - b.n;
    });
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
  function link(row, state) {
    return row.href + (state ? (data ? "#" : "&") + state : "");
  }

  // --- results: per hit the number of matches, its title once (matches marked), then up to
  // KWIC_LINES distinct passages of the rest in context (matches near each other in one passage)
  function marked(parent, text, hits, left, right) {
    var at = left, before = left ? "…" : "";
    hits.forEach(function (hit) {
      if (hit.start < at) { return; }
      parent.append(before + text.slice(at, hit.start), doc.createElement("mark"));
      parent.lastChild.textContent = text.slice(hit.start, hit.end);
      at = hit.end;
      before = "";
    });
    parent.append(before + text.slice(at, right) + (right < text.length ? "…" : ""));
  }
  function passages(row, hits) {
    var shown = [], seen = {}, last = {};
    seen[row.segments[0].text] = true;
    hits.forEach(function (hit) {
      var text = row.segments[hit.segment].text;
      var left = Math.max(0, hit.start - CONTEXT), right = Math.min(text.length, hit.end + CONTEXT);
      if (last.segment === hit.segment && left < last.right) {
        if (hit.end - last.left <= 3 * CONTEXT) {
          last.right = Math.max(last.right, right);
          last.end = hit.end;
          return last.hits.push(hit);
        }
        // too long for one passage: the next starts where the last one's matches end
        left = last.right = Math.min(hit.start, Math.max(left, last.end));
      }
      if (hit.segment) {
        shown.push(last = { segment: hit.segment, text: text, left: left, right: right, end: hit.end, hits: [hit] });
      }
    });
    return shown.filter(function (p) {
      var key = p.text.slice(p.left, p.right);
      return !seen[key] && (seen[key] = true);
    }).slice(0, KWIC_LINES);
  }
  function resultItem(row, hits, state) {
    var item = doc.createElement("li");
    item.setAttribute("data-article", row.id);
    var head = doc.createElement("p");
    var anchor = doc.createElement("a");
    anchor.href = link(row, state);
    var title = row.segments[0].text;
    marked(anchor, title, hits.filter(function (hit) { return !hit.segment; }), 0, title.length);
    head.appendChild(anchor);
    var count = doc.createElement("span");
    count.className = "hit-count";
    count.textContent = " " + hits.length + " 处";
    head.appendChild(count);
    var byline = doc.createElement("small");
    // as the theme lists give it: the author (未署名 before a unit) and the unit, each only when known
    var known = function (text) { return text && text !== "—" ? text : ""; };
    var author = known(row.author), unit = known(row.unit);
    byline.textContent = author || unit ? " " + (author || "未署名") + (unit ? " · " + unit : "") : "";
    head.appendChild(byline);
    // and its primary theme, as the table's row gives it
    if (known(row.theme)) {
      var primary = doc.createElement("span");
      primary.className = "hit-theme";
      primary.textContent = "主题：" + row.theme;
      head.appendChild(primary);
    }
    item.appendChild(head);
    var lines = doc.createElement("ul");
    lines.className = "kwic";
    passages(row, hits).forEach(function (p) {
      marked(lines.appendChild(doc.createElement("li")), p.text, p.hits, p.left, p.right);
    });
    item.appendChild(lines);
    return item;
  }

  // --- the rows: the page's own (single file), or made from the data a page at a time (folder form)
  // folder-only {
  function cellLink(text, href) {
    var td = doc.createElement("td");
    if (href) {
      var a = doc.createElement("a");
      a.href = href;
      a.textContent = text;
      td.appendChild(a);
    } else { td.textContent = text || "—"; }
    return td;
  }
  function makeRow(row) {
    var tr = doc.createElement("tr");
    tr.setAttribute("data-article", row.id);
    var number = doc.createElement("td");
    number.textContent = row.n;
    tr.appendChild(number);
    var title = cellLink(row.title, row.href);
    if (row.inferred) {
      var badge = doc.createElement("span");
      badge.className = "badge inferred";
      badge.textContent = "推断";
      title.appendChild(badge);
    }
    tr.appendChild(title);
    tr.appendChild(cellLink(row.author, ""));
    tr.appendChild(cellLink(row.unit, row.unitHref ? data.root + row.unitHref : ""));
    tr.appendChild(cellLink(row.theme, row.themeHref ? data.root + row.themeHref : ""));
    tr.appendChild(cellLink(row.score.toFixed(2), ""));
    tr.appendChild(cellLink(row.chars.toLocaleString("en-US"), ""));
    tr.appendChild(cellLink(row.label, ""));
    return tr;
  }
  // a title's link carries the table's state (search, filters, sort), so an article opened in a
  // new tab, whose session does not share this one's storage, still leads back to the same table
  var shownRows = [], shownState = "", rendered = 0;
  var more = doc.createElement("button");
  more.type = "button";
  more.className = "more-rows";
  more.hidden = true;
  table.parentNode.insertBefore(more, table.nextSibling);
  function renderMore() {
    var end = Math.min(shownRows.length, rendered + PAGE_ROWS);
    var batch = doc.createDocumentFragment();
    for (; rendered < end; rendered += 1) {
      var row = shownRows[rendered];
      if (!row.element) { row.element = makeRow(row); }
      row.element.cells[1].firstChild.href = link(row, shownState);
      batch.appendChild(row.element);
    }
    tbody.appendChild(batch);
    more.hidden = rendered >= shownRows.length;
    more.textContent = "再显示 " + Math.min(PAGE_ROWS, shownRows.length - rendered) + " 篇（还有 " + (shownRows.length - rendered) + " 篇）";
  }
  more.addEventListener("click", renderMore);
  if (window.IntersectionObserver) {
    new IntersectionObserver(function (entries) {
      if (entries[0].isIntersecting && !more.hidden) { renderMore(); }
    }, { rootMargin: "600px" }).observe(more);
  }
  // } folder-only
  function renderRows(visible, state) {
    // folder-only {
    if (data) {
      shownRows = visible;
      shownState = state;
      rendered = 0;
      tbody.textContent = "";
      renderMore();
      return;
    }
    // } folder-only
    var shown = {};
    visible.forEach(function (row) { shown[row.id] = true; tbody.appendChild(row.element); });
    rows.forEach(function (row) {
      row.element.hidden = !shown[row.id];
      var element = $(row.id);
      if (element) { element.classList.toggle("filtered-out", !shown[row.id]); }
    });
  }

  function apply(updateUrl) {
    var words = queryWords(search.value);
    // folder-only {
    if (words.length) { loadSearchFiles(); }
    // } folder-only
    var visible = [], found = [], matches = 0, waiting = 0, state = stateString();
    var list = doc.createDocumentFragment();
    sorted().forEach(function (row) {
      if (!passesFilters(row)) { return; }
      if (!words.length) { visible.push(row); return; }
      if (!segments(row)) { waiting += 1; return; }
      var hits = matchesIn(row.segments, words);
      if (!hits) { return; }
      visible.push(row);
      found.push([row, hits]);
      matches += hits.length;
    });
    // the results most matches first (the table keeps its own order); ties in the table's order
    found.sort(function (a, b) { return b[1].length - a[1].length; });
    found.slice(0, RESULTS_SHOWN).forEach(function (hit) { list.appendChild(resultItem(hit[0], hit[1], state)); });
    hitList.textContent = "";
    hitList.appendChild(list);
    renderRows(visible, state);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      var key = th.getAttribute("data-sort");
      th.setAttribute("aria-sort", key === sortKey ? (sortDescending ? "descending" : "ascending") : "none");
    });
    results.hidden = words.length === 0;
    var filtered = words.length > 0 || !!(theme.value || enterprise.value || source.value || (from && from.value) || (to && to.value));
    status.textContent = (filtered ?
      "显示 " + visible.length + " / " + rows.length + " 篇文章" + (words.length ? "，共 " + matches + " 处" : "") :
      "共 " + rows.length + " 篇文章") + (waiting ? "（正在检索其余 " + waiting + " 篇…）" : "");
    empty.hidden = visible.length > 0 || waiting > 0;
    if (updateUrl) { writeUrl(); }
    // folder-only {
    if (data) { remember(state); }
    // } folder-only
  }

  function open(anchor, stated, kept) {
    var target = anchor ? $(anchor) : null;
    if (target && target.classList.contains("article")) {
      showArticle(target, queryWords(search.value), stated, kept);
      return;
    }
    var previous = doc.querySelector("article.current");
    if (previous) { previous.classList.remove("current"); }
    doc.body.classList.remove("has-current");
    if (window.CSS && CSS.highlights) { CSS.highlights.delete(HIGHLIGHT); }
    if (stated && !kept) { (target || $("articles")).scrollIntoView(); }
  }
  // back from an article to the search results, the page stays where the reader left it (it was
  // scrolled to the top of the table); a link to a search (#q=…) still scrolls to the table
  var traversing = false;
  if (window.navigation && navigation.addEventListener) {
    navigation.addEventListener("navigate", function (event) { traversing = event.navigationType === "traverse"; });
  }
  function followHash() {
    var hash = readHash(), kept = traversing;
    traversing = false;
    if (hash.stated) {
      setControls(hash.params);
      apply(false);
    }
    open(hash.anchor, hash.stated, kept);
  }
  beforePrint = function (element) {
    var state = stateString();
    var hash = "#" + element.id + (state ? "&" + state : "");
    if (location.hash !== hash) { history.replaceState(null, "", hash); }
    open(element.id, false);
  };

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
      sortDescending = sortKey === key ? !sortDescending : !!NUMERIC[key] && key !== "n";
      sortKey = key;
      apply(true);
    });
  });
  search.addEventListener("input", function () { apply(true); });
  // folder-only {
  if (data && data.search.length) {
    search.addEventListener("focus", function () { loadFirstSearchFile(); });
    (window.requestIdleCallback || setTimeout)(function () { loadFirstSearchFile(); });
  }
  // } folder-only
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
  Array.prototype.forEach.call(doc.querySelectorAll("article.article"), function (element) { addTools(element, "#" + element.id); });
  window.addEventListener("hashchange", followHash);
  controls.hidden = false;
  var initial = readHash();
  // folder-only {
  if (data && /^a-/.test(initial.anchor) && byId[initial.anchor]) {
    // a link from the single-file report (index.html#a-…) still reaches the article
    location.replace(byId[initial.anchor].href + location.hash.slice(1 + initial.anchor.length).replace(/^&/, "#"));
    return;
  }
  // } folder-only
  if (initial.stated) { setControls(initial.params); }
  apply(false);
  open(initial.anchor, initial.stated);
  performance.mark("zg-ready");
}());
