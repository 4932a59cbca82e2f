// vanilla.js: the js-framework-benchmark's table app in plain JavaScript,
// the baseline the gocycle app (../app.go) is measured against. Written
// for this benchmark as one would write it by hand to be fast: keyed (a
// row's <tr> lives as long as the row), rows cloned from a template,
// every operation touching only the nodes it changes, one delegated
// click listener for the rows.
//
// The labels come from the same seeded generator (xorshift32) and the
// same words as the Go app's, so that after the same clicks both pages
// show the same table.
(function () {
  "use strict";

  const adjectives = ["pretty", "large", "big", "small", "tall", "short", "long", "handsome", "plain", "quaint",
    "clean", "elegant", "easy", "angry", "crazy", "helpful", "mushy", "odd", "unsightly", "adorable", "important",
    "inexpensive", "cheap", "expensive", "fancy"];
  const colours = ["red", "yellow", "blue", "green", "pink", "brown", "purple", "brown", "white", "black", "orange"];
  const nouns = ["table", "chair", "house", "bbq", "desk", "car", "pony", "cookie", "sandwich", "burger", "pizza",
    "mouse", "keyboard"];

  // The generator's state: Seed in app.go.
  let seed = 0x2545f491;

  // random returns a number below n, as random in app.go does.
  function random(n) {
    let x = seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    seed = x >>> 0;
    return seed % n;
  }

  function label() {
    const a = adjectives[random(adjectives.length)];
    const c = colours[random(colours.length)];
    const n = nouns[random(nouns.length)];
    return a + " " + c + " " + n;
  }

  let nextId = 1;

  const tbody = document.getElementById("tbody");
  const template = document.createElement("template");
  template.innerHTML = "<tr><td class='col-md-1'> </td><td class='col-md-4'><a class='lbl'> </a></td>" +
    "<td class='col-md-1'><a class='remove'><span class='remove glyphicon glyphicon-remove' aria-hidden='true'></span></a></td>" +
    "<td class='col-md-6'></td></tr>";
  const rowTemplate = template.content.firstChild;

  // Row is a row of the table with the nodes it changes.
  class Row {
    constructor(id, label) {
      this.id = id;
      this.label = label;
      const tr = rowTemplate.cloneNode(true);
      const idCell = tr.firstChild;
      this.labelText = idCell.nextSibling.firstChild.firstChild;
      idCell.firstChild.nodeValue = String(id);
      this.labelText.nodeValue = label;
      tr.row = this;
      this.tr = tr;
    }

    setLabel(label) {
      this.label = label;
      this.labelText.nodeValue = label;
    }
  }

  let rows = [];
  let selected = null;

  // append adds count new rows at the end, in one insertion.
  function append(count) {
    const frag = document.createDocumentFragment();
    for (let i = 0; i < count; i++) {
      const row = new Row(nextId++, label());
      rows.push(row);
      frag.appendChild(row.tr);
    }
    tbody.appendChild(frag);
  }

  function clear() {
    tbody.textContent = "";
    rows = [];
    selected = null;
  }

  function run(count) {
    clear();
    append(count);
  }

  function update() {
    for (let i = 0; i < rows.length; i += 10) {
      const r = rows[i];
      r.setLabel(r.label + " !!!");
    }
  }

  function swapRows() {
    if (rows.length <= 998) {
      return;
    }
    const a = rows[1];
    const b = rows[998];
    const afterB = b.tr.nextSibling;
    tbody.insertBefore(b.tr, a.tr);
    tbody.insertBefore(a.tr, afterB);
    rows[1] = b;
    rows[998] = a;
  }

  function select(row) {
    if (selected === row) {
      return;
    }
    if (selected !== null) {
      selected.tr.className = "";
    }
    row.tr.className = "danger";
    selected = row;
  }

  function remove(row) {
    rows.splice(rows.indexOf(row), 1);
    row.tr.remove();
    if (selected === row) {
      selected = null;
    }
  }

  const buttons = {
    run: () => run(1000),
    runlots: () => run(10000),
    add: () => append(1000),
    update,
    clear,
    swaprows: swapRows,
  };
  for (const id in buttons) {
    document.getElementById(id).addEventListener("click", buttons[id]);
  }

  tbody.addEventListener("click", (e) => {
    const a = e.target.closest("a");
    if (a === null) {
      return;
    }
    const row = a.closest("tr").row;
    if (a.classList.contains("lbl")) {
      select(row);
    } else if (a.classList.contains("remove")) {
      remove(row);
    }
  });

  window.jsbenchReady = true;
})();
