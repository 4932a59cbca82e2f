// Stand-in for @web/core/utils/hooks (Odoo 17): useService and useBus.
import { useComponent, useEffect } from "@odoo/owl";

export function useService(name) {
  const { services } = useComponent().env;
  if (!(name in services)) {
    throw new Error(`Service ${name} is not available`);
  }
  return services[name];
}

export function useBus(bus, eventName, callback) {
  const component = useComponent();
  useEffect(
    () => {
      const listener = callback.bind(component);
      bus.addEventListener(eventName, listener);
      return () => bus.removeEventListener(eventName, listener);
    },
    () => []
  );
}
