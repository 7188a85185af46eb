import { CreateInvoiceRequest, dianRuleViolations } from "@factus-edge/contracts";

type RulesCustomer = Parameters<typeof dianRuleViolations>[0]["customer"];

/**
 * Each field's first problem, by dotted path ("customer.dv", "items.0.price"), as the gateway would report it.
 * The whole-invoice rules (the NIT's check digit…) run only once every field has its shape, so while the form is
 * half filled they are also asked of the customer alone: the DV is judged as soon as it is typed.
 */
export function invoiceErrors(invoice: { customer?: Record<string, string> }): Map<string, string> {
  const errors = new Map<string, string>();
  const add = (path: PropertyKey[], message: string) => {
    const key = path.map(String).join(".");
    if (!errors.has(key)) errors.set(key, message);
  };
  const result = CreateInvoiceRequest.safeParse(invoice);
  if (result.success) return errors;
  for (const issue of result.error.issues) add(issue.path, issue.message);
  // The identity rules read four fields; the form's text is turned into the numbers the schema would make.
  const {
    identification_document_id,
    identification = "",
    dv,
    legal_organization_id,
  } = invoice.customer ?? {};
  const customer = {
    identification_document_id: Number(identification_document_id),
    identification,
    dv,
    legal_organization_id: Number(legal_organization_id),
  } as RulesCustomer;
  for (const violation of dianRuleViolations({ customer, items: [] })) add(violation.path, violation.message);
  return errors;
}

/** The input a dotted path names: a named field, or an item's cell. */
export function fieldFor(form: HTMLFormElement, path: string): HTMLElement | null {
  return form.querySelector(`[name="${CSS.escape(path)}"], [data-path="${CSS.escape(path)}"]`);
}

/**
 * Shows `errors` next to their fields; only on fields the user has touched, unless `all` (after a submit).
 * Answers the errors no field shows (they go to the form's own message).
 */
export function showErrors(form: HTMLFormElement, errors: Map<string, string>, all: boolean): string[] {
  for (const old of form.querySelectorAll(".field-error")) old.remove();
  for (const old of form.querySelectorAll("[aria-invalid]")) old.removeAttribute("aria-invalid");
  const unplaced: string[] = [];
  for (const [path, message] of errors) {
    // The municipality's id is hidden: its visible search box shows the message.
    const field =
      path === "customer.municipality_id" ? form.querySelector("#municipality-search") : fieldFor(form, path);
    if (!field) {
      unplaced.push(path ? `${path}: ${message}` : message);
      continue;
    }
    if (!all && !(field as HTMLElement).dataset.touched) continue;
    field.setAttribute("aria-invalid", "true");
    const note = document.createElement("small");
    note.className = "field-error";
    note.dataset.errorFor = path;
    note.textContent = message;
    // After the label, not inside it: the message must not become part of the field's accessible name.
    (field.closest("label") ?? field).insertAdjacentElement("afterend", note);
  }
  return unplaced;
}
