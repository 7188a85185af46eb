import { nitCheckDigit } from "@factus-edge/contracts";
import { createInvoice, downloadInvoicePdf, EdgeApiError, factusLogin, login } from "@factus-edge/sdk";
import * as z from "zod";
import es from "zod/v4/locales/es.js";
import { edge } from "./api";
import { fieldFor, invoiceErrors, showErrors } from "./field-errors";
import { readInvoice } from "./invoice-values";
import { municipalitySearch } from "./municipality-search";
import { showTotals } from "./totals-preview";
import "./style.css";

// Spanish for zod's own messages too (the contracts' messages already are). Only this locale is bundled.
z.config(es());

const $ = <T extends HTMLElement>(selector: string) => document.querySelector(selector) as T;
const loginForm = $<HTMLFormElement>("#login-form");
const form = $<HTMLFormElement>("#invoice-form");
const items = $<HTMLTableSectionElement>("#items");
const formError = $<HTMLParagraphElement>("#form-error");

/** The company's Factus API version, as the Factus login told it: each version computes totals its own way. */
let factusVersion: "v1" | "v2" = "v1";

const DIAN_STATUS = {
  validated: "Validada por la DIAN",
  pending: "En espera de la DIAN",
  rejected: "Rechazada",
};
const problem = (error: unknown) =>
  error instanceof EdgeApiError ? error.message : "No fue posible comunicarse con el servidor";

loginForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const data = new FormData(loginForm);
  const status = $("#login-status");
  status.textContent = "Iniciando sesión…";
  try {
    await login(edge, { body: { email: String(data.get("email")), password: String(data.get("password")) } });
    const session = await factusLogin(edge, {
      body: { email: String(data.get("factus_email")), password: String(data.get("factus_password")) },
    });
    factusVersion = session.factus_api_version ?? "v1";
    status.textContent = "Sesión iniciada";
    $("#session").hidden = true;
    form.hidden = false;
  } catch (error) {
    status.textContent = problem(error);
  }
});

function addItem() {
  items.append(
    ($<HTMLTemplateElement>("#item-row").content.cloneNode(true) as DocumentFragment).firstElementChild!,
  );
  numberItems();
}
/** Item inputs are named by their position, as the API's error paths name them ("items.1.price"). */
function numberItems() {
  [...items.rows].forEach((row, index) => {
    for (const input of row.querySelectorAll<HTMLInputElement>("[data-field]"))
      input.dataset.path = `items.${index}.${input.dataset.field}`;
  });
}
$("#add-item").addEventListener("click", () => {
  addItem();
  refresh();
});
items.addEventListener("click", (event) => {
  const remove = (event.target as HTMLElement).closest(".remove");
  if (remove && items.rows.length > 1) {
    remove.closest("tr")?.remove();
    numberItems();
    refresh();
  }
});

function dvHint() {
  const identification = fieldFor(form, "customer.identification") as HTMLInputElement;
  const documentType = fieldFor(form, "customer.identification_document_id") as HTMLSelectElement;
  const isNit = documentType.value === "6" && /^\d{1,15}$/.test(identification.value.trim());
  $("#dv-hint").textContent = isNit ? `DV calculado: ${nitCheckDigit(identification.value.trim())}` : "";
}

/** Validate and total as the user types: the same schema and arithmetic the gateway and Factus apply. */
function refresh(all = false) {
  const invoice = readInvoice(form, items);
  dvHint();
  const net = invoice.prices_include_tax === false;
  $("#price-heading").textContent = net ? "Precio (sin IVA)" : "Precio (IVA incl.)";
  showTotals(invoice, factusVersion, {
    gross: $("#total-gross"),
    tax: $("#total-tax"),
    total: $("#total-total"),
    rounding: $("#total-rounding"),
  });
  const errors = invoiceErrors(invoice);
  const unplaced = showErrors(form, errors, all);
  if (all) formError.textContent = unplaced.join(" · ");
  return errors.size === 0 ? invoice : undefined;
}
form.addEventListener("input", (event) => {
  (event.target as HTMLElement).dataset.touched = "true";
  refresh();
});

// One key per distinct request: a double click or a retry after a lost answer cannot issue a second invoice.
let lastSubmission: { body: string; key: string } | undefined;

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  formError.textContent = "";
  const invoice = refresh(true);
  if (!invoice) return;
  const body = JSON.stringify(invoice);
  if (lastSubmission?.body !== body) lastSubmission = { body, key: crypto.randomUUID() };
  const submit = $<HTMLButtonElement>("#submit");
  submit.disabled = true;
  try {
    const created = await createInvoice(
      edge,
      { body: invoice as Parameters<typeof createInvoice>[1]["body"] },
      { idempotencyKey: lastSubmission.key },
    );
    showResult(created);
  } catch (error) {
    formError.textContent = problem(error);
    if (error instanceof EdgeApiError) {
      const fromServer = new Map(error.details.map((detail) => [detail.path ?? "", detail.message]));
      showErrors(form, fromServer, true);
    }
  } finally {
    submit.disabled = false;
  }
});

async function showResult(created: Awaited<ReturnType<typeof createInvoice>>) {
  $("#result-number").textContent = created.number;
  $("#result-cufe").textContent = created.cufe ?? "—";
  $("#result-status").textContent = DIAN_STATUS[created.dian_status] ?? created.dian_status;
  $("#result").hidden = false;
  const link = $<HTMLAnchorElement>("#result-pdf");
  link.hidden = true;
  try {
    const pdf = await downloadInvoicePdf(edge, { path: { number: created.number } });
    link.href = URL.createObjectURL(new Blob([pdf], { type: "application/pdf" }));
    link.download = `${created.number}.pdf`;
    link.hidden = false;
  } catch {
    // No PDF yet (a document DIAN has not validated has none): the number and status are what count.
  }
}

municipalitySearch(
  $<HTMLInputElement>("#municipality-search"),
  $("#municipality-results"),
  fieldFor(form, "customer.municipality_id") as HTMLInputElement,
);
addItem();
refresh();
