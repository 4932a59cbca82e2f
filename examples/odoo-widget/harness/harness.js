// The OWL harness of the addon's field component: a stand-in form view
// with one record, whose fields are the addon's unmodified
// GoCycleQuantitySlider, mounted by OWL 2 as Odoo 17's form view would
// (without Odoo's Field wrapper: the props extractProps makes are passed
// directly). The browser tests drive it through window.harness.
import { App, Component, EventBus, reactive, useState, xml } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { loadJSCalls } from "@web/core/assets";
import "../gocycle_widgets/static/src/quantity_slider_field.js";

const entry = registry.category("fields").get("gocycle_quantity_slider");

const params = new URLSearchParams(location.search);
const copies = Number(params.get("n") || "1");

const updates = [];
const saves = [];
const invalid = new Set();
const bus = new EventBus();

// The record, reactive as the relational model's records are.
const record = reactive({
  id: "datapoint_1",
  resModel: "gocycle.demo.person",
  data: { name: "Ada", height_cm: 175, weight_kg: 70 },
  fields: {
    name: { type: "char" },
    height_cm: { type: "float", digits: [6, 2] },
    weight_kg: { type: "float", digits: [6, 2] },
  },
  // The relational model's record: update applies the changes at once
  // (Odoo 17 does in an urgent save, and later otherwise), and a field
  // can be marked invalid.
  model: { bus },
  isInEdition: true,
  dirty: false,
  update(changes) {
    updates.push(JSON.parse(JSON.stringify(changes)));
    Object.assign(this.data, changes);
    return Promise.resolve();
  },
  isFieldInvalid(name) {
    return invalid.has(name);
  },
  setInvalidField(name) {
    this.dirty = true; // as Odoo's: an invalid field is a change to save
    invalid.add(name);
    return Promise.resolve();
  },
});
const user = { lang: params.get("lang") || "en_US" }; // Odoo's user service is a plain object

// The fields of the form: the arch's options, through extractProps.
// ?options=<JSON> replaces the height field's options (a bad unit, say).
const heightOptions = params.get("options") ? JSON.parse(params.get("options")) : { unit: "centimeter", usage: "person-height", min: 50, max: 250, step: 1 };

function fieldsFor(n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push({ key: "h" + i, name: "height_cm", label: "Height", props: entry.extractProps({ options: heightOptions, attrs: {} }) });
    if (i === 0) {
      out.push({ key: "w0", name: "weight_kg", label: "Weight", props: entry.extractProps({ options: { unit: "kilogram", usage: "person", min: "2", max: "250", step: 0.5 }, attrs: {} }) });
    }
  }
  return out;
}

class FormView extends Component {
  static components = { Field: entry.component };
  static props = { record: Object };
  static template = xml`
    <div class="o_form_view" t-att-lang="state.lang">
      <t t-foreach="state.fields" t-as="f" t-key="f.key">
        <label class="o_form_label" t-att-for="inputId(f)" t-esc="f.label"/>
        <div class="o_field_widget" t-att-id="'field_' + (f.base || f.key)" t-att-name="f.name">
          <Field t-props="fieldProps(f)"/>
        </div>
      </t>
    </div>`;
  setup() {
    this.state = useState({ readonly: false, lang: user.lang, fields: fieldsFor(copies) });
    harness.form = this;
  }
  // inputId is the id Odoo's form gives a field and its label's for.
  inputId(f) {
    return f.name + "_" + (f.base || f.key);
  }
  fieldProps(f) {
    return { id: this.inputId(f), record: this.props.record, name: f.name, readonly: this.state.readonly, ...f.props };
  }
}

const harness = {
  record,
  updates,
  saves,
  user,
  loadJSCalls,
  extractProps: entry.extractProps,
  entry,
  form: null,
  // save does what the form's save does first: it asks every field for
  // its pending changes, then reads the record.
  async save() {
    const proms = [];
    bus.trigger("NEED_LOCAL_CHANGES", { proms });
    await Promise.all(proms);
    saves.push(JSON.parse(JSON.stringify(record.data)));
    return saves[saves.length - 1];
  },
  // urgentSave does what Odoo 17's record.urgentSave does before the page
  // unloads: WILL_SAVE_URGENTLY, then, without waiting for anything, the
  // save, which reads the record's changes as they are.
  urgentSave() {
    bus.trigger("WILL_SAVE_URGENTLY");
    saves.push(JSON.parse(JSON.stringify(record.data)));
    return saves[saves.length - 1];
  },
  invalid,
  setReadonly(b) {
    harness.form.state.readonly = b;
  },
  setFields(n) {
    harness.form.state.fields = fieldsFor(n);
  },
  // setLang switches the user's language in place. OWL 2 updates a child
  // component only if one of its props changed (or the render is deep),
  // and the fields' props do not carry the language (the component reads
  // it from the user service, as in Odoo, where a new language reloads
  // the web client): re-rendering the form alone never reaches them. So
  // the fields are rendered deep (their onWillUpdateProps pushes the new
  // lang to the mounted widgets), or, with remount, mounted anew.
  setLang(lang, { remount = false } = {}) {
    user.lang = lang;
    harness.form.state.lang = lang;
    if (remount) {
      harness.form.state.fields = harness.form.state.fields.map((f) => ({ ...f, base: f.base || f.key, key: (f.base || f.key) + "@" + lang }));
    } else {
      harness.form.render(true);
    }
  },
  // cycle adds and removes the height field n times, each time waiting
  // until its widget shows (every 50th) or has started.
  async cycle(n) {
    const base = fieldsFor(0);
    for (let k = 0; k < n; k++) {
      harness.form.state.fields = fieldsFor(1).slice(0, 1).map((f) => ({ ...f, key: "c" + k }));
      await new Promise((r) => setTimeout(r, 0));
      await waitFor(() => GoCycle.widgetStats && GoCycle.widgetStats().instances === 1);
      if (k % 50 === 0) {
        await waitFor(() => document.querySelector(".o_form_view input[type=range]") !== null);
      }
      harness.form.state.fields = base;
      await waitFor(() => GoCycle.widgetStats().instances === 0);
    }
    return true;
  },
};
window.harness = harness;

function waitFor(cond) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    (function poll() {
      if (cond()) {
        resolve();
      } else if (performance.now() - start > 10000) {
        reject(new Error("harness: timed out"));
      } else {
        setTimeout(poll, 1);
      }
    })();
  });
}

const env = { services: { user }, model: { bus } };
const app = new App(FormView, { env, props: { record }, dev: params.get("dev") === "1" });
app.mount(document.getElementById("form")).then(
  () => { window.harnessReady = true; },
  (e) => { window.testStartError = "mounting the form: " + e.message; }
);
