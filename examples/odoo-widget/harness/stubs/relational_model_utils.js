// Stand-in for useRecordObserver of @web/model/relational_model/utils
// (Odoo 17), with the effect of @web/core/utils/reactive it is built on:
// callback(record, props) runs before the component starts and again
// whenever what it read of the record changes. As in Odoo, the effect is
// never disposed: once the component is destroyed (or observes another
// record), the superseded effect returns without reading the record, so
// the record's next change drops it and what it holds (the component).
// Unlike Odoo 17, later calls are not batched on an animation frame.
import { onWillDestroy, onWillStart, onWillUpdateProps, reactive, useComponent } from "@odoo/owl";

function effect(cb, deps) {
  const reactiveDeps = reactive(deps, () => {
    cb(...reactiveDeps);
  });
  cb(...reactiveDeps);
}

let lastId = 0;

export function useRecordObserver(callback) {
  const component = useComponent();
  let currentId;
  const observeRecord = (props) => {
    currentId = ++lastId;
    const effectId = currentId;
    return effect(
      (record) => {
        if (effectId !== currentId) {
          return; // superseded or destroyed: read nothing, observe nothing
        }
        return callback(record, props);
      },
      [props.record]
    );
  };
  onWillDestroy(() => {
    currentId = ++lastId;
  });
  onWillStart(() => observeRecord(component.props));
  onWillUpdateProps((props) => {
    if (props.record !== component.props.record) {
      return observeRecord(props);
    }
  });
}
