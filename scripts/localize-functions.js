// Applies a translation dictionary to custom functions metadata: same ids, localized names and help.
// Dictionary shape: { functions: { [id]: { name, description, parameters: { [paramName]: description } } } }

function localizeMetadata(metadata, dictionary) {
  const missing = [];
  const functions = metadata.functions.map((fn) => {
    const t = dictionary.functions && dictionary.functions[fn.id];
    if (!t) {
      missing.push(`function ${fn.id}`);
      return fn;
    }
    const parameters = (fn.parameters || []).map((p) => {
      const description = t.parameters && t.parameters[p.name];
      if (typeof description !== "string" || description.length === 0)
        missing.push(`parameter ${fn.id}.${p.name}`);
      return { ...p, description: description || p.description };
    });
    if (!t.name || !t.description) missing.push(`name or description of ${fn.id}`);
    const localized = {
      ...fn,
      name: t.name || fn.name,
      description: t.description || fn.description,
      parameters,
    };
    if (fn.result && t.result) localized.result = { ...fn.result, description: t.result };
    return localized;
  });
  if (missing.length > 0) throw new Error(`missing French translations: ${missing.join(", ")}`);
  const names = new Set();
  for (const fn of functions) {
    if (names.has(fn.name)) throw new Error(`duplicate French function name ${fn.name}`);
    names.add(fn.name);
  }
  return { ...metadata, functions };
}

module.exports = { localizeMetadata };
