// react-chrono 3.3 writes some ARIA that axe rejects (STACK.md): attributes a role does
// not allow, roles an element may not take, and low-contrast text. Its props cannot
// turn these off, so after each render we correct the markup it produced, and keep
// correcting while it re-renders. Remove this when react-chrono fixes them upstream.

/** Attributes and roles react-chrono sets where ARIA forbids them. */
function repair(root: HTMLElement) {
  for (const el of root.querySelectorAll<HTMLElement>("[aria-selected]")) {
    const role = el.getAttribute("role");
    if (!role || !["option", "tab", "row", "gridcell", "treeitem", "columnheader", "rowheader"].includes(role)) {
      el.removeAttribute("aria-selected");
    }
  }
  for (const el of root.querySelectorAll<HTMLElement>("[aria-expanded]")) {
    if (!isInteractive(el)) el.removeAttribute("aria-expanded");
  }
  // A list item may not be a button, a listbox may not sit on a plain <ul>, and so on:
  // the cards are already articles with headings, so the extra roles only add noise.
  for (const el of root.querySelectorAll<HTMLElement>("li[role], ul[role], ol[role]")) {
    el.removeAttribute("role");
  }
  // Each card is a <section role="article" aria-label="{date}">: a section may not take
  // that role (axe's aria-allowed-role, Lighthouse's one accessibility failure), and the
  // card inside is already an <article> named by its heading. Without role and label
  // the section is a plain container, not 22 extra landmarks.
  for (const el of root.querySelectorAll<HTMLElement>("section[role]")) {
    el.removeAttribute("role");
    el.removeAttribute("aria-label");
  }
  // Its wrapper and its first card are Tab stops for arrow-key navigation, which is off
  // here: they would only stand between "Skip to results" and the first filing's link.
  for (const el of root.querySelectorAll<HTMLElement>("[tabindex='0']:not(a, button, input, select, textarea, summary)")) {
    el.setAttribute("tabindex", "-1");
  }
  for (const el of root.querySelectorAll<HTMLElement>("[role='button']:not(button)")) {
    // Points and titles are not interactive here (pointClick is off).
    if (!el.hasAttribute("tabindex") || el.getAttribute("tabindex") === "-1") el.removeAttribute("role");
  }
  for (const el of root.querySelectorAll<HTMLElement>("[aria-label]:not(a, button, input, select, textarea, [role], section, nav, main, aside, form)")) {
    el.removeAttribute("aria-label");
  }
}

function isInteractive(el: HTMLElement): boolean {
  const role = el.getAttribute("role");
  return el.tagName === "BUTTON" || el.tagName === "A" || role === "button" || role === "combobox" || role === "tab";
}

const WATCHED = ["role", "aria-selected", "aria-expanded", "aria-label", "tabindex"];

export function repairChronoAccessibility(root: HTMLElement): () => void {
  repair(root);
  const observer = new MutationObserver(() => {
    observer.disconnect();
    repair(root);
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: WATCHED });
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: WATCHED });
  return () => observer.disconnect();
}
