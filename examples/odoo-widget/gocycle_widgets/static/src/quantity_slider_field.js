/** @odoo-module **/
// The gocycle quantity slider as an Odoo 17 field widget:
//
//   <field name="height_cm" widget="gocycle_quantity_slider"
//          options="{'unit': 'centimeter', 'usage': 'person-height', 'min': 50, 'max': 250}"/>
//
// The field stores the value in its canonical unit (options.unit, a CLDR
// unit id); the widget shows it in the units the user's language prefers
// for options.usage (or in options.display_unit, or, with neither, in the
// field's own unit) and writes back, when the user moves it, in the
// canonical unit. The widget itself is Go (widgets.wasm, built by
// `make odoo-addon`), run by gocycle.js: one module for the whole page,
// however many fields use it. The options are checked by the widget,
// which knows the units: a wrong one marks the field invalid (as a value
// Odoo cannot parse does) and the widget says, in the field, what the
// option must be.
import { Component, onMounted, onWillUnmount, onWillUpdateProps, useRef, xml } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { loadJS } from "@web/core/assets";
import { useBus, useService } from "@web/core/utils/hooks";
import { useRecordObserver } from "@web/model/relational_model/utils";
import { standardFieldProps } from "@web/views/fields/standard_field_props";
import { WASM_VERSION } from "@gocycle_widgets/wasm_version";

const STATIC = "/gocycle_widgets/static";

// How long a value the user picked during a drag waits before it is
// written to the record: dragging makes many, and each write may call
// onchange. The end of a move (the input's change event: a key press, the
// pointer released), leaving the field, a save, a switch of record, a
// reload or a closed tab write it at once.
export const WRITE_DELAY = 250;

// The options without which the widget cannot show the value: a problem
// with one of them marks the field invalid, as Odoo marks a value it
// cannot parse. With a wrong step or digits the widget works with the
// default and says so; a problem with the value itself (out of range) is
// shown in the field and never makes it invalid: only the user's own move
// writes.
const REQUIRED_RIGHT = ["unit", "usage", "display_unit", "min", "max"];

let runtime = null;

// loadRuntime loads wasm_exec.js (Go's loader, in static/lib: a file in
// static/src would be taken for an Odoo module) and gocycle.js once, then
// the widgets module once: gzip-compressed, decompressed by the browser
// while it compiles (Odoo sends widgets.wasm as it is: 8.9 MB instead of
// 1.9), or the plain file where the browser cannot decompress.
// Every URL carries the module's content hash, since Odoo serves static
// files with a max-age of a week.
export function loadRuntime() {
  if (!runtime) {
    runtime = (async () => {
      await loadJS(`${STATIC}/lib/wasm_exec.js?v=${WASM_VERSION}`);
      await loadJS(`${STATIC}/lib/gocycle.js?v=${WASM_VERSION}`);
      return window.GoCycle.load(`${STATIC}/wasm/widgets.wasm?v=${WASM_VERSION}`, {
        gzip: `${STATIC}/wasm/widgets.wasm.gz?v=${WASM_VERSION}`,
      });
    })();
    runtime.catch(() => {
      runtime = null; // the next field tries again
    });
  }
  return runtime;
}

export class GoCycleQuantitySlider extends Component {
  // The template never reads the value: the widget shows it, and OWL
  // would not re-render for it anyway (hence useRecordObserver). Odoo's
  // Field wrapper around it has the class o_field_gocycle_quantity_slider.
  static template = xml`<div class="o_gocycle_quantity_slider" t-att-class="{ o_readonly: props.readonly }" t-ref="host"/>`;
  static props = {
    ...standardFieldProps,
    // The options are passed on as the view gives them: the widget
    // checks them and says what is wrong in the integrator's terms.
    unit: { optional: true },
    usage: { optional: true },
    displayUnit: { optional: true },
    min: { optional: true },
    max: { optional: true },
    step: { optional: true },
    digits: { optional: true },
    unknownOptions: { type: Array, optional: true },
  };

  setup() {
    this.user = useService("user");
    if (this.props.unknownOptions && this.props.unknownOptions.length) {
      console.warn(`gocycle_quantity_slider (${this.props.name}): the view's options ${this.props.unknownOptions.map((o) => JSON.stringify(o)).join(", ")} are not options of this widget and are ignored; its options are ${SUPPORTED.join(", ")}`);
    }
    this.host = useRef("host");
    this.handle = null;
    this.destroyed = false;
    this.pending = null; // {value}: picked by the user, not yet written
    this.timer = null;
    this.current = this.props;
    // The record's value, now and whenever it changes (an onchange, a
    // discard, another field): the callback reads it, so it runs again.
    useRecordObserver((record, props) => {
      this.value = record.data[props.name];
      this.current = props;
      this.push();
    });
    this.onChangeEvent = () => this.flush();
    // readonly (and the user's language) come with new props.
    onWillUpdateProps((next) => {
      this.current = next;
      this.push();
    });
    const { bus } = this.props.record.model;
    // A save, or a switch to another record, asks every field for the
    // changes it still holds: the value picked during a drag goes first.
    useBus(bus, "NEED_LOCAL_CHANGES", (ev) => {
      ev.detail.proms.push(this.flush());
    });
    // A reload or a closed tab saves at once, without waiting for
    // anything: the record must have the value before this returns.
    useBus(bus, "WILL_SAVE_URGENTLY", () => {
      this.flush();
    });
    onMounted(() => this.mountWidget());
    onWillUnmount(() => this.destroyWidget());
  }

  // widgetProps are the props of the Go widget (examples/odoo-widget/widgets).
  widgetProps() {
    const p = this.current;
    const field = (p.record.fields && p.record.fields[p.name]) || {};
    const props = {
      value: this.pending ? this.pending.value : this.value,
      unit: p.unit === undefined ? "" : p.unit,
      readonly: !!p.readonly,
      integer: field.type === "integer",
      lang: this.user.lang || "",
      // Odoo's <label for> names this id: the input is the labelled
      // element, and the widget shows no label of its own.
      label: false,
      input_class: "form-range",
    };
    if (p.id) {
      props.id = p.id;
    }
    if (!this.labelledByForm && field.string) {
      // No <label for=id> in the page (nolabel="1", a list cell): the
      // field's name is the input's accessible name, without a label
      // that a list would repeat in every row.
      props.aria_label = field.string;
    }
    for (const [name, v] of [["usage", p.usage], ["display_unit", p.displayUnit], ["min", p.min], ["max", p.max], ["step", p.step]]) {
      if (v !== undefined) {
        props[name] = v;
      }
    }
    const digits = p.digits !== undefined ? p.digits : fieldDigits(field);
    if (digits !== undefined) {
      props.digits = digits;
    }
    return props;
  }

  push() {
    if (this.handle) {
      this.handle.update(this.widgetProps());
    }
  }

  async mountWidget() {
    const el = this.host.el;
    const { record, name } = this.current;
    const type = record.fields && record.fields[name] && record.fields[name].type;
    if (!gocycleQuantitySlider.supportedTypes.includes(type)) {
      // Odoo lets a view put any widget on any field: a number widget on
      // a text field would write numbers into it.
      const message = _t('The gocycle quantity slider edits float and integer fields; "%s" is a %s field.', name, type);
      console.error(`gocycle_quantity_slider: ${message}`);
      this.showProblem(message);
      return;
    }
    const id = this.current.id;
    this.labelledByForm = !!id && !!el.ownerDocument.querySelector(`label[for="${CSS.escape(id)}"]`);
    // The end of a move (a key press, the pointer released) and leaving
    // the field commit the value at once, as Odoo's own inputs do on
    // change: the form's breadcrumbs and Discard do not ask fields for
    // their pending changes.
    el.addEventListener("change", this.onChangeEvent);
    el.addEventListener("focusout", this.onChangeEvent);
    // Until the module has loaded and the widget drawn its first frame
    // (which replaces what el holds), a placeholder keeps the widget's
    // place, as high as its row (quantity_slider_field.scss), so that
    // the form does not move when it appears.
    if (!el.firstChild) {
      const ph = el.ownerDocument.createElement("div");
      ph.className = "gocycle-placeholder gc-slider-row";
      ph.setAttribute("role", "status");
      ph.setAttribute("aria-busy", "true");
      ph.setAttribute("aria-label", _t("Loading…"));
      // The slider's row with an empty read-out: the same height, and the
      // baseline that the field's label lines up with. A span styled as
      // the read-out, not an output, which tours and scripts look for.
      const out = el.ownerDocument.createElement("span");
      out.className = "gc-placeholder-readout";
      out.textContent = "\u00a0";
      ph.appendChild(out);
      el.appendChild(ph);
    }
    try {
      await loadRuntime();
      if (this.destroyed) {
        return;
      }
      const h = await window.GoCycle.mount(el, "quantity-slider", this.widgetProps(), (v) => this.picked(v), {
        onError: (message, fatal, detail) => this.widgetError(message, fatal, detail),
      });
      if (this.destroyed) {
        h.destroy();
        return;
      }
      this.handle = h;
      this.push(); // what changed while it mounted
    } catch (e) {
      if (!this.destroyed) {
        // The value is still shown, as Odoo would show the number.
        const value = typeof this.value === "number" ? `${this.value} ${this.current.unit || ""}`.trim() : "";
        this.showProblem(_t("The gocycle widgets could not be loaded: %s", String((e && e.message) || e)), value);
      }
    }
  }

  // showProblem shows, in place of the widget, the stored value (if any)
  // and why the widget is not there.
  showProblem(message, value = "") {
    const el = this.host.el;
    el.textContent = "";
    if (value) {
      const span = el.ownerDocument.createElement("span");
      span.className = "o_gocycle_value";
      span.textContent = value;
      el.appendChild(span);
    }
    const box = el.ownerDocument.createElement("div");
    box.className = "text-danger";
    box.setAttribute("role", "alert");
    box.textContent = message;
    el.appendChild(box);
  }

  // widgetError receives what the widget reports. An option without
  // which it cannot show the value marks the field invalid, as Odoo marks
  // a value it cannot parse: the form will not save this record until the
  // view is fixed or the user discards, and the widget shows, in the
  // field, which option and what it accepts. Only where the user can
  // edit: a read-only form has no Discard to get out of it. Discard
  // lifts the mark (Odoo clears invalid fields), so a user is never held
  // on the form; the widget still says what is wrong, and never writes.
  widgetError(message, fatal, detail) {
    if (detail && REQUIRED_RIGHT.includes(detail.prop) && !this.destroyed) {
      const { record, name, readonly } = this.current;
      if (record.isInEdition && !readonly && !record.isFieldInvalid(name)) {
        record.setInvalidField(name);
      }
    }
    if (fatal) {
      console.error(`gocycle_quantity_slider (${this.current.name}): ${message}`);
    } else {
      console.warn(`gocycle_quantity_slider (${this.current.name}): ${message}`);
    }
  }

  // picked: the user moved the widget to v (in the field's unit). The
  // form shows at once that it has a change to save, as it does while the
  // user types in an input.
  picked(v) {
    if (!this.pending) {
      this.current.record.model.bus.trigger("FIELD_IS_DIRTY", true);
    }
    this.pending = { value: v };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), WRITE_DELAY);
  }

  // flush writes the pending value to the record. In an urgent save the
  // record applies it before record.update returns.
  flush() {
    clearTimeout(this.timer);
    this.timer = null;
    if (!this.pending) {
      return Promise.resolve();
    }
    const { value } = this.pending;
    this.pending = null;
    // The record takes the value now or after its mutex; until the
    // observer sees it, what the widget is sent is the user's value.
    this.value = value;
    const { record, name } = this.current;
    return record.update({ [name]: value }).then(() => record.model.bus.trigger("FIELD_IS_DIRTY", false));
  }

  destroyWidget() {
    this.destroyed = true;
    const el = this.host.el;
    if (el) {
      el.removeEventListener("change", this.onChangeEvent);
      el.removeEventListener("focusout", this.onChangeEvent);
    }
    if (this.pending) {
      this.flush(); // the user's last move is not lost with the field
    }
    if (this.handle) {
      this.handle.destroy();
      this.handle = null;
    }
  }
}

// fieldDigits is the number of decimals the field stores: 0 for an
// integer, the scale of a float's digits ([precision, scale]), or
// undefined for a float without digits.
function fieldDigits(field) {
  if (field.type === "integer") {
    return 0;
  }
  if (Array.isArray(field.digits) && field.digits.length === 2) {
    return field.digits[1];
  }
  return undefined;
}

// digitsOption reads the digits of the view, as Odoo's float field takes
// them: an attribute digits="[16, 3]" or an option, a pair or a number of
// decimals. What it cannot read goes to the widget as it is, which says
// what is wrong with it.
function digitsOption(v) {
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch {
      return v;
    }
  }
  return Array.isArray(v) && v.length === 2 ? v[1] : v;
}

export const gocycleQuantitySlider = {
  component: GoCycleQuantitySlider,
  displayName: _t("Quantity slider (gocycle)"),
  supportedTypes: ["float", "integer"],
  supportedOptions: [
    {
      label: _t("Unit"),
      name: "unit",
      type: "string",
      help: _t(
        "The unit the field stores its value in, as a CLDR unit id: centimeter, meter, inch, kilogram, gram, pound, liter, celsius, ... Required."
      ),
    },
    {
      label: _t("Usage"),
      name: "usage",
      type: "string",
      help: _t(
        "What the quantity is, as a CLDR usage (person-height, person, road, fluid, ...): the user's language and country then pick the units it is shown in (feet and inches for a person's height in the US). Without it, the value is shown in the field's unit."
      ),
      default: "",
    },
    {
      label: _t("Display unit"),
      name: "display_unit",
      type: "string",
      help: _t("A CLDR unit to show the value in whatever the user's language, such as inch. Overrides the usage."),
      default: "",
    },
    {
      label: _t("Minimum"),
      name: "min",
      type: "number",
      help: _t("The smallest value the slider goes to, in the field's unit."),
      default: 0,
    },
    {
      label: _t("Maximum"),
      name: "max",
      type: "number",
      help: _t("The largest value the slider goes to, in the field's unit."),
      default: 100,
    },
    {
      label: _t("Step"),
      name: "step",
      type: "number",
      help: _t(
        "The distance between two positions of the slider, in the field's unit; shown in the display unit it is rounded to 1, 2 or 5 times a power of ten. Default: one display unit."
      ),
    },
    {
      label: _t("Digits"),
      name: "digits",
      type: "number",
      help: _t("How many decimals of the field's unit the value has; default: the field's own digits."),
    },
  ],
  // 0.0 is a value, not an empty field: the slider shows it (and flags
  // it when it is outside the bounds).
  isEmpty: () => false,
  extractProps: ({ attrs, options }) => ({
    unknownOptions: Object.keys(options).filter((o) => !SUPPORTED.includes(o)),
    unit: options.unit,
    usage: options.usage,
    displayUnit: options.display_unit,
    min: options.min,
    max: options.max,
    step: options.step,
    digits: digitsOption(attrs.digits !== undefined ? attrs.digits : options.digits),
  }),
};

// The option names, for the warning about the others (a typo in a view).
const SUPPORTED = gocycleQuantitySlider.supportedOptions.map((o) => o.name);

registry.category("fields").add("gocycle_quantity_slider", gocycleQuantitySlider);
