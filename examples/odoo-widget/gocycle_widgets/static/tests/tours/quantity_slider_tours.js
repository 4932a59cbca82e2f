/** @odoo-module **/
// The tours of tests/test_ui.py: the quantity slider in the real web
// client. Each opens a form that the Python test made (the URL is the
// test's), and checks what a user sees and does. Keys are pressed by the
// test itself through the browser (see KEY in tests/test_ui.py): an event
// made in JavaScript would not move a range input.
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const HEIGHT = '.o_field_widget[name="height_cm"]';
const WEIGHT = '.o_field_widget[name="weight_kg"]';
const HEIGHT_INPUT = `${HEIGHT} input[type="range"]`;

// press asks the test to press key in the focused element, as a user
// would (tests/test_ui.py answers the console message).
function press(key) {
    console.info(`gocycle-test:key ${key}`);
}

function fail(message) {
    console.error(`gocycle tour: ${message}`);
    throw new Error(message);
}

// focusSlider: the height slider is labelled by Odoo's own label (its
// for= names the input) and takes the keyboard focus.
function focusSlider(label) {
    return {
        content: "the height slider is shown, labelled by the form's label",
        trigger: HEIGHT_INPUT,
        run() {
            const input = this.$anchor[0];
            const labels = Array.from(input.labels || []);
            if (labels.length !== 1 || !labels[0].classList.contains("o_form_label") || !labels[0].textContent.includes(label)) {
                fail(`the range input must have Odoo's label "${label}" as its only label, has ${JSON.stringify(labels.map((l) => l.outerHTML))}`);
            }
            if (!input.classList.contains("form-range")) {
                fail("the range input has not Bootstrap's form-range class");
            }
            input.focus();
        },
    };
}

// pressRight presses ArrowRight in the height slider, which has the
// focus (a headless page has no focused window, so :focus matches
// nothing there: document.activeElement tells).
function pressRight() {
    return {
        content: "press ArrowRight in the height slider",
        trigger: HEIGHT_INPUT,
        run() {
            if (document.activeElement !== this.$anchor[0]) {
                fail(`the height slider must have the focus, ${document.activeElement && document.activeElement.outerHTML} has`);
            }
            press("ArrowRight");
        },
    };
}

// 170 cm is 66.93 in: the thumb sits on 67 in, and ArrowRight moves it to
// 67.5 in (the 1 cm step is half an inch in feet and inches).
const MOVED = `${HEIGHT_INPUT}[aria-valuenow="67.5"]`;

registry.category("web_tour.tours").add("gocycle_quantity_slider_keyboard", {
    test: true,
    steps: () => [
        focusSlider("Height"),
        pressRight(),
        { content: "the slider moved half an inch", trigger: MOVED, run() {} },
        ...stepUtils.saveForm(),
    ],
});

// A drag in progress: input events without the change event that ends
// a move, so the value waits for the write delay, and the page reloads
// before it is over. Odoo's urgent save (WILL_SAVE_URGENTLY) must get it.
registry.category("web_tour.tours").add("gocycle_quantity_slider_reload", {
    test: true,
    steps: () => [
        focusSlider("Height"),
        {
            content: "drag the height slider to 67.5 in, without letting go",
            trigger: HEIGHT_INPUT,
            run() {
                const input = this.$anchor[0];
                for (const v of ["67", "67.5"]) {
                    input.value = v;
                    input.dispatchEvent(new Event("input", { bubbles: true }));
                }
            },
        },
        {
            content: "reload at once, before the widget's write delay is over",
            trigger: MOVED,
            run() {
                window.location.reload();
            },
        },
        {
            content: "after the reload, the form shows the saved value",
            trigger: MOVED,
            run() {
                if (document.activeElement === this.$anchor[0]) {
                    fail("the page did not reload");
                }
            },
        },
    ],
});

registry.category("web_tour.tours").add("gocycle_quantity_slider_es", {
    test: true,
    steps: () => [
        focusSlider("Altura"),
        { content: "Spanish height, in metres and centimetres", trigger: `${HEIGHT} output:contains("1 m y 70 cm")`, run() {} },
        { content: "the weight's label", trigger: '.o_form_label:contains("Peso")', run() {} },
        { content: "Spanish weight, with a decimal comma", trigger: `${WEIGHT} output:contains("69,5 kg")`, run() {} },
        {
            content: "the widget speaks Spanish",
            trigger: `${HEIGHT} .gc-widget[lang="es"]`,
            run() {},
        },
    ],
});

// A stored 0 (Odoo's value for an empty float) below min 50 cm: shown as
// it is and flagged, and not written when the record is saved.
registry.category("web_tour.tours").add("gocycle_quantity_slider_out_of_range", {
    test: true,
    steps: () => [
        { content: "0 cm is flagged as out of range", trigger: `${HEIGHT} .gc-out-of-range`, run() {} },
        {
            content: "and shown as 0, not as the minimum",
            trigger: `${HEIGHT} output`,
            run() {
                const text = this.$anchor[0].textContent;
                if (!/^0\D/.test(text) || /[1-9]/.test(text)) {
                    fail(`the read-out of a stored 0 must be 0 in the display unit, is "${text}"`);
                }
            },
        },
        { content: "edit another field", trigger: '.o_field_widget[name="name"] input', run: "text Zero, saved" },
        ...stepUtils.saveForm(),
    ],
});

// A second form of the same record: the value saved in the first shows
// in the second, and a move there is saved too.
registry.category("web_tour.tours").add("gocycle_quantity_slider_second_form", {
    test: true,
    steps: () => [
        focusSlider("Height"),
        pressRight(),
        { content: "moved", trigger: MOVED, run() {} },
        ...stepUtils.saveForm(),
        { content: "back to the list", trigger: ".o_back_button, .breadcrumb-item:not(.active) a", run: "click" },
        { content: "open the record again", trigger: '.o_data_row td[name="name"]:contains("Second form")', run: "click" },
        { content: "the second form shows the saved value", trigger: MOVED, run() {} },
        {
            content: "focus it",
            trigger: MOVED,
            run() {
                this.$anchor[0].focus();
            },
        },
        pressRight(),
        { content: "moved again", trigger: `${HEIGHT_INPUT}[aria-valuenow="68"]`, run() {} },
        ...stepUtils.saveForm(),
    ],
});

// A view whose widget options are wrong: the field is invalid, the
// widget says which option and what it accepts, and saving does not
// write the value.
registry.category("web_tour.tours").add("gocycle_quantity_slider_bad_option", {
    test: true,
    steps: () => [
        { content: "the field is marked invalid", trigger: `${HEIGHT}.o_field_invalid`, run() {} },
        {
            content: "the widget names the option and what it accepts",
            trigger: `${HEIGHT} .gc-widget-invalid[role="alert"]`,
            run() {
                const text = this.$anchor[0].textContent;
                if (!text.includes('"unit"') || !text.includes("centimetre") || !text.includes("centimeter")) {
                    fail(`the message must name the option "unit", the value and an accepted unit: "${text}"`);
                }
                if (/Props|units\.|slider:/.test(text)) {
                    fail(`the message speaks Go: "${text}"`);
                }
            },
        },
        { content: "edit another field", trigger: '.o_field_widget[name="name"] input', run: "text Bad option, edited" },
        { content: "Odoo will not save: it warns", trigger: ".o_form_status_indicator .fa-warning", run() {} },
        {
            content: "and its save button is disabled",
            trigger: ".o_form_status_indicator .o_form_button_save[disabled]",
            isCheck: true,
            run() {},
        },
        { content: "discard the edit", trigger: ".o_form_button_cancel", run: "click" },
        { content: "the form is clean again", trigger: ".o_form_view .o_form_saved, .o_form_view:not(:has(.o_form_dirty))", run() {} },
    ],
});

// Read-only, as Odoo shows a read-only number: the value as text, named
// by the form's label; and a field without a label (nolabel="1"), whose
// input is named by the field's name.
registry.category("web_tour.tours").add("gocycle_quantity_slider_readonly", {
    test: true,
    steps: () => [
        {
            content: "the read-only height is text, which the form's label names",
            trigger: `${HEIGHT} output`,
            run() {
                const output = this.$anchor[0];
                const labels = Array.from(output.labels || []);
                if (labels.length !== 1 || !labels[0].textContent.includes("Height")) {
                    fail(`the read-out must have the form's label "Height", has ${JSON.stringify(labels.map((l) => l.outerHTML))}`);
                }
                if (output.textContent !== "5 ft, 10.5 in") {
                    fail(`179.07 cm must read "5 ft, 10.5 in", reads "${output.textContent}"`);
                }
                const input = document.querySelector(HEIGHT_INPUT);
                if (input && input.offsetParent !== null) {
                    fail("the read-only height shows a slider");
                }
            },
        },
        {
            content: "the weight without a label is named by the field's name",
            trigger: `${WEIGHT} input[type="range"][aria-label="Weight"]`,
            run() {},
        },
    ],
});

// Arabic (ar_001) is written right to left: the widget's row runs from
// the right, and it speaks Arabic, as ICU formats it.
registry.category("web_tour.tours").add("gocycle_quantity_slider_rtl", {
    test: true,
    steps: () => [
        {
            content: "the widget is right to left, in Arabic",
            trigger: `${HEIGHT} .gc-widget[dir="rtl"][lang="ar"] output:contains("179.07 سم")`,
            run() {
                const row = this.$anchor[0].closest(".gc-slider-row");
                if (getComputedStyle(row).direction !== "rtl") {
                    fail(`the slider's row runs ${getComputedStyle(row).direction}, want rtl`);
                }
            },
        },
    ],
});
