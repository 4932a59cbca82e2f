/** @odoo-module **/
// The gocycle quantity slider as an Odoo 17 field widget:
//
//   <field name="height_cm" widget="gocycle_quantity_slider"
//          options="{'unit': 'centimeter', 'usage': 'person-height', 'min': 50, 'max': 250}"/>
//
// The field stores the value in its canonical unit (options.unit, a CLDR
// unit id); the widget shows it in the units the user's language prefers
// for options.usage and writes back, when the user moves it, in the
// canonical unit. The widget itself is Go (widgets.wasm, built by
// `make odoo-addon`), run by gocycle.js: one module for the whole page,
// however many fields use it.
import { Component, onMounted, onWillUnmount, onWillUpdateProps, useRef, xml } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { standardFieldProps } from "@web/views/fields/standard_field_props";
import { loadJS } from "@web/core/assets";
import { useBus, useService } from "@web/core/utils/hooks";
import { useRecordObserver } from "@web/model/relational_model/utils";
import { WASM_VERSION } from "@gocycle_widgets/wasm_version";

const STATIC = "/gocycle_widgets/static";

// How long a value the user picked waits before it is written to the
// record: dragging makes many, and each write may call onchange.
export const WRITE_DELAY = 250;

let runtime = null;

// loadRuntime loads wasm_exec.js (Go's loader, in static/lib: a file in
// static/src would be taken for an Odoo module) and gocycle.js once, then
// the widgets module once. Every URL carries the module's content hash,
// since Odoo serves static files with a max-age of a week.
export function loadRuntime() {
  if (!runtime) {
    runtime = (async () => {
      await loadJS(`${STATIC}/lib/wasm_exec.js?v=${WASM_VERSION}`);
      await loadJS(`${STATIC}/lib/gocycle.js?v=${WASM_VERSION}`);
      return window.GoCycle.load(`${STATIC}/wasm/widgets.wasm?v=${WASM_VERSION}`);
    })();
    runtime.catch(() => {
      runtime = null; // the next field tries again
    });
  }
  return runtime;
}

export class GoCycleQuantitySlider extends Component {
  // The template never reads the value: the widget shows it, and OWL
  // would not re-render for it anyway (hence useRecordObserver).
  static template = xml`<div class="o_field_gocycle_quantity_slider" t-ref="host"/>`;
  static props = {
    ...standardFieldProps,
    unit: { type: String, optional: true },
    usage: { type: String, optional: true },
    min: { type: Number, optional: true },
    max: { type: Number, optional: true },
    step: { type: Number, optional: true },
  };

  setup() {
    this.user = useService("user");
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
    // readonly (and the user's language) come with new props.
    onWillUpdateProps((next) => {
      this.current = next;
      this.push();
    });
    // A save, or a switch to another record, asks every field for the
    // changes it still holds: the value picked during a drag goes first.
    const model = this.env.model;
    if (model && model.bus) {
      useBus(model.bus, "NEED_LOCAL_CHANGES", (ev) => {
        ev.detail.proms.push(this.flush());
      });
    }
    onMounted(() => this.mountWidget());
    onWillUnmount(() => this.destroyWidget());
  }

  // widgetProps are the props of the Go widget (examples/odoo-widget/widgets).
  widgetProps() {
    const p = this.current;
    const field = p.record.fields && p.record.fields[p.name];
    return {
      value: this.pending ? this.pending.value : this.value,
      unit: p.unit || "",
      usage: p.usage || "",
      min: p.min,
      max: p.max,
      step: p.step,
      readonly: !!p.readonly,
      integer: !!field && field.type === "integer",
      lang: this.user.lang || "",
    };
  }

  push() {
    if (this.handle) {
      this.handle.update(this.widgetProps());
    }
  }

  async mountWidget() {
    const el = this.host.el;
    try {
      await loadRuntime();
      if (this.destroyed) {
        return;
      }
      const h = await window.GoCycle.mount(el, "quantity-slider", this.widgetProps(), (v) => this.picked(v));
      if (this.destroyed) {
        h.destroy();
        return;
      }
      this.handle = h;
      this.push(); // what changed while it mounted
    } catch (e) {
      if (!this.destroyed) {
        el.textContent = "The gocycle widgets could not be loaded: " + e.message;
        el.classList.add("text-danger");
      }
    }
  }

  // picked: the user moved the widget to v (in the field's unit).
  picked(v) {
    this.pending = { value: v };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), WRITE_DELAY);
  }

  // flush writes the pending value to the record.
  flush() {
    clearTimeout(this.timer);
    this.timer = null;
    if (!this.pending) {
      return Promise.resolve();
    }
    const { value } = this.pending;
    this.pending = null;
    return this.current.record.update({ [this.current.name]: value });
  }

  destroyWidget() {
    this.destroyed = true;
    if (this.pending) {
      this.flush(); // the user's last move is not lost with the field
    }
    if (this.handle) {
      this.handle.destroy();
      this.handle = null;
    }
  }
}

// number reads a numeric option of the view ("50" or 50).
function number(v) {
  return v === undefined || v === null || v === "" ? undefined : Number(v);
}

export const gocycleQuantitySlider = {
  component: GoCycleQuantitySlider,
  displayName: "Quantity slider (gocycle)",
  supportedTypes: ["float", "integer"],
  // 0.0 is a value, not an empty field: the slider shows it.
  isEmpty: () => false,
  extractProps: ({ options }) => ({
    unit: options.unit,
    usage: options.usage,
    min: number(options.min),
    max: number(options.max),
    step: number(options.step),
  }),
};

registry.category("fields").add("gocycle_quantity_slider", gocycleQuantitySlider);
