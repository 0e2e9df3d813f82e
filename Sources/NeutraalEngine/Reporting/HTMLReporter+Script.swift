/// The few lines of script of the HTML report: read the JSON data block, filter by verdict and rule (also
/// from the address, `#verdict=violation&rule=ID&page=2`), and show one page of rows at a time. With no
/// verdict and no rule chosen, `allowed` findings are left out and counted in the status line;
/// `#verdict=allowed` shows them alone and `#verdict=all` shows every finding; a list such as
/// `#verdict=advisory,undetermined` (the link of the `let op` card) shows the findings of each verdict named. It builds
/// the rows with `textContent` only, so description text is never parsed as HTML. The table exposes
/// `data-rows` (rows shown), `data-matches` (rows that pass the filter) and `data-page`, and the body gets
/// `data-ready` once the first page is shown, so that a headless browser can check the page.
extension HTMLReporter {
    static let script = #"""
    (function () {
      "use strict";
      function json(id) { var node = document.getElementById(id); return node ? JSON.parse(node.textContent) : null; }
      var config = json("neutraal-config"), data = json("neutraal-data");
      if (!config || !data) return;
      var labels = config.labels, ui = config.ui, rules = config.rules, size = config.pageSize;
      var rows = [], byVerdict = {}, byRule = {};
      data.forEach(function (d) {
        d.f.forEach(function (f) {
          rows.push({ d: d, f: f });
          byVerdict[f.v] = (byVerdict[f.v] || 0) + 1;
          byRule[f.r] = (byRule[f.r] || 0) + 1;
        });
      });
      var table = document.getElementById("findings"), tbody = table.tBodies[0];
      var verdictSelect = document.getElementById("f-verdict"), ruleSelect = document.getElementById("f-rule");
      var status = document.getElementById("f-status");
      var state = { verdict: "", rule: "", page: 1 };
      var control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

      function option(select, value, text) {
        var node = document.createElement("option");
        node.value = value;
        node.textContent = text;
        select.appendChild(node);
      }
      Object.keys(labels).forEach(function (v) { if (byVerdict[v]) option(verdictSelect, v, labels[v] + " (" + byVerdict[v] + ")"); });
      // undetermined findings count as advisory: the card of that verdict shows both
      if (byVerdict.undetermined) {
        option(verdictSelect, "advisory,undetermined",
          labels.advisory + " + " + labels.undetermined + " (" + ((byVerdict.advisory || 0) + byVerdict.undetermined) + ")");
      }
      if (byVerdict.allowed) option(verdictSelect, "all", ui.everything + " (" + rows.length + ")");
      Object.keys(byRule).sort().forEach(function (r) {
        option(ruleSelect, r, r + (rules[r] ? ": " + rules[r][0] : "") + " (" + byRule[r] + ")");
      });

      function readHash() {
        var params = new URLSearchParams(location.hash.replace(/^#/, ""));
        state.verdict = params.get("verdict") || "";
        state.rule = params.get("rule") || "";
        state.page = Math.max(1, parseInt(params.get("page") || "1", 10) || 1);
      }
      function writeHash() {
        var params = new URLSearchParams();
        if (state.verdict) params.set("verdict", state.verdict);
        if (state.rule) params.set("rule", state.rule);
        if (state.page > 1) params.set("page", String(state.page));
        var hash = params.toString();
        try { history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search); } catch (e) { /* not allowed here */ }
      }

      function textWithMarks(parent, text, marks) {
        var chars = Array.from(text.replace(control, "\ufffd")), position = 0, ranges = [];
        for (var i = 0; i + 1 < marks.length; i += 2) ranges.push([marks[i], marks[i + 1]]);
        ranges.sort(function (a, b) { return a[0] - b[0]; });
        ranges.forEach(function (range) {
          var start = Math.max(range[0], position), end = Math.min(range[1], chars.length);
          if (start >= end) return;
          parent.appendChild(document.createTextNode(chars.slice(position, start).join("")));
          var mark = document.createElement("mark");
          mark.textContent = chars.slice(start, end).join("");
          parent.appendChild(mark);
          position = end;
        });
        parent.appendChild(document.createTextNode(chars.slice(position).join("")));
      }
      function cell(tr, text, sub, more) {
        var td = document.createElement("td");
        td.textContent = text.replace(control, "\ufffd");
        [sub, more].forEach(function (line) {
          if (!line) return;
          var span = document.createElement("span");
          span.className = "sub";
          span.textContent = line.replace(control, "\ufffd");
          td.appendChild(span);
        });
        tr.appendChild(td);
        return td;
      }
      // where the description is (file:line:column), unless its id already says it (`file`, `file#3`)
      function place(d) { return d.at && d.at.indexOf(d.id + ":") !== 0 && d.id.indexOf(d.at) !== 0 ? d.at : ""; }
      function row(d, f) {
        var tr = document.createElement("tr"), rule = rules[f.r];
        cell(tr, d.id, d.d || "", place(d));
        var badge = document.createElement("span");
        badge.className = "badge c-" + f.v;
        badge.textContent = labels[f.v] || f.v;
        cell(tr, "").appendChild(badge);
        cell(tr, f.r, rule ? rule[0] : "");
        cell(tr, rule ? rule[1] : "");
        var td = cell(tr, "");
        if (d.t) {
          var post = document.createElement("div");
          post.className = "post";
          textWithMarks(post, d.t, f.m || []);
          td.appendChild(post);
        }
        if (f.n && f.n.length) {
          var list = document.createElement("ul");
          list.className = "evidence";
          f.n.forEach(function (note) {
            var item = document.createElement("li");
            item.textContent = note.replace(control, "\ufffd");
            list.appendChild(item);
          });
          td.appendChild(list);
        }
        return tr;
      }

      function render() {
        // without a verdict or a rule chosen, findings that permit the help are left out (and counted)
        var hideAllowed = !state.verdict && !state.rule, hidden = 0;
        var list = rows.filter(function (r) {
          if (hideAllowed && r.f.v === "allowed") { hidden++; return false; }
          return (!state.verdict || state.verdict === "all" || state.verdict.split(",").indexOf(r.f.v) >= 0)
            && (!state.rule || r.f.r === state.rule);
        });
        var pages = Math.max(1, Math.ceil(list.length / size));
        state.page = Math.min(state.page, pages);
        var start = (state.page - 1) * size, end = Math.min(list.length, start + size);
        var fragment = document.createDocumentFragment();
        for (var i = start; i < end; i++) fragment.appendChild(row(list[i].d, list[i].f));
        tbody.replaceChildren(fragment);
        verdictSelect.value = state.verdict;
        ruleSelect.value = state.rule;
        table.setAttribute("data-rows", String(end - start));
        table.setAttribute("data-matches", String(list.length));
        table.setAttribute("data-page", String(state.page));
        status.textContent = list.length
          ? ui.showing.replace("{from}", start + 1).replace("{to}", end).replace("{total}", list.length)
          : ui.none;
        if (hidden) status.textContent += (list.length ? "; " : " ") + ui.allowedHidden.replace("{count}", hidden);
        document.querySelectorAll(".pager").forEach(function (pager) {
          pager.querySelector(".pos").textContent = ui.page.replace("{page}", state.page).replace("{pages}", pages);
          pager.querySelector("[data-step='-1']").disabled = state.page <= 1;
          pager.querySelector("[data-step='1']").disabled = state.page >= pages;
        });
      }

      verdictSelect.addEventListener("change", function () { state.verdict = verdictSelect.value; state.page = 1; writeHash(); render(); });
      ruleSelect.addEventListener("change", function () { state.rule = ruleSelect.value; state.page = 1; writeHash(); render(); });
      document.getElementById("f-reset").addEventListener("click", function () {
        state = { verdict: "", rule: "", page: 1 };
        writeHash();
        render();
      });
      document.querySelectorAll(".pager button").forEach(function (button) {
        button.addEventListener("click", function () {
          state.page += Number(button.getAttribute("data-step"));
          writeHash();
          render();
          if (button.closest(".bottom")) table.scrollIntoView();
        });
      });
      window.addEventListener("hashchange", function () {
        readHash();
        render();
        document.getElementById("findings-section").scrollIntoView();
      });

      readHash();
      var fallback = document.getElementById("static");
      if (fallback) fallback.remove();
      document.getElementById("app").hidden = false;
      render();
      document.body.setAttribute("data-ready", "true");
    })();

    """#
}
