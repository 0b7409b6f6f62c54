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
