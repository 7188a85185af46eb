// The form as the create request the API takes: the same object the contracts validate and total, then the SDK
// sends. Values stay text as typed; the schemas turn numeric text into numbers themselves.

/** What every line of this simple form has in common: a unit, the generic product code, VAT. */
const ITEM_DEFAULTS = { unit_measure_id: 70, standard_code_id: 999, is_excluded: 0, tribute_id: 1 };

function setPath(target: Record<string, unknown>, path: string, value: string) {
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1) as string] = value;
}

export function readInvoice(form: HTMLFormElement, itemRows: HTMLElement): Record<string, unknown> {
  const invoice: Record<string, unknown> = {};
  for (const element of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>("[name]")) {
    if (element.value.trim() !== "") setPath(invoice, element.name, element.value.trim());
  }
  // A boolean in the request: the select's text is not one.
  if (invoice.prices_include_tax !== undefined)
    invoice.prices_include_tax = invoice.prices_include_tax === "true";
  invoice.items = [...itemRows.querySelectorAll("tr")].map((row) => {
    const item: Record<string, unknown> = { ...ITEM_DEFAULTS };
    for (const input of row.querySelectorAll<HTMLInputElement>("[data-field]")) {
      if (input.value.trim() !== "") item[input.dataset.field as string] = input.value.trim();
    }
    return item;
  });
  return invoice;
}
