// gocycle.js: the JavaScript half of gocycle, the runtime that the Go
// wasm module calls. Plain JavaScript, no dependencies, no build step: load
// it with a <script> tag before the wasm module starts.
//
// It defines one global object, GoCycle, with one namespace per concern, so
// that later parts (loading the wasm module, mounting widgets) are added
// beside the others without touching them:
//
//   GoCycle.dom   the DOM driver's browser side: applies the edit lists the
//                 Go diff makes, one call per frame, and delegates events.
//   GoCycle.load, GoCycle.mount   widgets: load the page's one wasm module
//                 (widgets.wasm) once, and mount any number of the widgets
//                 it registers (package web/widget) into host elements;
//                 see makeWidgets at the end of this file.
//                 GoCycle.load(url, {gzip: gzUrl}) downloads the gzip
//                 copy gzUrl instead and inflates it in the page (with
//                 DecompressionStream, while the module compiles), so the
//                 download is small whatever the server does; without
//                 DecompressionStream, or when gzUrl fails, it loads url.
//
// The Go side is drivers/dom (driver_js.go); the edit list format is
// documented on dom.Op in drivers/dom/edits.go, and the op codes below must
// stay equal to it (drivers/dom's tests check that they do).
//
// GoCycle.dom.mount(container, onEvent) → handle, one per app:
//
//   handle.apply(bytes, byteLength, strings)
//       applies one frame: bytes is a Uint8Array of little-endian uint32
//       [nWords, nStrings, words..., ends...], strings the string table
//       joined, ends[i] the end of string i in UTF-16 code units.
//   handle.listen(id, type, scope, selectors, flags) / handle.unlisten(id)
//       a delegated listener: onEvent(id, encodedEvent) is called once
//       per element on the event's path that matches the selector chain
//       within the isolation scope. flags: 1 capture, 2 passive,
//       4 preventDefault, 8 stopPropagation.
//   handle.elements(scope, selectors) → the matching elements, in
//       document order.
//   handle.node(id) → the node with that id (for hooks).
//   handle.reset() empties the container and forgets every node but the
//       container (id 0): after a frame that threw half-way, the Go side
//       drops its diff state and renders the view again from scratch.
//   handle.dispose() removes every listener, empties the container and
//       drops every reference; the handle does nothing afterwards.
//   handle.listenerCount(), handle.applyCount(): native listeners on the
//       container and frames applied, for tests and debugging.
//
// GoCycle.dom.handleOf(container) → the handle of the app in container.
//
// Text is always set as text (createTextNode, data); only the operations
// of dom.Raw, the documented escape hatch for trusted HTML, use innerHTML.
(function (root) {
  "use strict";

  const GoCycle = root.GoCycle || (root.GoCycle = {});

  // Each namespace is made once: a page that loads this file twice keeps
  // the first, whose handles are in use.
  if (!GoCycle.dom) {
    GoCycle.dom = makeDOM();
  }
  if (!GoCycle.load) {
    Object.assign(GoCycle, makeWidgets());
  }

  // makeDOM makes GoCycle.dom.
  function makeDOM() {
    // The operations of an edit list (dom.Op), with their operands.
    const OP_CREATE_ELEMENT = 1; // id tag ns
    const OP_CREATE_TEXT = 2; // id text
    const OP_CREATE_RAW = 3; // id tag html
    const OP_SET_TEXT = 4; // id text
    const OP_SET_RAW = 5; // id html
    const OP_SET_ATTR = 6; // id name value
    const OP_REMOVE_ATTR = 7; // id name
    const OP_SET_PROP_STRING = 8; // id name value
    const OP_SET_PROP_NUMBER = 9; // id name lo hi
    const OP_SET_PROP_BOOL = 10; // id name b
    const OP_REMOVE_PROP = 11; // id name
    const OP_SET_CLASS = 12; // id name on
    const OP_SET_STYLE = 13; // id name value
    const OP_REMOVE_STYLE = 14; // id name
    const OP_APPEND = 15; // parent child
    const OP_INSERT_BEFORE = 16; // parent child ref
    const OP_REMOVE = 17; // id n id1..idn
    const OP_CLEAR = 18; // parent n id1..idn

    const NO_STRING = 0xffffffff; // dom.NoString

    // Listener flags, as drivers/dom's listenFlags writes them.
    const F_CAPTURE = 1;
    const F_PASSIVE = 2;
    const F_PREVENT_DEFAULT = 4;
    const F_STOP_PROPAGATION = 8;

    // dom.ScopeAttr: marks the root elements of an isolated component's view.
    // Its value is a list of scopes, innermost first: the first owns the
    // element (and its subtree up to the next mark); every scope of the list
    // has the element as a root (a view returned by its isolated parent).
    const SCOPE_ATTR = "data-cycle-scope";
    const SCOPE_SEP = /[ \t\n\f\r]+/;

    // scopesOf splits a mark into its scopes.
    function scopesOf(mark) {
      return mark.split(SCOPE_SEP).filter((s) => s !== "");
    }

    // ownScope is the scope that owns an element marked with mark.
    function ownScope(mark) {
      const ss = scopesOf(mark);
      return ss.length > 0 ? ss[0] : "";
    }

    const XLINK_NS = "http://www.w3.org/1999/xlink";
    const XML_NS = "http://www.w3.org/XML/1998/namespace";

    // Event fields are joined with US (unit separator); an US or ESC inside
    // a field is preceded by ESC, so that no value typed by a user can shift
    // the fields Go reads (see parseEvent in drivers/dom/wire.go).
    const SEP = "\u001f";
    const ESCAPABLE = /[\u001b\u001f]/g;

    // Events that do not bubble: delegation at the container can only see
    // them in the capture phase, and, unless the listener asked for the
    // capture phase itself, only on the element they happened on, as a
    // listener on that element would.
    const NON_BUBBLING = new Set([
      "focus", "blur", "mouseenter", "mouseleave", "pointerenter", "pointerleave",
      "load", "error", "abort", "scroll", "scrollend", "toggle", "invalid", "cancel", "close",
      "loadstart", "progress", "loadend", "loadeddata", "loadedmetadata", "canplay",
      "canplaythrough", "play", "pause", "playing", "ended", "seeking", "seeked",
      "timeupdate", "volumechange", "ratechange", "durationchange", "stalled", "suspend",
      "waiting", "emptied", "gotpointercapture", "lostpointercapture",
    ]);

    // The platform's byte order, for reading frames through a Uint32Array
    // (the format is little-endian; every browser today is too).
    const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

    // Scratch space to turn two uint32 words into a float64.
    const f64 = new Float64Array(1);
    const f64words = new Uint32Array(f64.buffer);
    const LO = LITTLE_ENDIAN ? 0 : 1;
    const HI = 1 - LO;

    // The handle of every mounted container, so that one element never gets
    // two apps and tests can find an app's handle.
    const handles = new WeakMap();

    // words returns the frame's bytes as uint32 words, without copying when
    // it can.
    function words(bytes, byteLength) {
      const n = byteLength >>> 2;
      if (LITTLE_ENDIAN && (bytes.byteOffset & 3) === 0) {
        return new Uint32Array(bytes.buffer, bytes.byteOffset, n);
      }
      const w = new Uint32Array(n);
      const view = new DataView(bytes.buffer, bytes.byteOffset, byteLength);
      for (let i = 0; i < n; i++) {
        w[i] = view.getUint32(i * 4, true);
      }
      return w;
    }

    function esc(s) {
      return s.indexOf("\u001f") < 0 && s.indexOf("\u001b") < 0 ? s : s.replace(ESCAPABLE, "\u001b$&");
    }

    function num(x) {
      return typeof x === "number" ? String(x) : "";
    }

    function str(x) {
      return typeof x === "string" ? esc(x) : "";
    }

    // eventFields encodes what dom.Event copies from an event, but for the
    // dataset, which belongs to the matched element:
    // type, value, number, checked, key, code, modifiers (alt 1, ctrl 2,
    // meta 4, shift 8), clientX, clientY, offsetX, offsetY, target tag.
    function eventFields(ev) {
      const t = ev.target;
      let value = "";
      let number = NaN;
      let checked = false;
      let tag = "";
      if (t && t.nodeType === 1) {
        tag = t.localName;
        const v = t.value; // a number on li, meter, progress: not a form value
        if (typeof v === "string") {
          value = v;
          number = (t.type === "number" || t.type === "range") && typeof t.valueAsNumber === "number"
            ? t.valueAsNumber
            : parseFloat(v);
        }
        checked = t.checked === true;
      }
      const mods = (ev.altKey ? 1 : 0) | (ev.ctrlKey ? 2 : 0) | (ev.metaKey ? 4 : 0) | (ev.shiftKey ? 8 : 0);
      return str(ev.type) + SEP + esc(value) + SEP + String(number) + SEP + (checked ? "1" : "0") +
        SEP + str(ev.key) + SEP + str(ev.code) + SEP + mods +
        SEP + num(ev.clientX) + SEP + num(ev.clientY) + SEP + num(ev.offsetX) + SEP + num(ev.offsetY) +
        SEP + tag;
    }

    function datasetFields(el) {
      let s = "";
      const ds = el.dataset;
      if (ds) {
        for (const k in ds) {
          s += SEP + esc(k) + SEP + esc(ds[k]);
        }
      }
      return s;
    }

    // mount makes container the root of one app's view and returns the
    // app's handle. onEvent(listenerId, encodedEvent) is called for every
    // delegated event that matches a listener; it is the Go side's one
    // callback for all of its listeners.
    //
    // The container's own content stays until the first frame is applied
    // (a "loading…" text, say), and is then replaced by the view. dispose
    // empties it again.
    function mount(container, onEvent) {
      if (!container || container.nodeType !== 1) {
        throw new TypeError("GoCycle.dom.mount: the container must be an element");
      }
      if (typeof onEvent !== "function") {
        throw new TypeError("GoCycle.dom.mount: onEvent must be a function");
      }
      if (handles.has(container)) {
        throw new Error("GoCycle.dom.mount: this element already shows a gocycle app; dispose that app first or mount into another element");
      }
      const doc = container.ownerDocument;

      // The node table: the node with id i is nodes[i]; 0 is the container,
      // and freed ids are undefined.
      let nodes = [container];
      let first = true;
      let disposed = false;
      let applies = 0;

      // Delegated listeners by id, and groups of them by (type, capture):
      // each group has one native listener on the container while it has
      // listeners.
      const listeners = new Map();
      const groups = new Map();
      let natives = 0;

      // The strings of the frame being applied, by index: each is sliced
      // out of the joined table once, so that a name used by a thousand
      // elements is one JavaScript string, which the DOM's own string
      // caches then recognise.
      let table = [];

      // New elements by namespace and tag, whose properties are the
      // defaults of removeProp: one per tag, made when first needed.
      const pristines = new Map();

      function apply(bytes, byteLength, strings) {
        if (disposed) {
          return;
        }
        applies++;
        const w = words(bytes, byteLength);
        const nWords = w[0];
        const nStrings = w[1];
        const end = 2 + nWords; // index of the end of string 0
        if (end + nStrings > w.length) {
          throw new Error("gocycle: the edit list frame is " + w.length + " words long, its header says " + (end + nStrings));
        }
        if (table.length < nStrings) {
          table = new Array(nStrings);
        }
        for (let k = 0, from = 0; k < nStrings; k++) {
          const to = w[end + k];
          table[k] = strings.slice(from, to);
          from = to;
        }
        try {
          run(w, end, table);
        } finally {
          table.fill(undefined, 0, nStrings); // hold no page text between frames
        }
      }

      // run applies the ops in w[2:end] with the string table t.
      function run(w, end, t) {
        if (first) {
          first = false;
          container.textContent = ""; // what was there before the app
          if (firstFrameMarks < MAX_FIRST_FRAME_MARKS) {
            firstFrameMarks++; // a long session mounts apps without end
            mark("gocycle:first-frame");
          }
        }
        let i = 2;
        while (i < end) {
          const op = w[i];
          switch (op) {
            case OP_CREATE_ELEMENT: {
              const id = w[i + 1];
              const ns = w[i + 3];
              const el = ns === NO_STRING
                ? doc.createElement(t[w[i + 2]])
                : doc.createElementNS(t[ns], t[w[i + 2]]);
              nodes[id] = el;
              i += 4;
              // The element's attributes and classes follow (as dom's
              // Patcher.make writes them): the classes turned on are
              // collected and set at once, which costs much less than a
              // classList.toggle each. Anything else ends the run, and a
              // class attribute set by an attribute op leaves the classes
              // that follow to classList, as the ops say.
              let cls = "";
              while (i < end && w[i + 1] === id) {
                const o = w[i];
                if (o === OP_SET_CLASS && w[i + 3] !== 0) {
                  const name = t[w[i + 2]];
                  if (cls === "") {
                    cls = name;
                  } else if ((" " + cls + " ").indexOf(" " + name + " ") < 0) {
                    cls += " " + name;
                  }
                } else if (o === OP_SET_ATTR && t[w[i + 2]] !== "class") {
                  setAttr(el, t[w[i + 2]], t[w[i + 3]]);
                } else {
                  break;
                }
                i += 4;
              }
              if (cls !== "") {
                if (ns === NO_STRING) {
                  el.className = cls;
                } else {
                  el.setAttribute("class", cls);
                }
              }
              break;
            }
            case OP_CREATE_TEXT:
              nodes[w[i + 1]] = doc.createTextNode(t[w[i + 2]]);
              i += 3;
              break;
            case OP_CREATE_RAW: {
              // The documented escape hatch (dom.Raw): trusted HTML only.
              const el = doc.createElement(t[w[i + 2]]);
              el.innerHTML = t[w[i + 3]];
              nodes[w[i + 1]] = el;
              i += 4;
              break;
            }
            case OP_SET_TEXT:
              nodes[w[i + 1]].data = t[w[i + 2]];
              i += 3;
              break;
            case OP_SET_RAW:
              nodes[w[i + 1]].innerHTML = t[w[i + 2]];
              i += 3;
              break;
            case OP_SET_ATTR:
              setAttr(nodes[w[i + 1]], t[w[i + 2]], t[w[i + 3]]);
              i += 4;
              break;
            case OP_REMOVE_ATTR:
              removeAttr(nodes[w[i + 1]], t[w[i + 2]]);
              i += 3;
              break;
            case OP_SET_PROP_STRING:
              setProp(nodes[w[i + 1]], t[w[i + 2]], t[w[i + 3]]);
              i += 4;
              break;
            case OP_SET_PROP_NUMBER:
              f64words[LO] = w[i + 3];
              f64words[HI] = w[i + 4];
              setProp(nodes[w[i + 1]], t[w[i + 2]], f64[0]);
              i += 5;
              break;
            case OP_SET_PROP_BOOL:
              setProp(nodes[w[i + 1]], t[w[i + 2]], w[i + 3] !== 0);
              i += 4;
              break;
            case OP_REMOVE_PROP:
              removeProp(nodes[w[i + 1]], t[w[i + 2]]);
              i += 3;
              break;
            case OP_SET_CLASS:
              nodes[w[i + 1]].classList.toggle(t[w[i + 2]], w[i + 3] !== 0);
              i += 4;
              break;
            case OP_SET_STYLE:
              nodes[w[i + 1]].style.setProperty(t[w[i + 2]], t[w[i + 3]]);
              i += 4;
              break;
            case OP_REMOVE_STYLE:
              nodes[w[i + 1]].style.removeProperty(t[w[i + 2]]);
              i += 3;
              break;
            case OP_APPEND:
              nodes[w[i + 1]].appendChild(nodes[w[i + 2]]);
              i += 3;
              break;
            case OP_INSERT_BEFORE:
              nodes[w[i + 1]].insertBefore(nodes[w[i + 2]], nodes[w[i + 3]]);
              i += 4;
              break;
            case OP_REMOVE: {
              nodes[w[i + 1]].remove();
              const n = w[i + 2];
              for (let k = i + 3; k < i + 3 + n; k++) {
                nodes[w[k]] = undefined;
              }
              i += 3 + n;
              break;
            }
            case OP_CLEAR: {
              nodes[w[i + 1]].textContent = ""; // drops every child at once
              const n = w[i + 2];
              for (let k = i + 3; k < i + 3 + n; k++) {
                nodes[w[k]] = undefined;
              }
              i += 3 + n;
              break;
            }
            default:
              throw new Error("gocycle: unknown edit list op " + op + " at word " + (i - 2) +
                " of the frame: gocycle.js and the wasm module come from different versions of gocycle");
          }
        }
      }

      // setProp sets a property unless it already has the value: setting an
      // input's value to what the user just typed would move the caret.
      function setProp(el, name, value) {
        if (el[name] !== value) {
          el[name] = value;
        }
      }

      // removeProp puts a property the view stopped setting back to its
      // default (dom.OpRemoveProp). An expando, which the view set on the
      // element object itself, is deleted. A built-in property lives on
      // the prototype, where delete does nothing: it gets the value it has
      // on a new element of the same tag and namespace (disabled and
      // checked false, title "", a div's tabIndex -1, an input's 0), but
      // for value, which is always "" (a new input's, whatever its type),
      // so that a field whose value the view stopped setting shows none.
      // A default that is not a boolean, string or number (the style
      // object), or that the element refuses, is left as it is.
      function removeProp(el, name) {
        delete el[name];
        if (!(name in el)) {
          return;
        }
        const def = name === "value" ? "" : pristine(el)[name];
        const type = typeof def;
        if ((type === "boolean" || type === "string" || type === "number") && !Object.is(el[name], def)) {
          try {
            el[name] = def;
          } catch (e) {
            // a read-only property, or a value this element refuses
            // (valueAsNumber = NaN on a text input): keep what it has
          }
        }
      }

      // pristine returns a new element like el, made once per tag and
      // namespace, whose properties are the defaults removeProp restores.
      function pristine(el) {
        const key = (el.namespaceURI || "") + " " + el.localName;
        let p = pristines.get(key);
        if (!p) {
          p = el.namespaceURI ? doc.createElementNS(el.namespaceURI, el.localName) : doc.createElement(el.localName);
          pristines.set(key, p);
        }
        return p;
      }

      function setAttr(el, name, value) {
        if (name.startsWith("xlink:")) {
          el.setAttributeNS(XLINK_NS, name, value);
        } else if (name.startsWith("xml:")) {
          el.setAttributeNS(XML_NS, name, value);
        } else {
          el.setAttribute(name, value);
        }
      }

      function removeAttr(el, name) {
        if (name.startsWith("xlink:")) {
          el.removeAttributeNS(XLINK_NS, name.slice(6));
        } else if (name.startsWith("xml:")) {
          el.removeAttributeNS(XML_NS, name.slice(4));
        } else {
          el.removeAttribute(name);
        }
      }

      // listen registers delegated listener id: events of type on elements
      // that match the selector chain within scope. flags are F_*.
      function listen(id, type, scope, selectors, flags) {
        if (disposed) {
          return;
        }
        const sels = Array.from(selectors, String);
        for (const sel of sels) {
          try {
            container.matches(sel);
          } catch (e) {
            throw new Error("gocycle: invalid CSS selector " + JSON.stringify(sel) + ": " + e.message);
          }
        }
        if (listeners.has(id)) {
          unlisten(id);
        }
        const own = (flags & F_CAPTURE) !== 0;
        const nonBubbling = NON_BUBBLING.has(type);
        const capture = own || nonBubbling;
        const l = { id, type, scope: String(scope), sels, flags, targetOnly: nonBubbling && !own };
        listeners.set(id, l);
        const key = (capture ? "c " : "b ") + type;
        let g = groups.get(key);
        if (!g) {
          g = { type, capture, passive: false, attached: false, list: [], handler: null };
          g.handler = (ev) => dispatch(g, ev);
          groups.set(key, g);
        }
        g.list.push(l);
        l.group = g;
        refresh(key, g);
      }

      function unlisten(id) {
        const l = listeners.get(id);
        if (!l) {
          return;
        }
        listeners.delete(id);
        const g = l.group;
        g.list = g.list.filter((x) => x !== l);
        refresh((g.capture ? "c " : "b ") + g.type, g);
      }

      // refresh makes a group's native listener match its listeners: added
      // with the first, removed with the last, and passive only while every
      // listener is (the browser then never waits for it to scroll).
      function refresh(key, g) {
        if (g.list.length === 0) {
          if (g.attached) {
            container.removeEventListener(g.type, g.handler, g.capture);
            natives--;
          }
          groups.delete(key);
          return;
        }
        const passive = g.list.every((l) => (l.flags & F_PASSIVE) !== 0);
        if (g.attached && g.passive === passive) {
          return;
        }
        if (g.attached) {
          container.removeEventListener(g.type, g.handler, g.capture);
          natives--;
        }
        container.addEventListener(g.type, g.handler, { capture: g.capture, passive });
        g.attached = true;
        g.passive = passive;
        natives++;
      }

      // dispatch is a group's native listener. It walks from the event's
      // target up to the container and calls back once for every listener
      // and every element on that walk that the listener matches, in the
      // order a listener on each element would have run: from the target
      // up when bubbling, from the container down when capturing.
      function dispatch(g, ev) {
        if (disposed) {
          return;
        }
        // path[0] is the target, path[last] the container.
        const path = [];
        let n = ev.target;
        if (n && n.nodeType !== 1) {
          n = n.parentElement; // an event on a text node
        }
        for (; n && n !== container; n = n.parentElement) {
          path.push(n);
        }
        if (n !== container) {
          return; // not from inside the container (a shadow root, say)
        }
        path.push(container);
        const last = path.length - 1;
        // scopes[k] is the scope of path[k]: the own scope of its nearest
        // ancestor-or-self with SCOPE_ATTR, "" if none; roots[k] is the
        // index of that element, or of the container; marks[k] is the list
        // of scopes path[k] is a root of, or null.
        const scopes = new Array(path.length);
        const roots = new Array(path.length);
        const marks = new Array(path.length).fill(null);
        let scope = "";
        let rootIdx = last;
        scopes[last] = "";
        roots[last] = last;
        for (let k = last - 1; k >= 0; k--) {
          const sc = path[k].getAttribute(SCOPE_ATTR);
          if (sc !== null) {
            marks[k] = scopesOf(sc);
            scope = marks[k].length > 0 ? marks[k][0] : "";
            rootIdx = k;
          }
          scopes[k] = scope;
          roots[k] = rootIdx;
        }
        const list = g.list.slice(); // Go may listen or unlisten from the callback
        let fields = null;
        const step = g.capture ? -1 : 1;
        for (let k = g.capture ? last : 0; k >= 0 && k <= last; k += step) {
          let stop = false;
          for (const l of list) {
            if ((l.targetOnly && k !== 0) || listeners.get(l.id) !== l) {
              continue;
            }
            if (!matchesAt(l, path, scopes, roots, marks, k)) {
              continue;
            }
            if ((l.flags & F_PREVENT_DEFAULT) !== 0 && (l.flags & F_PASSIVE) === 0) {
              ev.preventDefault();
            }
            if ((l.flags & F_STOP_PROPAGATION) !== 0) {
              ev.stopPropagation();
              stop = true;
            }
            if (fields === null) {
              fields = eventFields(ev);
            }
            onEvent(l.id, fields + datasetFields(path[k]));
            if (disposed) {
              return; // the app was disposed by the event
            }
          }
          if (stop) {
            break; // as if the matched element had stopped the event
          }
        }
      }

      // matchesAt reports whether listener l matches path[k]. A listener
      // with no selectors matches its scope's root elements (the container
      // for the app's own scope), those whose mark lists the scope, even
      // first owned by an isolated child. Otherwise path[k] must be owned by
      // l's scope and match the last selector, and its ancestors up to its
      // scope's root must match the earlier selectors, nearest last.
      function matchesAt(l, path, scopes, roots, marks, k) {
        const last = path.length - 1;
        const sels = l.sels;
        if (sels.length === 0) {
          return l.scope === "" ? k === last : marks[k] !== null && marks[k].includes(l.scope);
        }
        if (scopes[k] !== l.scope) {
          return false;
        }
        if (k === last || !path[k].matches(sels[sels.length - 1])) {
          return false;
        }
        let s = sels.length - 2;
        const top = Math.min(roots[k], last - 1); // the container is never matched
        for (let j = k + 1; s >= 0 && j <= top; j++) {
          if (path[j].matches(sels[s])) {
            s--;
          }
        }
        return s < 0;
      }

      // elements returns the elements that match a selector chain within
      // scope, by the rules of matchesAt, in document order.
      function elements(scope, selectors) {
        if (disposed) {
          return [];
        }
        scope = String(scope);
        const sels = Array.from(selectors, String);
        if (sels.length === 0) {
          if (scope === "") {
            return [container];
          }
          return Array.from(container.querySelectorAll("[" + SCOPE_ATTR + '~="' + CSS.escape(scope) + '"]'));
        }
        const out = [];
        for (const el of container.querySelectorAll(sels[sels.length - 1])) {
          let root = el;
          while (root !== container && !root.hasAttribute(SCOPE_ATTR)) {
            root = root.parentElement;
          }
          if ((root === container ? "" : ownScope(root.getAttribute(SCOPE_ATTR))) !== scope) {
            continue;
          }
          let s = sels.length - 2;
          for (let a = el; s >= 0 && a !== root; ) {
            a = a.parentElement;
            if (a === container) {
              break;
            }
            if (a.matches(sels[s])) {
              s--;
            }
          }
          if (s < 0) {
            out.push(el);
          }
        }
        return out;
      }

      // node returns the node with id, for the hooks of the Go side.
      function node(id) {
        return nodes[id];
      }

      // reset empties the container and forgets every node, keeping the
      // listeners: after a frame that failed half-way, the Go side starts
      // again from an empty container, with ids from 1.
      function reset() {
        if (disposed) {
          return;
        }
        first = false;
        container.textContent = "";
        nodes = [container];
      }

      // dispose removes every native listener, empties the container and
      // forgets every node: after it, the handle holds nothing of the page.
      function dispose() {
        if (disposed) {
          return;
        }
        disposed = true;
        for (const g of groups.values()) {
          if (g.attached) {
            container.removeEventListener(g.type, g.handler, g.capture);
            natives--;
          }
          g.list = [];
        }
        groups.clear();
        listeners.clear();
        container.textContent = "";
        nodes = [];
        handles.delete(container);
        onEvent = null;
      }

      const handle = Object.freeze({
        container,
        apply,
        node,
        listen,
        unlisten,
        elements,
        reset,
        dispose,
        // listenerCount is the number of native listeners on the container.
        listenerCount: () => natives,
        // applyCount is the number of frames applied.
        applyCount: () => applies,
      });
      handles.set(container, handle);
      return handle;
    }

    return Object.freeze({
      mount,
      // handleOf returns the handle of the app mounted in container, or
      // undefined: for tests and debugging.
      handleOf: (container) => handles.get(container),
      SCOPE_ATTR,
    });
  }

  // makeWidgets makes GoCycle.load and GoCycle.mount, the host's side of
  // the widget registry (the Go side is web/widget):
  //
  //   GoCycle.load(url, options) → Promise<{names}>
  //       fetches and instantiates the wasm module at url once per page,
  //       however many widgets mount and however often load is called
  //       (a second URL is an error; the options of later calls are
  //       ignored), runs it with wasm_exec.js's Go (load wasm_exec.js
  //       first), and resolves with the registered widget names once the
  //       module's main calls widget.Serve. It falls back from
  //       WebAssembly.instantiateStreaming to instantiate when the server
  //       sends the wasm with the wrong MIME type.
  //       options.gzip: the URL of a gzip copy of the module (make
  //       odoo-addon writes static/wasm/widgets.wasm.gz). When given and
  //       the browser has DecompressionStream, load fetches only gzUrl
  //       and pipes its body through DecompressionStream("gzip") into
  //       instantiateStreaming (instantiate of the inflated bytes where
  //       streaming compilation is missing). A body that does not start
  //       with gzip's magic bytes 1f 8b (a server or proxy sent it with
  //       Content-Encoding: gzip and the browser decoded it) is compiled
  //       as it is. Without DecompressionStream, or when gzUrl fails
  //       (HTTP error, network error, bytes that do not inflate or
  //       compile: a console warning says why), load fetches url.
  //   GoCycle.mount(element, name, props, onChange, options) → Promise<handle>
  //       waits for load, then runs widget name in element. While the
  //       module loads, an empty element shows div.gocycle-placeholder
  //       (role=status, aria-busy), options.placeholder = {width, height}
  //       (CSS lengths) large, or as the host's CSS sizes it: give it the
  //       widget's size, and the page does not move when the widget
  //       appears. If the module cannot be loaded, element shows an error
  //       box (div.gocycle-error, role=alert) that says what failed (the
  //       URL and the HTTP status, say), and the promise rejects. props are
  //       JSON-shaped (NaN and infinities are sent as the strings "NaN",
  //       "Infinity"); onChange(value) receives the JSON-shaped values the
  //       widget emits; options.onError(message, fatal, detail) receives
  //       its errors (default: the console). detail is given for a prop
  //       the widget cannot use (a web/widget PropError), and only then:
  //       {prop, value, want, used}, the prop's name, its value as the
  //       message quotes it (null when missing), what the widget wants
  //       and what it does instead, all strings; the widget reports it
  //       again whenever new props still have it, and says nothing when
  //       they no longer do (a host that changes its props knows which
  //       it fixed). A widget that fails to start or panics shows an
  //       error box (div.gocycle-error, role=alert) in element; the
  //       others go on.
  //   handle.update(props)  the host's props changed
  //   handle.destroy()      stop the app and release everything it holds
  //   handle.errors()       the messages reported so far (at most 100)
  //   handle.stopped()      whether it failed or stopped after a panic
  //   GoCycle.widgetStats(gc) → {instantiations, instances, goRefs, wasmMemory, go, load}
  //       for tests and debugging: go is the Go side's {funcs, instances,
  //       heapAlloc, ...} (after a Go GC if gc), goRefs the JavaScript
  //       values Go holds references to, wasmMemory the bytes of the
  //       module's linear memory, load how the module came (null
  //       until it is instantiated): {url, transport: "gzip" | "plain"
  //       (the URL fetched was options.gzip, or url), inflated (the page
  //       inflated gzip bytes; false when the browser had already
  //       decoded them), streaming (compiled by instantiateStreaming),
  //       fallback (why options.gzip was not used: "no
  //       DecompressionStream", "HTTP 404", ...; "" otherwise)}.
  // mark records a User Timing mark (performance.mark), where the page
  // has the API: how a page's start-up is measured (make bench's
  // start-up figures read them, and so does DevTools' Performance panel).
  //   gocycle:load          GoCycle.load starts
  //   gocycle:response      the module's response headers came (detail: url)
  //   gocycle:instantiated  the module is compiled and instantiated
  //   gocycle:served        its main called widget.Serve: widgets can mount
  //   gocycle:first-frame   an app's first frame is in its container (for the
  //                         first 200 apps of the page)
  const MAX_FIRST_FRAME_MARKS = 200;
  let firstFrameMarks = 0;

  function mark(name, detail) {
    const p = root.performance;
    if (p && typeof p.mark === "function") {
      p.mark(name, detail === undefined ? undefined : { detail });
    }
  }

  function makeWidgets() {
    const MAX_ERRORS = 100;
    let loading = null; // {url, promise}
    let api = null; // the Go side, once served
    let go = null;
    let memory = null; // the module's linear memory, for widgetStats
    let served = null; // resolves the pending load with the Go side
    let nextId = 1;
    let instantiations = 0;
    let loadInfo = null; // how the module was loaded, for widgetStats
    const instances = new Map(); // id → record

    function load(url, options) {
      const u = String(url);
      if (loading) {
        if (loading.url !== u) {
          return Promise.reject(new Error("GoCycle.load: " + loading.url + " is already loaded; a page has one widgets module"));
        }
        return loading.promise;
      }
      const gz = options && options.gzip !== undefined && options.gzip !== null && options.gzip !== ""
        ? String(options.gzip)
        : null;
      const promise = (async () => {
        mark("gocycle:load");
        if (typeof root.Go !== "function") {
          throw new Error("GoCycle.load: Go is not defined: load wasm_exec.js (from $(go env GOROOT)/lib/wasm) before loading the module");
        }
        const serving = new Promise((resolve) => { served = resolve; });
        let got = null;
        let fallback = "";
        if (gz !== null) {
          if (typeof root.DecompressionStream !== "function") {
            fallback = "no DecompressionStream";
          } else {
            try {
              got = await instantiateGzip(gz);
            } catch (e) {
              // The .gz is missing (an addon built without it), the
              // network failed or the bytes are not a module: the plain
              // file may still be there.
              fallback = String(e && e.message || e);
              console.warn("GoCycle.load: " + gz + ": " + fallback + "; loading " + u + " instead");
            }
          }
        }
        if (got === null) {
          got = await instantiatePlain(u);
        }
        mark("gocycle:instantiated");
        instantiations++;
        go = got.go;
        loadInfo = Object.freeze({
          url: got.url,
          transport: got.transport,
          inflated: got.inflated,
          streaming: got.streaming,
          fallback,
        });
        memory = got.result.instance.exports.mem || null;
        const exited = got.go.run(got.result.instance).then(() => {
          throw new Error("GoCycle.load: " + got.url + " exited before serving its widgets: its main must end with widget.Serve()");
        });
        api = await Promise.race([serving, exited]);
        mark("gocycle:served");
        return { names: Array.from(api.names) };
      })();
      loading = { url: u, promise };
      promise.catch(() => {
        if (loading && loading.promise === promise && api === null) {
          loading = null; // a later load may try again
        }
      });
      return promise;
    }

    // instantiatePlain fetches the module at u and instantiates it, from
    // the stream when the server sends it as application/wasm.
    async function instantiatePlain(u) {
      const g = new root.Go();
      const resp = await fetch(u, { credentials: "same-origin" });
      mark("gocycle:response", u);
      if (!resp.ok) {
        throw new Error("GoCycle.load: " + u + ": HTTP " + resp.status);
      }
      let result = null;
      let streaming = false;
      if (typeof WebAssembly.instantiateStreaming === "function") {
        try {
          result = await WebAssembly.instantiateStreaming(resp.clone(), g.importObject);
          streaming = true;
        } catch (e) {
          // Most often the server's Content-Type is not application/wasm
          // (Odoo's static files, some proxies): compile from the bytes.
          result = null;
        }
      }
      if (result === null) {
        result = await WebAssembly.instantiate(await resp.arrayBuffer(), g.importObject);
      }
      return { go: g, result, url: u, transport: "plain", inflated: false, streaming };
    }

    // instantiateGzip fetches the gzip file gzUrl and instantiates the
    // module in it, inflating with DecompressionStream while the module
    // compiles. A body that is not gzip (a server or proxy that sent the
    // file with Content-Encoding: gzip, which the browser has already
    // decoded) is compiled as it is.
    async function instantiateGzip(gzUrl) {
      const resp = await fetch(gzUrl, { credentials: "same-origin" });
      mark("gocycle:response", gzUrl);
      if (!resp.ok) {
        throw new Error("HTTP " + resp.status);
      }
      if (!resp.body) {
        throw new Error("the response has no body");
      }
      const { head, stream } = await peek(resp.body, 2);
      const inflated = head.length === 2 && head[0] === 0x1f && head[1] === 0x8b;
      const wasm = inflated ? stream.pipeThrough(new root.DecompressionStream("gzip")) : stream;
      const g = new root.Go();
      let result;
      let streaming = false;
      if (typeof WebAssembly.instantiateStreaming === "function") {
        result = await WebAssembly.instantiateStreaming(
          new Response(wasm, { headers: { "Content-Type": "application/wasm" } }), g.importObject);
        streaming = true;
      } else {
        result = await WebAssembly.instantiate(await new Response(wasm).arrayBuffer(), g.importObject);
      }
      return { go: g, result, url: gzUrl, transport: "gzip", inflated, streaming };
    }

    // peek reads the first n bytes of the byte stream body (fewer if it is
    // shorter) and returns them, with a stream of the whole body, those
    // bytes included.
    async function peek(body, n) {
      const reader = body.getReader();
      const chunks = [];
      let have = 0;
      let done = false;
      while (have < n) {
        const r = await reader.read();
        if (r.done) {
          done = true;
          break;
        }
        chunks.push(r.value);
        have += r.value.byteLength;
      }
      const head = [];
      for (const c of chunks) {
        for (let i = 0; i < c.byteLength && head.length < n; i++) {
          head.push(c[i]);
        }
      }
      const stream = new ReadableStream({
        start(controller) {
          for (const c of chunks) {
            controller.enqueue(c);
          }
          if (done) {
            controller.close();
          }
        },
        async pull(controller) {
          const r = await reader.read();
          if (r.done) {
            controller.close();
          } else {
            controller.enqueue(r.value);
          }
        },
        cancel(reason) {
          return reader.cancel(reason);
        },
      });
      return { head, stream };
    }

    // _serve is called by the Go side (widget.Serve) with its API.
    function _serve(goAPI) {
      if (served) {
        served(goAPI);
        served = null;
      }
    }

    // encodeProps makes the JSON text the Go side reads.
    function encodeProps(props) {
      return JSON.stringify(props === undefined ? {} : props, (k, v) =>
        typeof v === "number" && !Number.isFinite(v) ? String(v) : v);
    }

    // errorOf records an error and hands it to the host's onError, with
    // detail ({prop, value, want, used}) for a prop the widget cannot use.
    function errorOf(rec, message, fatal, detail) {
      rec.errors.push(message);
      if (rec.errors.length > MAX_ERRORS) {
        rec.errors.shift();
      }
      if (rec.onError) {
        try {
          if (detail) {
            rec.onError(message, fatal, detail);
          } else {
            rec.onError(message, fatal);
          }
        } catch (e) {
          console.error(e);
        }
      } else if (fatal) {
        console.error("gocycle widget " + rec.name + ": " + message);
      } else {
        console.warn("gocycle widget " + rec.name + ": " + message);
      }
    }

    // showError replaces what element shows by an error box.
    function showError(rec, message) {
      if (rec.destroyed) {
        return;
      }
      rec.box = errorBox(rec.element, "The widget " + rec.name + " stopped: " + String(message).split("\n")[0]);
    }

    // errorBox replaces the content of element by div.gocycle-error
    // (role=alert) saying text, and returns it.
    function errorBox(element, text) {
      const box = element.ownerDocument.createElement("div");
      box.className = "gocycle-error";
      box.setAttribute("role", "alert");
      box.textContent = text;
      element.textContent = "";
      element.appendChild(box);
      return box;
    }

    // showPlaceholder puts div.gocycle-placeholder into element while the
    // module loads, unless the host has put something there itself: busy
    // for assistive technology, and as large as size ({width, height},
    // CSS lengths, or numbers of pixels) or as the host's CSS makes it,
    // so that nothing moves when the view takes its place (the view
    // replaces what element holds; destroy removes it).
    function showPlaceholder(element, name, size) {
      if (element.textContent.trim() !== "" || element.firstElementChild !== null) {
        return null;
      }
      const ph = element.ownerDocument.createElement("div");
      ph.className = "gocycle-placeholder";
      ph.setAttribute("role", "status");
      ph.setAttribute("aria-busy", "true");
      ph.setAttribute("aria-label", "Loading the widget " + name);
      ph.setAttribute("data-widget", name);
      const css = (v) => (typeof v === "number" ? v + "px" : String(v));
      if (size && size.width !== undefined && size.width !== null) {
        ph.style.width = css(size.width);
      }
      if (size && size.height !== undefined && size.height !== null) {
        ph.style.height = css(size.height);
      }
      element.textContent = ""; // whitespace the host left
      element.appendChild(ph);
      return ph;
    }

    // _widgetEvent is how the Go side reaches an instance.
    function _widgetEvent(id, kind, payload) {
      const rec = instances.get(id);
      if (!rec || rec.destroyed) {
        return;
      }
      switch (kind) {
        case "change": {
          if (rec.onChange) {
            const value = JSON.parse(payload);
            try {
              rec.onChange(value);
            } catch (e) {
              console.error(e); // the host's error, not the widget's
            }
          }
          break;
        }
        case "prop": {
          // A prop the widget cannot use: onError gets its detail too.
          let d;
          try {
            d = JSON.parse(payload);
          } catch (e) {
            errorOf(rec, String(payload), false);
            break;
          }
          errorOf(rec, String(d.message), false, { prop: d.prop, value: d.value, want: d.want, used: d.used });
          break;
        }
        case "fatal":
          rec.stopped = true;
          rec.go = null; // the Go side keeps its functions until destroy
          errorOf(rec, payload, true);
          // The app's DOM driver empties the element as the app stops,
          // after this call: show the box once it has.
          queueMicrotask(() => showError(rec, payload));
          break;
        default:
          errorOf(rec, payload, false);
      }
    }

    async function mount(element, name, props, onChange, options) {
      if (!element || element.nodeType !== 1) {
        throw new TypeError("GoCycle.mount: the first argument must be an element");
      }
      if (!loading) {
        throw new Error("GoCycle.mount: call GoCycle.load(url) first");
      }
      const opts = options || {};
      const placeholder = api === null ? showPlaceholder(element, String(name), opts.placeholder) : null;
      try {
        await loading.promise;
      } catch (e) {
        // The error says what failed: the URL and the HTTP status, or
        // that the module is not one.
        if (placeholder === null || placeholder.parentNode === element) {
          errorBox(element, "The widget " + String(name) + " could not be loaded: " + String((e && e.message) || e));
        }
        throw e;
      }
      const rec = {
        id: nextId++,
        name: String(name),
        element,
        onChange: typeof onChange === "function" ? onChange : null,
        onError: typeof opts.onError === "function" ? opts.onError : null,
        errors: [],
        goHandle: null,
        go: null,
        stopped: false,
        destroyed: false,
        box: null,
      };
      instances.set(rec.id, rec);
      let text = "{}";
      try {
        text = encodeProps(props);
      } catch (e) {
        errorOf(rec, "the props are not JSON-shaped: " + e.message, false);
      }
      const h = api.mount(element, rec.name, text, rec.id);
      if (h.error !== undefined) {
        rec.stopped = true;
        errorOf(rec, h.error, true);
        showError(rec, h.error);
      } else if (!rec.stopped) {
        rec.go = h;
      }
      rec.goHandle = h.error === undefined ? h : null;
      return Object.freeze({
        element,
        name: rec.name,
        update(p) {
          if (rec.destroyed || rec.go === null) {
            return;
          }
          let t;
          try {
            t = encodeProps(p);
          } catch (e) {
            errorOf(rec, "the props are not JSON-shaped: " + e.message, false);
            return;
          }
          rec.go.update(t);
        },
        destroy() {
          if (rec.destroyed) {
            return;
          }
          rec.destroyed = true;
          instances.delete(rec.id);
          const gh = rec.goHandle;
          rec.go = rec.goHandle = rec.onChange = rec.onError = null;
          if (gh) {
            gh.destroy();
          }
          if (rec.box && rec.box.parentNode === element) {
            element.removeChild(rec.box);
          }
          rec.box = null;
          if (placeholder !== null && placeholder.parentNode === element) {
            element.removeChild(placeholder); // destroyed before the first frame
          }
        },
        errors: () => rec.errors.slice(),
        stopped: () => rec.stopped,
      });
    }

    function widgetStats(gc) {
      return {
        instantiations,
        instances: instances.size,
        goRefs: go && go._ids ? go._ids.size : -1,
        wasmMemory: memory ? memory.buffer.byteLength : -1,
        go: api ? api.stats(!!gc) : null,
        load: loadInfo,
      };
    }

    return { load, mount, widgetStats, _serve, _widgetEvent };
  }
})(globalThis);
