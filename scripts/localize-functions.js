// Applies a translation dictionary to custom functions metadata: same ids, localized names, parameter
// names and help. Excel shows a parameter's `name` in the formula tooltip, so French Excel gets French ones.
// Dictionary shape: { parameterNames: { [paramName]: frenchName },
//                     functions: { [id]: { name, description, parameters: { [paramName]: description } } } }

/** What Excel accepts as a parameter name: a letter, then letters or digits (no spaces). */
const PARAMETER_NAME = /^\p{L}[\p{L}\p{N}]*$/u;

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
      const name = dictionary.parameterNames && dictionary.parameterNames[p.name];
      if (typeof name !== "string" || !PARAMETER_NAME.test(name))
        missing.push(`parameter name ${p.name} (${fn.id}): a letter then letters or digits`);
      return { ...p, name: name || p.name, description: description || p.description };
    });
    const seen = new Set(parameters.map((p) => p.name));
    if (seen.size !== parameters.length) missing.push(`distinct parameter names in ${fn.id}`);
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
