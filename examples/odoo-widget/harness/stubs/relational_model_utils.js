// Stand-in for useRecordObserver of @web/model/relational_model/utils
// (Odoo 17), with the effect of @web/core/utils/reactive it is built on:
// callback(record, props) runs before the component starts and again
// whenever what it read of the record changes.
import { onWillStart, onWillUpdateProps, reactive, useComponent } from "@odoo/owl";

function effect(cb, deps) {
  const reactiveDeps = reactive(deps, () => {
    cb(...reactiveDeps);
  });
  cb(...reactiveDeps);
}

export function useRecordObserver(callback) {
  const component = useComponent();
  let currentId;
  const observeRecord = (props) => {
    currentId = props.record.id;
    return effect(
      (record) => {
        if (currentId === record.id) {
          return callback(record, props);
        }
      },
      [props.record]
    );
  };
  onWillStart(() => observeRecord(component.props));
  onWillUpdateProps((props) => {
    if (props.record.id !== component.props.record.id) {
      return observeRecord(props);
    }
  });
}
