import { initAll } from "./govuk/govuk-frontend.min.js";

initAll();

// Sorting applies at once when JavaScript runs; without it the Sort button submits the form.
const sort = document.getElementById("sort");
if (sort && sort.form) {
  sort.addEventListener("change", () => sort.form.submit());
}

// On a small screen the search filters open from the Filter button (without JavaScript they follow the results).
const toggle = document.querySelector(".cr-filters-toggle");
const layout = document.querySelector(".cr-search-layout");
if (toggle && layout) {
  toggle.hidden = false;
  toggle.addEventListener("click", () => {
    const open = layout.classList.toggle("cr-search-layout--filters-open");
    toggle.setAttribute("aria-expanded", String(open));
    if (open) {
      document.getElementById("filter-heading").setAttribute("tabindex", "-1");
      document.getElementById("filter-heading").focus();
    }
  });
}

// Before a signed-in session ends: a warning with a way to stay signed in (the server renews the session), then,
// if nothing is done, the sign-in page. Without JavaScript the session simply ends.
const warning = document.getElementById("timeout-warning");
if (warning) {
  let ends = Date.now() + Number(warning.dataset.seconds) * 1000;
  const warnMs = Number(warning.dataset.warn) * 1000;
  const left = warning.querySelector(".cr-timeout__left");
  const form = warning.querySelector(".cr-timeout__form");
  let before = null;
  const tick = () => {
    const remaining = Math.max(0, Math.round((ends - Date.now()) / 1000));
    if (remaining === 0) {
      window.location.href = `${warning.dataset.signIn}?next=${encodeURIComponent(location.pathname + location.search)}`;
      return;
    }
    if (remaining * 1000 <= warnMs && warning.hidden) {
      before = document.activeElement;
      warning.hidden = false;
      document.getElementById("timeout-title").focus();
    }
    if (!warning.hidden) {
      const minutes = Math.ceil(remaining / 60);
      left.textContent = remaining > 90 ? `${minutes} minutes` : `${remaining} seconds`;
    }
    window.setTimeout(tick, 1000);
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const answer = await fetch(form.action, { method: "POST", body: new FormData(form), headers: { Accept: "application/json" } });
    if (!answer.ok) {
      form.submit();
      return;
    }
    ends = Date.now() + (await answer.json()).seconds * 1000;
    warning.hidden = true;
    if (before) before.focus();
  });
  warning.addEventListener("keydown", (event) => {
    if (event.key === "Escape") form.requestSubmit();
    if (event.key !== "Tab") return;
    const stops = [...warning.querySelectorAll("button, [tabindex='-1']")];
    const [first, last] = [stops[0], stops[stops.length - 1]];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });
  tick();
}
