import { initAll } from "./govuk/govuk-frontend.min.js";

initAll();

// Sorting applies at once when JavaScript runs; without it the Sort button submits the form.
const sort = document.getElementById("sort");
if (sort && sort.form) {
  sort.addEventListener("change", () => sort.form.submit());
}
