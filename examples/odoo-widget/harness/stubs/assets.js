// Stand-in for @web/core/assets's loadJS (Odoo 17): a script tag per URL,
// loaded once; the harness counts the calls and the loads.
const cache = new Map();
export const loadJSCalls = [];

export function loadJS(url) {
  loadJSCalls.push(url);
  if (!cache.has(url)) {
    cache.set(url, new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.type = "text/javascript";
      script.src = url;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`The loading of ${url} failed`));
      document.head.appendChild(script);
    }));
  }
  return cache.get(url);
}
