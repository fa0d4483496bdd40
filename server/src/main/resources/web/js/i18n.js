// All user-facing text comes from one message file per language (i18n/messages.LANG.json), so a
// translation is one file. English is the fallback for a language without a file.
let messages = {};
export const missing = [];

export async function loadMessages() {
  const wanted = (navigator.language || 'en').slice(0, 2).toLowerCase();
  for (const lang of [...new Set([wanted, 'en'])]) {
    const res = await fetch(`/i18n/messages.${lang}.json`);
    if (res.ok) {
      messages = await res.json();
      document.documentElement.lang = lang;
      return;
    }
  }
  throw new Error('no message file');
}

/** The text for a key, with {name} replaced by params.name. A missing key shows itself and is recorded. */
export function t(key, params = {}) {
  let text = messages[key];
  if (text === undefined) {
    if (!missing.includes(key)) missing.push(key);
    window.rollwellMissingMessages = missing;
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (all, name) => (params[name] === undefined ? all : String(params[name])));
}

/** True when the file has the key (for optional texts such as a screening id's explanation). */
export function has(key) {
  return messages[key] !== undefined;
}
