// German texts for the few English strings Streamlit's own controls show (tooltips and labels of
// the table tool bar, form and upload hints, help buttons). Streamlit has no UI language setting;
// this observer rewrites those texts and labels whenever Streamlit draws them. Loaded once per page.
(function () {
  if (window.__koopatlasGerman) return;
  window.__koopatlasGerman = true;
  const exact = {
    "Download as CSV": "Als CSV herunterladen (Ansicht)",
    "Search": "Suchen",
    "Fullscreen": "Vollbild",
    "Close fullscreen": "Vollbild beenden",
    "Show/hide columns": "Spalten ein- oder ausblenden",
    "Press Enter to submit form": "Eingabetaste zum Absenden",
    "Press Enter to apply": "Eingabetaste zum Übernehmen",
    "Press ⌘+Enter to submit form": "⌘+Eingabetaste zum Absenden",
    "Press Ctrl+Enter to submit form": "Strg+Eingabetaste zum Absenden",
    "Press ⌘+Enter to apply": "⌘+Eingabetaste zum Übernehmen",
    "Press Ctrl+Enter to apply": "Strg+Eingabetaste zum Übernehmen",
    "Drag and drop file here": "Datei hierher ziehen",
    "Drag and drop files here": "Dateien hierher ziehen",
    "Browse files": "Datei auswählen",
    "Upload": "Hochladen",
    "No results": "Keine Treffer",
    "No options to select.": "Keine Auswahl möglich.",
    "Clear all": "Alle entfernen",
    "Choose an option": "Bitte wählen",
    "Choose options": "Bitte wählen",
    "Copy to clipboard": "In die Zwischenablage kopieren",
    "Copied": "Kopiert",
    "Sort ascending": "Aufsteigend sortieren",
    "Sort descending": "Absteigend sortieren",
    "Hide column": "Spalte ausblenden",
    "Pin column": "Spalte fixieren",
    "Unpin column": "Fixierung lösen",
    "Autosize": "Breite anpassen",
    "Format": "Format",
    "Running...": "Wird berechnet …",
    "Stop": "Anhalten",
    "Close": "Schließen",
  };
  const patterns = [
    [/^Help for (.*)$/, "Hilfe zu $1"],
    [/^Limit (\S+) per file(.*)$/, "Höchstens $1 je Datei$2"],
    [/^Remove (.*)$/, "$1 entfernen"],
  ];
  function translate(text) {
    const key = text.trim();
    if (!key) return null;
    if (Object.prototype.hasOwnProperty.call(exact, key)) return text.replace(key, exact[key]);
    for (const [re, out] of patterns) if (re.test(key)) return text.replace(key, key.replace(re, out));
    return null;
  }
  const ATTRS = ["aria-label", "title", "placeholder"];
  function fixElement(el) {
    for (const name of ATTRS) {
      const value = el.getAttribute && el.getAttribute(name);
      if (value) {
        const german = translate(value);
        if (german !== null && german !== value) el.setAttribute(name, german);
      }
    }
  }
  function fixText(node) {
    if (node.parentElement && node.parentElement.closest("pre, code, textarea, [contenteditable]")) return;
    const german = translate(node.nodeValue);
    if (german !== null && german !== node.nodeValue) node.nodeValue = german;
  }
  function walk(root) {
    if (root.nodeType === Node.TEXT_NODE) { fixText(root); return; }
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    fixElement(root);
    for (const el of root.querySelectorAll("[aria-label], [title], [placeholder]")) fixElement(el);
    const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = texts.nextNode(); n; n = texts.nextNode()) fixText(n);
  }
  const observer = new MutationObserver(function (changes) {
    for (const change of changes) {
      if (change.type === "childList") change.addedNodes.forEach(walk);
      else if (change.type === "characterData") fixText(change.target);
      else if (change.type === "attributes") fixElement(change.target);
    }
  });
  observer.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true,
                                   attributeFilter: ATTRS});
  walk(document.body);
})();
