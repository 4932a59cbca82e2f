// bench.js: the in-page half of the jsbench benchmark, loaded by both
// pages (gocycle.html and vanilla.html) before the app. It knows the app
// only by its markup: buttons #run, #runlots, #add, #update, #clear,
// #swaprows, and rows tbody > tr > td, td > a.lbl, td > a.remove > span.
//
//   await jsbench.ready()      the app is running and shows its buttons
//   await jsbench.run("swap")  one run of an operation: its setup, then the
//                              measured click, then checks of the table
//   jsbench.ops                the operations, by name, with their titles
//
// The measure (see README.md): t0 = performance.now() just before the
// button's click(); then at every animation frame the table is checked
// for the state the operation must produce, and once it is there the end
// is taken in a task posted from that frame's requestAnimationFrame
// callback, which runs after the frame's style, layout and paint. So the
// time counts the app's work wherever it happens (in the click handler,
// as vanilla.js does, or in the next animation frame, as gocycle's DOM
// driver does) and the rendering of the frame that shows the result, the
// same way for both apps.
(function () {
  "use strict";

  // The table must be in the expected state within this many animation
  // frames of the click, or the run fails.
  const MAX_FRAMES = 600;

  const errors = [];
  addEventListener("error", (e) => errors.push(String(e.message || e)));

  // afterTask runs f in a task of its own, as soon as the event loop
  // gets to it (a MessageChannel message: setTimeout may be clamped).
  const channel = new MessageChannel();
  const queue = [];
  channel.port1.onmessage = () => queue.shift()();
  function afterTask(f) {
    queue.push(f);
    channel.port2.postMessage(0);
  }

  // afterPaint resolves after the next frame has been rendered.
  function afterPaint() {
    return new Promise((resolve) => requestAnimationFrame(() => afterTask(resolve)));
  }

  // settle lets pending frames and tasks finish, and collects the
  // garbage of what came before when the browser allows it
  // (--js-flags=--expose-gc), so that it is not collected during the
  // next measure.
  async function settle() {
    await afterPaint();
    await afterPaint();
    if (typeof window.gc === "function") {
      window.gc();
    }
    await afterPaint();
  }

  function tbody() {
    return document.querySelector("#main tbody");
  }
  function count() {
    const t = tbody();
    return t === null ? 0 : t.children.length;
  }
  function row(i) {
    return tbody().children[i];
  }
  function idAt(i) {
    const tr = row(i);
    return tr === undefined ? "" : tr.children[0].textContent;
  }
  function labelAt(i) {
    const tr = row(i);
    return tr === undefined ? "" : tr.children[1].firstElementChild.textContent;
  }
  function ids() {
    return Array.from(tbody().children, (tr) => tr.children[0].textContent);
  }
  function labels() {
    return Array.from(tbody().children, (tr) => tr.children[1].firstElementChild.textContent);
  }
  function button(id) {
    const b = document.getElementById(id);
    if (b === null) {
      throw new Error("no button #" + id);
    }
    return b;
  }

  // act clicks el and resolves, once the frame in which done() holds has
  // been rendered, with the times of the measure (milliseconds):
  //
  //   ms      from the click to after that frame: the measure
  //   click   the click's event handlers, until click() returned
  //   wait    from then to the start of the next animation frame: idle,
  //           waiting for the display's next frame (vsync)
  //   raf     the animation frame callbacks before the one of act,
  //           where gocycle's DOM driver patches the page
  //   render  from then to after the frame: style, layout and paint
  //   frames  the animation frames it took (1: the first after the click)
  //
  // active = click + raf + render = ms - wait (when frames is 1) is the
  // work of the operation without the idle wait for the frame.
  function act(el, done, profile) {
    return new Promise((resolve, reject) => {
      let frames = 0;
      let frameStart = NaN;
      const onFrame = () => {
        const t2 = performance.now();
        frames++;
        if (done()) {
          afterTask(() => {
            const t3 = performance.now();
            if (profile) {
              console.profileEnd("jsbench");
            }
            resolve({
              ms: t3 - t0, click: t1 - t0, wait: frameStart - t1, raf: t2 - frameStart, render: t3 - t2,
              active: t3 - t0 - Math.max(0, frameStart - t1), frames,
            });
          });
        } else if (frames >= MAX_FRAMES) {
          reject(new Error("the expected table did not come within " + MAX_FRAMES + " frames"));
        } else {
          requestAnimationFrame(onFrame);
        }
      };
      // The first callback of the next frame: when it starts.
      requestAnimationFrame(() => {
        frameStart = performance.now();
      });
      if (profile) {
        console.profile("jsbench"); // the driver's -profile: V8's profiler, on the measure only
      }
      const t0 = performance.now();
      el.click();
      const t1 = performance.now();
      requestAnimationFrame(onFrame);
    });
  }

  // step is an untimed action of a setup: click and wait until done.
  async function step(el, done) {
    await act(el, done);
    await settle();
  }

  async function clearTable() {
    if (count() > 0) {
      await step(button("clear"), () => count() === 0);
    }
  }

  async function create1k() {
    await clearTable();
    await step(button("run"), () => count() === 1000);
  }

  // check throws if a condition of the resulting table is false.
  function check(ok, what) {
    if (!ok) {
      throw new Error(what);
    }
  }

  function consecutive(list, from) {
    for (let i = 0; i < list.length; i++) {
      if (list[i] !== String(from + i)) {
        return false;
      }
    }
    return true;
  }

  // The operations: setup (untimed) returns what the measured click
  // needs and its checks get; target is the element to click; done is
  // the state that ends the measure; verify checks the whole table
  // afterwards (untimed).
  const ops = {
    create1k: {
      title: "create 1,000 rows",
      setup: async () => {
        await clearTable();
        return {};
      },
      target: () => button("run"),
      done: () => count() === 1000,
      verify: () => {
        const list = ids();
        check(list.length === 1000, "1,000 rows");
        check(consecutive(list, Number(list[0])), "consecutive ids");
      },
    },
    replace1k: {
      title: "replace 1,000 rows",
      setup: async () => {
        await create1k();
        return { first: idAt(0), last: Number(idAt(999)) };
      },
      target: () => button("run"),
      done: (pre) => count() === 1000 && idAt(0) !== pre.first,
      verify: (pre) => {
        const list = ids();
        check(list.length === 1000, "1,000 rows");
        check(consecutive(list, pre.last + 1), "new consecutive ids after the old ones");
      },
    },
    update10th: {
      title: "update every 10th row of 1,000",
      setup: async () => {
        await create1k();
        return { labels: labels() };
      },
      target: () => button("update"),
      done: (pre) => labelAt(0) === pre.labels[0] + " !!!",
      verify: (pre) => {
        const now = labels();
        check(now.length === 1000, "1,000 rows");
        for (let i = 0; i < now.length; i++) {
          const want = i % 10 === 0 ? pre.labels[i] + " !!!" : pre.labels[i];
          check(now[i] === want, "row " + i + " is " + JSON.stringify(now[i]) + ", want " + JSON.stringify(want));
        }
      },
    },
    select: {
      title: "select a row",
      setup: async () => {
        await create1k();
        return { id: idAt(1) };
      },
      target: () => row(1).querySelector("a.lbl"),
      done: () => row(1).classList.contains("danger"),
      verify: (pre) => {
        const sel = tbody().querySelectorAll("tr.danger");
        check(sel.length === 1, "one row selected, not " + sel.length);
        check(sel[0].children[0].textContent === pre.id, "the 2nd row selected");
      },
    },
    swap: {
      title: "swap rows 2 and 999",
      setup: async () => {
        await create1k();
        return { ids: ids() };
      },
      target: () => button("swaprows"),
      done: (pre) => idAt(1) === pre.ids[998] && idAt(998) === pre.ids[1],
      verify: (pre) => {
        const want = pre.ids.slice();
        [want[1], want[998]] = [want[998], want[1]];
        check(ids().join() === want.join(), "only rows 2 and 999 swapped");
      },
    },
    remove: {
      title: "remove a row",
      setup: async () => {
        await create1k();
        return { ids: ids() };
      },
      target: () => row(3).querySelector("a.remove span"),
      done: (pre) => count() === 999 && idAt(3) === pre.ids[4],
      verify: (pre) => {
        const want = pre.ids.slice();
        want.splice(3, 1);
        check(ids().join() === want.join(), "only the 4th row removed");
      },
    },
    create10k: {
      title: "create 10,000 rows",
      setup: async () => {
        await clearTable();
        return {};
      },
      target: () => button("runlots"),
      done: () => count() === 10000,
      verify: () => {
        const list = ids();
        check(list.length === 10000, "10,000 rows");
        check(consecutive(list, Number(list[0])), "consecutive ids");
      },
    },
    append1k: {
      title: "append 1,000 rows to 1,000",
      setup: async () => {
        await create1k();
        return { ids: ids() };
      },
      target: () => button("add"),
      done: () => count() === 2000,
      verify: (pre) => {
        const list = ids();
        check(list.length === 2000, "2,000 rows");
        check(list.slice(0, 1000).join() === pre.ids.join(), "the first 1,000 rows kept");
        check(consecutive(list.slice(1000), Number(pre.ids[999]) + 1), "new consecutive ids after the old ones");
      },
    },
    clear1k: {
      title: "clear 1,000 rows",
      setup: async () => {
        await create1k();
        return {};
      },
      target: () => button("clear"),
      done: () => count() === 0,
      verify: () => {
        check(tbody() !== null && count() === 0, "an empty table");
      },
    },
  };

  // digest is a hash of the table (ids, labels, selection): equal in both
  // apps after the same clicks.
  function digest() {
    let h = 0x811c9dc5;
    const t = tbody();
    const rows = t === null ? [] : t.children;
    for (const tr of rows) {
      const s = tr.children[0].textContent + "\t" + tr.children[1].firstElementChild.textContent + "\t" +
        (tr.classList.contains("danger") ? "1" : "0") + "\n";
      for (let i = 0; i < s.length; i++) {
        h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
      }
    }
    return (h >>> 0).toString(16) + "/" + rows.length;
  }

  function appErrors() {
    return errors.concat(window.jsbenchErrors || []);
  }

  // run runs one operation: its setup, the measured click, the checks
  // and a reset to an empty table (untimed), and returns the times of act
  // and { rows, digest, error }. With profile true, V8's CPU profiler
  // runs during the measure (console.profile).
  async function run(name, profile) {
    const op = ops[name];
    if (op === undefined) {
      throw new Error("no operation " + JSON.stringify(name) + "; there are " + Object.keys(ops).join(", "));
    }
    const out = { op: name, ms: NaN, active: NaN, click: NaN, wait: NaN, raf: NaN, render: NaN, frames: 0, rows: 0, digest: "", error: "" };
    try {
      const pre = await op.setup();
      await settle();
      const target = op.target(pre);
      check(target !== null && target !== undefined, "nothing to click");
      const r = await act(target, () => op.done(pre), profile === true);
      Object.assign(out, r);
      await settle();
      out.rows = count();
      out.digest = digest();
      op.verify(pre);
      await clearTable();
    } catch (e) {
      out.error = String(e && e.stack || e);
    }
    const errs = appErrors();
    if (errs.length > 0 && out.error === "") {
      out.error = "errors in the page: " + errs.join("; ");
    }
    return out;
  }

  // ready resolves once the app shows its buttons.
  async function ready() {
    const start = performance.now();
    while (!(window.jsbenchReady === true && document.getElementById("run") !== null)) {
      const errs = appErrors();
      if (errs.length > 0) {
        throw new Error("the app did not start: " + errs.join("; "));
      }
      if (performance.now() - start > 30000) {
        throw new Error("the app did not start within 30s");
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    await settle();
    return true;
  }

  const titles = {};
  for (const name in ops) {
    titles[name] = ops[name].title;
  }
  window.jsbench = Object.freeze({ ready, run, ops: titles, digest, settle, afterPaint });
})();
