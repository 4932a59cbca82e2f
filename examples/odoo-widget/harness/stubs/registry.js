// Stand-in for @web/core/registry: categories of named entries, as the
// component uses them (registry.category("fields").add(name, entry)).
class Registry {
  constructor() {
    this.content = new Map();
    this.subRegistries = new Map();
  }
  add(key, value, { force = false } = {}) {
    if (this.content.has(key) && !force) {
      throw new Error(`Cannot add '${key}' in this registry: it already exists`);
    }
    this.content.set(key, value);
    return this;
  }
  get(key) {
    if (!this.content.has(key)) {
      throw new Error(`Cannot find ${key} in this registry!`);
    }
    return this.content.get(key);
  }
  contains(key) {
    return this.content.has(key);
  }
  category(name) {
    if (!this.subRegistries.has(name)) {
      this.subRegistries.set(name, new Registry());
    }
    return this.subRegistries.get(name);
  }
}

export const registry = new Registry();
